package dev.l2o.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
    @TempDir
    Path temp;

    @Test
    void theDemoAuditsBothSimulatedCrmsOverHttpAndWritesTheirReports() throws Exception {
        // when
        CliRun run = CliRun.of("demo", "--out", temp.toString());

        // then
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(temp.resolve("northwind-salesforce/report.json")).exists();
        assertThat(temp.resolve("brightwave-hubspot/report.json")).exists();
        assertThat(Files.readAllBytes(temp.resolve("northwind-salesforce/report.pdf"))).startsWith("%PDF-".getBytes(StandardCharsets.US_ASCII));
        assertThat(Files.readAllBytes(temp.resolve("brightwave-hubspot/report.pdf"))).startsWith("%PDF-".getBytes(StandardCharsets.US_ASCII));
        assertThat(run.err()).contains("auditing salesforce at http://127.0.0.1:").contains("auditing hubspot at http://127.0.0.1:");
        assertThat(run.out()).contains("northwind-new-business").contains("L2O-STAGE-PROBABILITY");
        assertThat(Files.readString(temp.resolve("northwind-salesforce/report.json"))).contains("\"complete\" : true");
    }
}
