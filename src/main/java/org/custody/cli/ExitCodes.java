package org.custody.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;

/**
 * Custody's exit codes, decided in one place for every command: 0 success, 1 not found or refused
 * (anything a command rejects while running: an unknown serial, a malformed file, a refused delivery),
 * 2 usage error (the command line itself is wrong). Errors print one line on standard error naming the
 * thing and, where there is one, the fix; the stack trace only with {@code --debug} (or
 * {@code CUSTODY_DEBUG=1}).
 */
final class ExitCodes {

    static final int OK = 0;
    static final int NOT_FOUND_OR_REFUSED = 1;
    static final int USAGE = 2;

    /** What {@code --help} prints under "Exit codes:" for every command. */
    static final Map<String, String> DOCUMENTED = new LinkedHashMap<>();

    static {
        DOCUMENTED.put(" " + OK, "success");
        DOCUMENTED.put(" " + NOT_FOUND_OR_REFUSED, "not found or refused (unknown id, malformed file, refused delivery)");
        DOCUMENTED.put(" " + USAGE, "usage error (unknown option, missing or malformed argument)");
    }

    private ExitCodes() {}

    /** Installs the exit codes, their help section and the error printing on a command line and all its subcommands. */
    static void install(CommandLine cl, boolean debug) {
        document(cl);
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            PrintWriter err = line.getErr();
            err.println("custody: " + Printable.text(oneLine(ex)));
            if (debug) ex.printStackTrace(err);
            err.flush();
            return ex instanceof UsageException ? USAGE : NOT_FOUND_OR_REFUSED;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine line = ex.getCommandLine();
            PrintWriter err = line.getErr();
            err.println("custody: " + Printable.text(ex.getMessage()));
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
            err.println("Try '" + line.getCommandSpec().qualifiedName() + " --help' for the options.");
            if (debug) ex.printStackTrace(err);
            err.flush();
            return USAGE;
        });
    }

    private static void document(CommandLine cl) {
        cl.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(DOCUMENTED);
        for (CommandLine sub : cl.getSubcommands().values()) document(sub);
    }

    /**
     * The message of an error as one line: its own message when it has one (the messages name the file,
     * line, field or id), else the kind of failure and a pointer to {@code --debug}.
     */
    static String oneLine(Throwable ex) {
        String msg = ex.getMessage();
        if (msg == null || msg.isBlank()) {
            Throwable cause = ex.getCause();
            if (cause != null && cause != ex) return oneLine(cause);
            return "internal error (" + ex.getClass().getSimpleName() + "); run again with --debug for the details";
        }
        return msg.strip();
    }
}
