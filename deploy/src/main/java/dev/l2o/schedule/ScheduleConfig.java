package dev.l2o.schedule;

import static java.util.Objects.requireNonNull;

import dev.l2o.store.StoreSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A validated schedule file ({@code kind: AuditSchedule}, CONTRACT.md section 7), paths resolved against the
 * file's folder.
 *
 * @param file the schedule file
 * @param dataDir the run history store (when embedded) and the reports
 * @param store where the run history and the Quartz job store live
 * @param cluster whether several processes share the work as a Quartz cluster on the store's database
 * @param http the health and metrics endpoint, if configured
 * @param workers how many audits may run at once in this process ({@code workers}, default 2)
 * @param shutdownGraceSeconds how long a stopping process lets running audits finish before it marks them
 *     interrupted ({@code shutdownGraceSeconds}, default 60)
 * @param audits the audits, in file order, names unique
 */
public record ScheduleConfig(
        Path file,
        Path dataDir,
        StoreSettings store,
        boolean cluster,
        Optional<HttpSettings> http,
        int workers,
        int shutdownGraceSeconds,
        List<ScheduledAudit> audits) {
    public ScheduleConfig {
        requireNonNull(file, "file is null");
        requireNonNull(dataDir, "dataDir is null");
        requireNonNull(store, "store is null");
        requireNonNull(http, "http is null");
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1: " + workers);
        }
        if (shutdownGraceSeconds < 0) {
            throw new IllegalArgumentException("shutdownGraceSeconds must not be negative: " + shutdownGraceSeconds);
        }
        audits = List.copyOf(audits);
        if (cluster && store.isEmbedded()) {
            throw new IllegalArgumentException("a cluster needs a shared store (store.jdbcUrl)");
        }
    }

    /** The audit with this name. */
    public Optional<ScheduledAudit> audit(String name) {
        return audits.stream().filter(audit -> audit.name().equals(name)).findFirst();
    }
}
