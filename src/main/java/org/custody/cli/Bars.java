package org.custody.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Progress bars for long CLI work, always on standard error so standard output stays machine-readable. */
final class Bars {

    private Bars() {}

    static ProgressBar bar(String task, long total, String unit) {
        return new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                .setUnit(" " + unit, 1).showSpeed().setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
    }
}
