package org.custody.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code custody} launcher. Each area registers its subcommands here. */
@Command(name = "custody", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
        description = "Security-assistance accountability: screening, ledger, vetting, evidence, diversion.")
public final class CustodyCommand implements Runnable {

    /** Every area's commands, in the order help lists them. */
    static final List<Class<?>> SUBCOMMANDS = List.of(
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
            ShellCommand.Man.class);

    /**
     * What a one-name screen or compare needs: setting up picocli's model of every command (a few hundred
     * options, found by reflection) costs a cold process more time than the screen itself.
     */
    private static final List<Class<?>> SCREENING_COMMANDS =
            List.of(CommandLine.HelpCommand.class, ScreenCommand.class, CompareCommand.class);

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
        boolean screening = args.length > 0 && (args[0].equals("screen") || args[0].equals("compare"));
        CommandLine cl = commandLine(context, screening ? SCREENING_COMMANDS : SUBCOMMANDS);
        boolean debug = java.util.Arrays.asList(args).contains("--debug")
                || !System.getenv().getOrDefault("CUSTODY_DEBUG", "").isEmpty();
        NumericOptions.register(cl);
        ExitCodes.install(cl, debug);
        return cl.execute(args);
    }

    /** The whole command tree (used to run commands, and to generate completion scripts and man pages). */
    static CommandLine commandLine(CliContext context) {
        return commandLine(context, SUBCOMMANDS);
    }

    private static CommandLine commandLine(CliContext context, List<Class<?>> subcommands) {
        ContextFactory factory = new ContextFactory(context);
        CommandLine root = new CommandLine(new CustodyCommand(), factory);
        for (Class<?> command : subcommands) root.addSubcommand(new CommandLine(command, factory));
        return root;
    }
}
