package dev.l2o.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.l2o.app.SimulatedSources;
import dev.l2o.connector.SecretScanner;
import dev.l2o.report.ReportWriters;
import dev.l2o.testing.RepositoryFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No credential reaches a report: every format of a live audit, and what the command printed, is swept. */
class ReportSecretSweepTest {
    private static final String SALESFORCE_TOKEN = "00D5e000000SweepAAQ!AQ0AQSweepTokenThatMustNeverBeWritten.x";
    private static final String HUBSPOT_TOKEN = "pat-na1-5ec2e7a1-0000-4000-8000-sweeptoken0001";

    @TempDir
    Path temp;

    @Test
    void noReportOfALiveSalesforceAuditHoldsTheAccessToken() throws IOException {
        // given
        Map<String, String> environment = Map.of("SF_ACCESS_TOKEN", SALESFORCE_TOKEN);
        try (SimulatedSources.Running org = SimulatedSources.salesforce(Path.of(AuditCommandTest.ORG), 0)) {
            // when
            CliRun run = CliRun.withEnvironment(environment, allFormats("audit", "--blueprint", AuditCommandTest.BLUEPRINT,
                    "--source", "salesforce", "--instance-url", org.url(), "--as-of", AuditCommandTest.AS_OF));

            // then
            assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
            assertThat(secretsIn(run, environment)).isEmpty();
        }
    }

    @Test
    void noReportOfALiveHubSpotAuditHoldsThePrivateAppToken() throws IOException {
        // given
        Map<String, String> environment = Map.of("HUBSPOT_TOKEN", HUBSPOT_TOKEN);
        try (SimulatedSources.Running portal = SimulatedSources.hubspot(RepositoryFiles.file("examples/hubspot/portal.json"), 0)) {
            // when
            CliRun run = CliRun.withEnvironment(environment, allFormats("audit", "--blueprint",
                    RepositoryFiles.file("examples/hubspot/blueprint.yaml").toString(), "--source", "hubspot", "--base-url",
                    portal.url(), "--as-of", "2026-11-01"));

            // then
            assertThat(run.exitCode()).as(run.err()).isIn(0, 1);
            assertThat(secretsIn(run, environment)).isEmpty();
        }
    }

    private String[] allFormats(String... command) {
        List<String> args = new ArrayList<>(List.of(command));
        for (String format : ReportWriters.formats()) {
            args.add("--format");
            args.add(format);
        }
        args.add("--out");
        args.add(temp.toString());
        return args.toArray(String[]::new);
    }

    /** What the scanner finds in stdout, stderr and every file written, a PDF by its text. */
    private List<String> secretsIn(CliRun run, Map<String, String> environment) throws IOException {
        List<String> found = new ArrayList<>();
        found.addAll(SecretScanner.findSecrets(run.out() + run.err(), environment, environment.keySet()));
        List<Path> files;
        try (Stream<Path> walk = Files.walk(temp)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(files).as("report files").hasSizeGreaterThanOrEqualTo(ReportWriters.formats().size() - 1);
        for (Path file : files) {
            String text = file.toString().endsWith(".pdf") ? pdfText(file) : Files.readString(file, StandardCharsets.ISO_8859_1);
            SecretScanner.findSecrets(text, environment, environment.keySet()).forEach(secret -> found.add(file.getFileName() + ": " + secret));
        }
        return found;
    }

    private static String pdfText(Path file) throws IOException {
        try (PDDocument document = Loader.loadPDF(file.toFile())) {
            return new PDFTextStripper().getText(document);
        }
    }
}
