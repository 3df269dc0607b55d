package org.custody.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress bars for long CLI work, on standard error so standard output stays machine-readable, and only
 * when standard error is a terminal: redirected to a file or a pipe, no frames are written (the commands
 * print their one-line summary either way).
 */
final class Bars {

    /** Set by the {@code custody} launcher, which can test standard error itself ({@code [ -t 2 ]}). */
    static final String TERMINAL_PROPERTY = "custody.stderr.terminal";

    private Bars() {}

    /** Whether standard error is an interactive terminal (without the launcher's word: the JVM's console). */
    static boolean stderrIsTerminal() {
        String told = System.getProperty(TERMINAL_PROPERTY);
        if (told != null) return Boolean.parseBoolean(told);
        java.io.Console console = System.console();
        if (console == null) return false;
        try {
            // Console.isTerminal() exists from Java 22 on, where System.console() is no longer null when redirected
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // Java 21: a console exists only when attached to a terminal
        }
    }

    /** A bar on standard error, or null when standard error is not a terminal (callers skip null bars). */
    static ProgressBar bar(String task, long total, String unit) {
        if (!stderrIsTerminal()) return null;
        return new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                .setUnit(" " + unit, 1).showSpeed().setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
    }
}
