package dev.l2o.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --format} and {@code --out} mean the same in every command that writes a report. */
class ReportOutputOptionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SOURCE = "sfdx:" + AuditCommandTest.ORG;

    @TempDir
    Path folder;

    @Test
    void metricsWriteTheirJsonUnderOut() throws IOException {
        // given
        Path out = folder.resolve("metrics");

        // when
        CliRun run = metrics("--format", "json", "--out", out.toString());

        // then
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).endsWith("l2o: wrote " + out.resolve("metrics.json") + System.lineSeparator());
        JsonNode metrics = JSON.readTree(out.resolve("metrics.json").toFile());
        assertThat(metrics.path("records").asLong()).isEqualTo(400);
        assertThat(metrics.path("stages").get(0).path("stage").asText()).isEqualTo("discovery");
    }

    @Test
    void theMetricsFileHoldsWhatStandardOutputGetsWithoutOut() throws IOException {
        // given
        Path out = folder.resolve("metrics");

        // when
        CliRun toFile = metrics("--format", "json", "--out", out.toString());
        CliRun toStandardOutput = metrics("--format", "json");

        // then
        assertThat(toFile.exitCode()).isZero();
        assertThat(toStandardOutput.exitCode()).isZero();
        assertThat(Files.readString(out.resolve("metrics.json"))).isEqualTo(toStandardOutput.out());
    }

    @Test
    void metricsTextStaysOnStandardOutputBesideTheFiles() throws IOException {
        // given
        Path out = folder.resolve("metrics");

        // when
        CliRun run = metrics("--format", "text", "--format", "json", "--out", out.toString());

        // then
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo(metrics("--format", "text").out()).contains("discovery");
        assertThat(out.resolve("metrics.json")).isRegularFile();
        assertThat(out.resolve("metrics.txt")).doesNotExist();
    }

    @Test
    void anOutWithTheFormatsExtensionIsTheFileItself() throws IOException {
        // given
        Path metricsFile = folder.resolve("stage-metrics.json");
        Path sarifFile = folder.resolve("scan.sarif");

        // when
        CliRun metrics = metrics("--format", "json", "--out", metricsFile.toString());
        CliRun audit = CliRun.of("audit", "--blueprint", AuditCommandTest.BLUEPRINT, "--source", SOURCE, "--as-of",
                AuditCommandTest.AS_OF, "--format", "sarif", "--out", sarifFile.toString());

        // then
        assertThat(metrics.exitCode()).as(metrics.err()).isZero();
        assertThat(JSON.readTree(metricsFile.toFile()).path("records").asLong()).isEqualTo(400);
        assertThat(audit.exitCode()).as(audit.err()).isEqualTo(ExitCode.FINDINGS);
        assertThat(JSON.readTree(sarifFile.toFile()).path("version").asText()).isEqualTo("2.1.0");
    }

    @Test
    void everyDiffFormatGoesToItsOwnFileUnderAnOutFolder() throws IOException {
        // given
        Org org = new Org();
        Path old = org.write(folder.resolve("old.json.gz"));
        org.fields.add(Org.field("Opportunity", "Next_Step__c", "Text", null));
        Path neu = org.write(folder.resolve("new.json.gz"));
        Path out = folder.resolve("diff");

        // when
        CliRun run = CliRun.of("diff", "snapshot:" + old, "snapshot:" + neu, "--format", "text", "--format", "json",
                "--format", "md", "--out", out.toString());

        // then
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Next_Step__c");
        assertThat(JSON.readTree(out.resolve("diff.json").toFile()).path("changes")).hasSize(1);
        assertThat(Files.readString(out.resolve("diff.md"))).startsWith("## l2o diff");
    }

    @Test
    void twoFileFormatsWithoutAFolderAreAUsageErrorBeforeAnySourceIsRead() {
        // given
        String missing = "snapshot:" + folder.resolve("missing.json.gz");

        // when
        CliRun run = CliRun.of("diff", missing, missing, "--format", "json", "--format", "md");

        // then
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("more than one file format needs --out DIR").doesNotContain("missing.json.gz");
        assertThat(run.err().lines()).hasSize(1);
    }

    @Test
    void anUnknownMetricsFormatIsAUsageErrorBeforeTheSourceIsRead() {
        // when
        CliRun run = CliRun.of("metrics", "--source", "sfdx:" + folder.resolve("absent"), "--format", "sarif");

        // then
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("unknown --format 'sarif' for l2o metrics: use text or json").doesNotContain("absent");
    }

    private static CliRun metrics(String... options) {
        List<String> args = new ArrayList<>(List.of("metrics", "--source", SOURCE, "--blueprint", AuditCommandTest.BLUEPRINT,
                "--as-of", AuditCommandTest.AS_OF));
        args.addAll(List.of(options));
        return CliRun.of(args.toArray(String[]::new));
    }
}
