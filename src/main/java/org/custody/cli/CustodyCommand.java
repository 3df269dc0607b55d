package org.custody.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code custody} launcher. Each area registers its subcommands here. */
@Command(name = "custody", mixinStandardHelpOptions = true, version = "custody 0.1.0",
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
        })
public final class CustodyCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

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
        CommandLine cl = new CommandLine(new CustodyCommand(), new ContextFactory(context));
        NumericOptions.register(cl);
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            line.getErr().println("custody: " + Printable.text(ex.getMessage()));
            if (System.getenv("CUSTODY_DEBUG") != null) ex.printStackTrace(line.getErr());
            return 1;
        });
        return cl.execute(args);
    }
}
