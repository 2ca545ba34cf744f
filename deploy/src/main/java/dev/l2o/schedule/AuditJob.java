package dev.l2o.schedule;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.InterruptableJob;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;

/**
 * The Quartz job of one audit (job key = audit name). {@link DisallowConcurrentExecution} keeps one audit
 * from running twice at once; with the JDBC job store this holds across a cluster. Recovered fires (their node
 * died) run under the fire time they were scheduled for, so the run history keeps one run per fire time.
 */
@DisallowConcurrentExecution
public final class AuditJob implements InterruptableJob {
    private final AuditRunner runner;
    private volatile Thread thread;

    AuditJob(AuditRunner runner) {
        this.runner = requireNonNull(runner, "runner is null");
    }

    @Override
    public void execute(JobExecutionContext context) {
        thread = Thread.currentThread();
        try {
            runner.run(context.getJobDetail().getKey().getName(), fireTime(context));
        } finally {
            thread = null;
        }
    }

    /**
     * The fire time a run belongs to: the original scheduled one when Quartz recovers a fire whose node died
     * (not the original actual fire time, which is a few milliseconds later and would make a second run).
     */
    static Instant fireTime(JobExecutionContext context) {
        JobDataMap data = context.getMergedJobDataMap();
        String original = data.containsKey(Scheduler.FAILED_JOB_ORIGINAL_TRIGGER_SCHEDULED_FIRETIME_IN_MILLISECONDS)
                ? data.getString(Scheduler.FAILED_JOB_ORIGINAL_TRIGGER_SCHEDULED_FIRETIME_IN_MILLISECONDS)
                : null;
        if (context.isRecovering() && original != null) {
            return Instant.ofEpochMilli(Long.parseLong(original));
        }
        return context.getScheduledFireTime().toInstant();
    }

    @Override
    public void interrupt() {
        Thread running = thread;
        if (running != null) {
            running.interrupt();
        }
    }
}
