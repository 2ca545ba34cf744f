package dev.l2o.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditValidationCacheTest {
    @TempDir
    Path temp;

    @Test
    void a_second_audit_of_the_same_blueprint_uses_the_users_cache_and_reports_the_same() throws IOException {
        Map<String, String> environment = Map.of("XDG_CACHE_HOME", temp.resolve("cache").toString());

        CliRun first = audit(environment, temp.resolve("first"));
        assertThat(entries(temp.resolve("cache/l2o/validated-blueprints"))).isOne();
        CliRun second = audit(environment, temp.resolve("second"));

        assertThat(first.exitCode()).isEqualTo(1);
        assertThat(second.exitCode()).isEqualTo(1);
        assertThat(entries(temp.resolve("cache/l2o/validated-blueprints"))).isOne();
        assertThat(Files.readString(temp.resolve("second/report.json")))
                .isEqualTo(Files.readString(temp.resolve("first/report.json")));
    }

    @Test
    void metrics_use_the_same_cache_and_print_the_same_figures_as_without_it() {
        Map<String, String> environment = Map.of("XDG_CACHE_HOME", temp.resolve("cache").toString());

        CliRun first = metrics(environment);
        assertThat(entries(temp.resolve("cache/l2o/validated-blueprints"))).isOne();
        CliRun second = metrics(environment);
        CliRun uncached = metrics(Map.of("L2O_NO_CACHE", "1"));

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(entries(temp.resolve("cache/l2o/validated-blueprints"))).isOne();
        assertThat(second.out()).isEqualTo(first.out()).isEqualTo(uncached.out()).contains("\"stages\"");
    }

    @Test
    void without_a_cache_location_nothing_is_written() {
        CliRun run = audit(Map.of("XDG_CACHE_HOME", temp.resolve("cache").toString(), "L2O_NO_CACHE", "1"), temp.resolve("report"));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(temp.resolve("cache")).doesNotExist();
    }

    private static CliRun audit(Map<String, String> environment, Path out) {
        return CliRun.withEnvironment(environment, "audit", "--blueprint", AuditCommandTest.BLUEPRINT,
                "--source", "sfdx:" + AuditCommandTest.ORG, "--as-of", AuditCommandTest.AS_OF, "--out", out.toString(),
                "--format", "json");
    }

    private static CliRun metrics(Map<String, String> environment) {
        return CliRun.withEnvironment(environment, "metrics", "--blueprint", AuditCommandTest.BLUEPRINT,
                "--source", "sfdx:" + AuditCommandTest.ORG, "--as-of", AuditCommandTest.AS_OF, "--format", "json");
    }

    private static long entries(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.count();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
