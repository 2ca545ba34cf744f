package dev.l2o.schedule;

import static java.util.Objects.requireNonNull;

import dev.l2o.connector.SourceSpec;
import dev.l2o.notify.NotificationTarget;
import dev.l2o.rules.Severity;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One audit of the schedule file (CONTRACT.md section 7), validated, with every path absolute.
 *
 * @param name unique in the file; letters, digits, {@code .}, {@code _} and {@code -} (it names a folder)
 * @param source the source as on the command line, with its options ({@code instanceUrl}, {@code loginUrl}, {@code baseUrl})
 * @param historyCsv {@code historyCsv}: stage history in the OpportunityHistory CSV shape, if given
 * @param blueprint the blueprint file
 * @param baseline {@code baseline}: a baseline file of accepted findings, if given
 * @param ruleset {@code ruleset}: a ruleset file laid over the blueprint's {@code ruleset} ({@code --ruleset}), if given
 * @param cron the Quartz cron expression ({@code schedule}); nightly at 02:00 by default
 * @param timeZone the zone the cron expression is read in; UTC by default
 * @param failOn the threshold above which a complete run is {@code DRIFT}; empty for {@code never}
 * @param formats the report formats to write, in the order given
 * @param outputDirectory the folder that gets one sub-folder per run ({@code outputDir}; by default
 *     {@code dataDir/reports/<name>})
 * @param retentionRuns how many finished runs to keep, with their reports
 * @param notifications where to announce a change of outcome or findings
 * @param credentials the source's environment variables ({@code SF_ACCESS_TOKEN}, {@code HUBSPOT_TOKEN}, …) by
 *     name, each taken from another variable or a file; the process environment supplies the rest
 */
public record ScheduledAudit(
        String name,
        SourceSpec source,
        Optional<Path> historyCsv,
        Path blueprint,
        Optional<Path> baseline,
        Optional<Path> ruleset,
        String cron,
        ZoneId timeZone,
        Optional<Severity> failOn,
        List<String> formats,
        Path outputDirectory,
        int retentionRuns,
        List<NotificationTarget> notifications,
        Map<String, CredentialSource> credentials) {
    public static final String DEFAULT_CRON = "0 0 2 * * ?";
    public static final int DEFAULT_RETENTION_RUNS = 90;

    public ScheduledAudit {
        requireNonNull(name, "name is null");
        requireNonNull(source, "source is null");
        requireNonNull(historyCsv, "historyCsv is null");
        requireNonNull(blueprint, "blueprint is null");
        requireNonNull(baseline, "baseline is null");
        requireNonNull(ruleset, "ruleset is null");
        requireNonNull(cron, "cron is null");
        requireNonNull(timeZone, "timeZone is null");
        requireNonNull(failOn, "failOn is null");
        formats = List.copyOf(formats);
        requireNonNull(outputDirectory, "outputDirectory is null");
        if (retentionRuns < 1) {
            throw new IllegalArgumentException("retentionRuns must be at least 1: " + retentionRuns);
        }
        notifications = List.copyOf(notifications);
        credentials = Collections.unmodifiableSortedMap(new TreeMap<>(credentials));
    }

    /**
     * The environment the audit's connector sees: the process environment with the audit's credentials
     * laid over it.
     *
     * @throws dev.l2o.error.L2oException when a credential cannot be read
     */
    public Map<String, String> sourceEnvironment(Map<String, String> processEnvironment) {
        TreeMap<String, String> environment = new TreeMap<>(processEnvironment);
        credentials.forEach((variable, credential) -> environment.put(variable, credential.read(processEnvironment)));
        return Collections.unmodifiableSortedMap(environment);
    }
}
