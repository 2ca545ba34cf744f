package dev.l2o.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.l2o.report.DiffWriters;
import dev.l2o.report.ReportWriters;
import org.junit.jupiter.api.Test;

/** {@code --format} is described and completed from the one registry of report formats. */
class ReportFormatsTest {
    @Test
    void auditHelpListsEveryRegisteredFormat() {
        // when
        CliRun help = CliRun.of("audit", "--help");

        // then
        assertThat(help.exitCode()).isZero();
        assertThat(help.out().replaceAll("\\s+", " ")).contains("One of " + String.join(", ", ReportWriters.formats()) + ";");
    }

    @Test
    void diffHelpListsTheDiffFormats() {
        // when
        CliRun help = CliRun.of("diff", "--help");

        // then
        assertThat(help.exitCode()).isZero();
        assertThat(help.out().replaceAll("\\s+", " ")).contains("One of " + String.join(", ", DiffWriters.formats()) + ";");
    }
}
