package dev.l2o.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Baselines and suppressions end to end, on the Northwind example org (3 errors, 20 warnings). */
class AcceptedFindingsTest {
    private static final Path NORTHWIND = Path.of("..", "examples", "northwind").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    @Test
    void aBaselineWrittenFromTheReportMakesTheNextAuditPassAndOnlyNewFindingsFail() throws IOException {
        // given
        Cli first = audit(NORTHWIND.resolve("blueprint.yaml"), "--out", folder.resolve("first").toString());
        Path baseline = folder.resolve("baseline.json");
        Cli written = Cli.run("baseline", "--report", folder.resolve("first/report.json").toString(), "--out", baseline.toString());

        // when
        Cli second = audit(NORTHWIND.resolve("blueprint.yaml"), "--out", folder.resolve("second").toString(),
                "--baseline", baseline.toString());

        // then
        assertThat(first.exitCode()).as(first.err()).isEqualTo(1);
        assertThat(written.exitCode()).as(written.err()).isZero();
        assertThat(written.err()).contains("with 26 accepted findings");
        assertThat(second.exitCode()).as(second.err()).isZero();
        JsonNode report = JSON.readTree(folder.resolve("second/report.json").toFile());
        assertThat(report.path("findings")).isEmpty();
        assertThat(report.path("baselined")).hasSize(26);
        assertThat(second.out()).contains("0 errors · 0 warnings").contains("26 in baseline");
    }

    @Test
    void aBaselineMissingOneErrorStillFailsOnThatError() throws IOException {
        // given
        audit(NORTHWIND.resolve("blueprint.yaml"), "--out", folder.toString());
        Path baseline = folder.resolve("baseline.json");
        Cli.run("baseline", "--report", folder.resolve("report.json").toString(), "--out", baseline.toString());
        String text = Files.readString(baseline);
        Files.writeString(baseline, text.replaceAll("(?s)\\{\\s*\"ruleId\" : \"L2O-FIELD-MISSING\"[^}]*},?", ""));

        // when
        Cli cli = audit(NORTHWIND.resolve("blueprint.yaml"), "--out", folder.resolve("again").toString(),
                "--baseline", baseline.toString());

        // then
        assertThat(cli.exitCode()).isEqualTo(1);
        JsonNode report = JSON.readTree(folder.resolve("again/report.json").toFile());
        assertThat(report.path("findings").findValuesAsText("ruleId")).containsExactly("L2O-FIELD-MISSING");
    }

    @Test
    void activeSuppressionsOfEveryErrorMakeTheAuditPassAndAreReportedWithTheirReasons() throws IOException {
        // given
        Path blueprint = blueprintWith("""
                suppress:
                  - { ruleId: L2O-FIELD-MISSING, subject: "salesforce:Opportunity.Close_Plan__c", reason: "field ships next sprint", until: 2027-01-31 }
                  - { ruleId: L2O-ROUTING-UNIMPLEMENTED, subject: "salesforce:Lead/routing/*", reason: "routing rebuilt in Q1" }
                  - { ruleId: L2O-AUTOMATION-INACTIVE, subject: "salesforce:Flow/Renewal_Kickoff_120_Days", reason: "renewals paused", until: 2026-12-31 }
                """);

        // when
        Cli cli = audit(blueprint, "--out", folder.toString(), "--format", "json", "--format", "md");

        // then
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        JsonNode report = JSON.readTree(folder.resolve("report.json").toFile());
        assertThat(report.path("summary").path("error").asInt()).isZero();
        assertThat(report.path("suppressed").findValuesAsText("reason"))
                .containsExactlyInAnyOrder("field ships next sprint", "routing rebuilt in Q1", "renewals paused");
        assertThat(Files.readString(folder.resolve("report.md"))).contains("✅ **Passes**").contains("3 suppressed by the blueprint");
    }

    @Test
    void anExpiredSuppressionCountsAgainAndSaysSo() throws IOException {
        // given
        Path blueprint = blueprintWith("""
                suppress:
                  - { ruleId: L2O-FIELD-MISSING, subject: "salesforce:Opportunity.Close_Plan__c", reason: "field ships next sprint", until: 2026-10-01 }
                """);

        // when
        Cli cli = audit(blueprint, "--out", folder.toString(), "--format", "text", "--format", "json", "--format", "sarif");

        // then
        assertThat(cli.exitCode()).isEqualTo(1);
        String notice = "suppression of L2O-FIELD-MISSING for salesforce:Opportunity.Close_Plan__c expired on 2026-10-01; "
                + "the finding counts again";
        assertThat(cli.out()).contains("note: " + notice);
        JsonNode report = JSON.readTree(folder.resolve("report.json").toFile());
        assertThat(report.path("notices").get(0).asText()).isEqualTo(notice);
        assertThat(report.path("findings").findValuesAsText("ruleId")).contains("L2O-FIELD-MISSING");
        assertThat(report.path("suppressed")).isEmpty();
        assertThat(Files.readString(folder.resolve("report.sarif"))).contains(notice);
    }

    private Path blueprintWith(String suppress) throws IOException {
        return Files.writeString(folder.resolve("blueprint.yaml"),
                Files.readString(NORTHWIND.resolve("blueprint.yaml")) + "\n" + suppress);
    }

    private static Cli audit(Path blueprint, String... more) {
        String[] base = {"audit", "--blueprint", blueprint.toString(), "--source", "sfdx:" + NORTHWIND, "--as-of", "2026-11-01"};
        String[] args = new String[base.length + more.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return Cli.run(args);
    }
}
