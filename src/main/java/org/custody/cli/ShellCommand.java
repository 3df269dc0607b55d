package org.custody.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * What users of a command-line tool expect around it, generated from the command definitions themselves
 * (so they never drift from the code): shell completion for bash and zsh, and one man page per command.
 */
final class ShellCommand {

    private ShellCommand() {}

    @Command(name = "completion", mixinStandardHelpOptions = true,
            description = {"Print a shell completion script for custody.",
                "bash: source <(custody completion bash)   zsh: source <(custody completion zsh)"})
    static final class Completion implements Runnable {

        @Parameters(index = "0", paramLabel = "SHELL", description = "bash or zsh.")
        String shell;

        @Override
        public void run() {
            System.out.print(script(shell));
        }

        static String script(String shell) {
            // the tree without a context: completion only reads the command definitions
            String bash = AutoComplete.bash("custody", CustodyCommand.commandLine(null));
            return switch (shell.toLowerCase(Locale.ROOT)) {
                case "bash" -> bash;
                case "zsh" -> "# zsh: picocli's completion runs through zsh's bash-completion emulation\n"
                        + "autoload -U +X compinit && compinit\nautoload -U +X bashcompinit && bashcompinit\n" + bash;
                default -> throw new UsageException("no completion for shell '" + shell + "': give bash or zsh");
            };
        }
    }

    @Command(name = "man", mixinStandardHelpOptions = true,
            description = {"Write a man page (troff) for custody and each of its commands into a folder.",
                "Read one with: man -l DIR/custody-ledger-serial.1"})
    static final class Man implements Runnable {

        @Option(names = "--dir", required = true, paramLabel = "DIR", description = "Folder to write the pages into (created if missing).")
        Path dir;

        @Override
        public void run() {
            List<Path> written = write(CustodyCommand.commandLine(null), dir);
            System.out.println("custody man: " + written.size() + " page(s) written to " + dir);
        }

        static List<Path> write(CommandLine root, Path dir) {
            List<Path> out = new ArrayList<>();
            try {
                Files.createDirectories(dir);
                writeAll(root, dir, out);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write man pages to " + dir + ": " + e.getMessage(), e);
            }
            return out;
        }

        private static void writeAll(CommandLine cl, Path dir, List<Path> out) throws IOException {
            Path file = dir.resolve(pageName(cl.getCommandSpec()) + ".1");
            Files.writeString(file, page(cl));
            out.add(file);
            for (CommandLine sub : cl.getSubcommands().values()) {
                if (sub.getCommandSpec().parent() == cl.getCommandSpec() && !isAlias(cl, sub)) writeAll(sub, dir, out);
            }
        }

        private static boolean isAlias(CommandLine parent, CommandLine sub) {
            return parent.getSubcommands().get(sub.getCommandName()) != sub;
        }

        static String pageName(CommandSpec spec) {
            return spec.qualifiedName("-");
        }

        /** One man page in troff (man macros): name, synopsis, description, options, commands, exit status. */
        static String page(CommandLine cl) {
            CommandSpec spec = cl.getCommandSpec();
            CommandLine.Help help = cl.getHelp();
            String name = pageName(spec);
            StringBuilder sb = new StringBuilder();
            sb.append(".TH \"").append(name.toUpperCase(Locale.ROOT)).append("\" \"1\" \"")
                    .append(LocalDate.now(ZoneOffset.UTC)).append("\" \"").append(esc(new BuildVersion().getVersion()[0]))
                    .append("\" \"Custody Manual\"\n");
            sb.append(".SH NAME\n").append(esc(name)).append(" \\- ").append(esc(first(spec.usageMessage().description())))
                    .append('\n');
            sb.append(".SH SYNOPSIS\n.nf\n").append(esc(help.synopsis(0).stripTrailing())).append("\n.fi\n");
            sb.append(".SH DESCRIPTION\n");
            for (String d : spec.usageMessage().description()) sb.append(esc(String.format(d))).append("\n.PP\n");
            if (!spec.positionalParameters().isEmpty()) {
                sb.append(".SH ARGUMENTS\n");
                for (PositionalParamSpec p : spec.positionalParameters()) {
                    sb.append(".TP\n\\fI").append(esc(p.paramLabel())).append("\\fR\n")
                            .append(esc(String.join(" ", p.description()))).append('\n');
                }
            }
            sb.append(".SH OPTIONS\n");
            for (OptionSpec o : spec.options()) {
                if (o.hidden()) continue;
                sb.append(".TP\n\\fB").append(esc(String.join(", ", o.names()))).append("\\fR");
                if (o.arity().max() > 0) sb.append(" \\fI").append(esc(o.paramLabel())).append("\\fR");
                sb.append('\n').append(esc(String.join(" ", o.description()).replace("${DEFAULT-VALUE}",
                        String.valueOf(o.defaultValue())))).append('\n');
            }
            if (!cl.getSubcommands().isEmpty()) {
                sb.append(".SH COMMANDS\n");
                cl.getSubcommands().forEach((sub, line) -> {
                    if (isAlias(cl, line)) return;
                    sb.append(".TP\n\\fB").append(esc(sub)).append("\\fR\n")
                            .append(esc(first(line.getCommandSpec().usageMessage().description())))
                            .append(" See \\fB").append(esc(pageName(line.getCommandSpec()))).append("\\fR(1).\n");
                });
            }
            sb.append(".SH EXIT STATUS\n");
            ExitCodes.DOCUMENTED.forEach((code, what) ->
                    sb.append(".TP\n\\fB").append(code.strip()).append("\\fR\n").append(esc(what)).append('\n'));
            sb.append(".SH ENVIRONMENT\n.TP\n\\fBCUSTODY_HOME\\fR\nThe folder holding the installation's data "
                    + "(default ~/.custody); see docs/configuration.md for every setting.\n");
            return sb.toString();
        }

        private static String first(String[] description) {
            return description.length == 0 ? "" : String.format(description[0]);
        }

        /** Escapes text for troff: backslashes, hyphens, and a leading dot or quote on a line. */
        static String esc(String s) {
            String t = s.replace("\\", "\\e").replace("-", "\\-");
            return t.replaceAll("(?m)^([.'])", "\\\\&$1");
        }
    }
}
