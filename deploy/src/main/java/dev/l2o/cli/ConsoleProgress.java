package dev.l2o.cli;

import dev.l2o.connector.ProgressListener;
import java.io.PrintWriter;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Renders connector progress on stderr: a progress bar on a terminal, plain lines otherwise (CI logs, pipes),
 * where a line is printed when a task starts and ends and at most every 10% in between.
 */
final class ConsoleProgress implements ProgressListener {
    private final PrintWriter err;
    private final boolean terminal;
    private ProgressBar bar;
    private String task;
    private long total;
    private long done;
    private long lastReportedTenth;

    ConsoleProgress(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public synchronized void started(String taskName, long expected) {
        finished();
        task = taskName;
        total = expected;
        done = 0;
        lastReportedTenth = 0;
        if (terminal) {
            bar = new ProgressBarBuilder().setTaskName(taskName).setInitialMax(Math.max(expected, 0))
                    .setStyle(ProgressBarStyle.ASCII)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err))
                    .build();
        } else {
            err.println("l2o: " + taskName + (expected > 0 ? " (" + expected + ")" : "") + "...");
            err.flush();
        }
    }

    @Override
    public synchronized void advanced(long units) {
        done += units;
        if (bar != null) {
            bar.stepBy(units);
        } else if (task != null && total >= 1000) {
            // Plain output (CI logs) reports tenths of long tasks only; short ones just start and finish.
            long tenth = done * 10 / total;
            if (tenth > lastReportedTenth && tenth < 10) {
                lastReportedTenth = tenth;
                err.println("l2o: " + task + " " + (tenth * 10) + "%");
                err.flush();
            }
        }
    }

    @Override
    public synchronized void finished() {
        if (task == null) {
            return;
        }
        if (bar != null) {
            bar.close();
            bar = null;
        } else {
            err.println("l2o: " + task + " done" + (done > 0 ? " (" + done + ")" : ""));
            err.flush();
        }
        task = null;
    }
}
