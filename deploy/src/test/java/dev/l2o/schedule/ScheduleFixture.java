package dev.l2o.schedule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Writes schedule files for tests and starts servers on them with test timings. */
final class ScheduleFixture {
    private ScheduleFixture() {}

    /** A schedule file with one audit named {@code nightly} on an embedded store under {@code folder}. */
    static ScheduleConfig embedded(Path folder, String cron, String topLevel, String auditKeys) {
        return write(folder, topLevel, """
                  - name: nightly
                    source: hubspot
                    blueprint: blueprint.yaml
                    schedule: "%s"
                """.formatted(cron) + auditKeys.indent(4));
    }

    static ScheduleConfig write(Path folder, String topLevel, String audits) {
        Path file = folder.resolve("audits.yaml");
        try {
            Files.writeString(file, """
                    apiVersion: l2o/v1
                    kind: AuditSchedule
                    dataDir: data
                    """ + topLevel + "\naudits:\n" + audits);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ScheduleConfigLoader.load(file);
    }

    /** The names of the folders (published runs and temporaries) in an audit's report folder, sorted. */
    static List<String> reportFolderNames(Path reports) throws IOException {
        if (!Files.exists(reports)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(reports)) {
            return entries.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    /** Options for tests: short misfire threshold and cluster check-in, no JVM shutdown hook. */
    static ServerOptions options(Map<String, String> environment) {
        return new ServerOptions(environment, Optional.empty(), Duration.ofMillis(500), Duration.ofMillis(1_000), false);
    }
}
