package org.custody.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code custody} launcher. Each area registers its subcommands here. */
@Command(name = "custody", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
        description = "Security-assistance accountability: screening, ledger, vetting, evidence, diversion.",
        subcommands = {
            CommandLine.HelpCommand.class,
            DemoCommand.class,
            AuditCommand.class,
            LedgerCommand.class,
            EumCommand.class,
            VetCommand.class,
            ListsCommand.class,
            ScreenCommand.class,
            CompareCommand.class,
            IngestCommand.class,
            StoriesCommand.class,
            CasesCommand.class,
            CaseCommand.class,
            UnitRiskCommand.class,
            DetectCommand.class,
            ReportCommand.class,
            ServeCommand.class,
            UsersCommand.class,
            ShellCommand.Completion.class,
            ShellCommand.Man.class,
        })
public final class CustodyCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Declared here for every command; read from the arguments before parsing (see {@link #execute}). */
    @CommandLine.Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Print the stack trace of an error (also CUSTODY_DEBUG=1).")
    boolean debug;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command line and returns its exit code; tests call this instead of main. */
    public static int execute(String... args) {
        try (CliContext context = new CliContext()) {
            // a screening run needs the engine first: restore it while the command line is being set up
            List<String> a = List.of(args);
            if (a.size() > 1 && (a.getFirst().equals("screen") || a.getFirst().equals("compare"))
                    && !a.contains("--help") && !a.contains("-h") && !a.contains("--version") && !a.contains("-V")) {
                context.prepareScreener();
            }
            return execute(context, args);
        }
    }

    /** Runs a command line in a given context (tests pass a temporary home and a test database). */
    public static int execute(CliContext context, String... args) {
        CommandLine cl = commandLine(context);
        boolean debug = java.util.Arrays.asList(args).contains("--debug")
                || !System.getenv().getOrDefault("CUSTODY_DEBUG", "").isEmpty();
        NumericOptions.register(cl);
        ExitCodes.install(cl, debug);
        return cl.execute(args);
    }

    /** The whole command tree (used to run commands, and to generate completion scripts and man pages). */
    static CommandLine commandLine(CliContext context) {
        return new CommandLine(new CustodyCommand(), new ContextFactory(context));
    }
}
