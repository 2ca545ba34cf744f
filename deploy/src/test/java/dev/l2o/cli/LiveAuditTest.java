package dev.l2o.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.l2o.app.SimulatedSources;
import dev.l2o.testing.RepositoryFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveAuditTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void aLiveAuditOfTheSimulatedOrgGivesTheSameFindingsAndMetricsAsItsSfdxProject() throws IOException {
        // given
        try (SimulatedSources.Running org = SimulatedSources.salesforce(Path.of(AuditCommandTest.ORG), 0)) {
            // when
            CliRun live = CliRun.withEnvironment(Map.of("SF_ACCESS_TOKEN", "any-token"), "audit", "--blueprint",
                    AuditCommandTest.BLUEPRINT, "--source", "salesforce", "--instance-url", org.url(), "--as-of",
                    AuditCommandTest.AS_OF, "--format", "json", "--out", temp.resolve("live").toString());
            CliRun sfdx = AuditCommandTest.audit("sfdx:" + AuditCommandTest.ORG, temp.resolve("sfdx"));

            // then
            assertThat(live.exitCode()).as(live.err()).isEqualTo(sfdx.exitCode());
            JsonNode liveReport = AuditCommandTest.report(temp.resolve("live"));
            JsonNode sfdxReport = AuditCommandTest.report(temp.resolve("sfdx"));
            assertThat(comparable(liveReport.path("findings"))).isEqualTo(comparable(sfdxReport.path("findings")));
            assertThat(liveReport.path("metrics")).isEqualTo(withoutHistorySource(sfdxReport.path("metrics"), liveReport.path("metrics")));
            assertThat(liveReport.path("maturity")).isEqualTo(sfdxReport.path("maturity"));
            assertThat(liveReport.path("attribution").path("available").asBoolean()).isTrue();
            assertThat(sfdxReport.path("attribution").path("reason").asText()).isEqualTo("the source keeps no record of setup changes");
        }
    }

    @Test
    void aLiveAuditNamesWhoMadeTheSetupChangesBehindThePlantedDrift() throws IOException {
        // given
        try (SimulatedSources.Running org = SimulatedSources.salesforce(Path.of(AuditCommandTest.ORG), 0)) {
            // when
            CliRun live = CliRun.withEnvironment(Map.of("SF_ACCESS_TOKEN", "any-token"), "audit", "--blueprint",
                    AuditCommandTest.BLUEPRINT, "--source", "salesforce", "--instance-url", org.url(), "--as-of",
                    AuditCommandTest.AS_OF, "--format", "json", "--out", temp.toString());

            // then
            assertThat(live.exitCode()).as(live.err()).isEqualTo(1);
            JsonNode report = AuditCommandTest.report(temp);
            assertThat(report.path("attribution").path("source").asText()).isEqualTo("Salesforce SetupAuditTrail");
            assertThat(report.path("attribution").path("changes").asInt()).isEqualTo(6);
            Map<String, String> attributed = new TreeMap<>();
            for (JsonNode finding : report.path("findings")) {
                if (finding.has("change")) {
                    attributed.put(finding.path("ruleId").asText() + " " + finding.path("subject").asText(),
                            finding.path("changedBy").asText() + " " + finding.path("changedAt").asText());
                }
            }
            assertThat(attributed).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "L2O-AUTOMATION-INACTIVE salesforce:Flow/Renewal_Kickoff_120_Days", "Marco Bianchi 2026-10-02T13:05:37Z",
                    "L2O-CRITERIA-UNENFORCED salesforce:Opportunity.Economic_Buyer__c@Needs Analysis", "Priya Raman 2026-10-27T16:42:08Z",
                    "L2O-STAGE-UNDECLARED salesforce:Opportunity.StageName#Value Proposition", "Priya Raman 2026-09-14T10:02:11Z",
                    "L2O-FIELD-TYPE salesforce:Opportunity.Decision_Criteria__c", "Lena Hoffmann 2026-08-03T08:47:29Z",
                    "L2O-FIELD-PICKLIST salesforce:Lead.Timeline__c", "Lena Hoffmann 2026-07-21T15:30:00Z"));
        }
    }

    @Test
    void aLiveAuditOfTheSimulatedHubSpotPortalFindsItsPlantedDrift() throws IOException {
        // given
        try (SimulatedSources.Running portal = SimulatedSources.hubspot(RepositoryFiles.file("examples/hubspot/portal.json"), 0)) {
            // when
            CliRun run = CliRun.withEnvironment(Map.of("HUBSPOT_TOKEN", "any-token"), "audit", "--blueprint",
                    RepositoryFiles.file("examples/hubspot/blueprint.yaml").toString(), "--source", "hubspot", "--base-url", portal.url(), "--as-of",
                    AuditCommandTest.AS_OF, "--format", "json", "--out", temp.toString());

            // then
            assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
            assertThat(AuditCommandTest.configurationFindings(AuditCommandTest.report(temp).path("findings")))
                    .extracting(t -> (String) t.toList().get(0))
                    .contains("L2O-STAGE-UNDECLARED", "L2O-STAGE-PROBABILITY", "L2O-FIELD-MISSING", "L2O-FIELD-PICKLIST",
                            "L2O-AUTOMATION-INACTIVE", "L2O-ROUTING-UNIMPLEMENTED", "L2O-ROUTING-UNDECLARED");
        }
    }

    @Test
    void auditingTheSimulatedHubSpotPortalAgainstItsOwnDraftGivesNoConfigurationFinding() throws IOException {
        // given
        try (SimulatedSources.Running portal = SimulatedSources.hubspot(RepositoryFiles.file("examples/hubspot/portal.json"), 0)) {
            Map<String, String> token = Map.of("HUBSPOT_TOKEN", "any-token");
            Path draft = temp.resolve("draft.yaml");
            CliRun init = CliRun.withEnvironment(token, "init", "--source", "hubspot", "--base-url", portal.url(), "--out",
                    draft.toString());
            assertThat(init.exitCode()).as(init.err()).isZero();

            // when
            CliRun run = CliRun.withEnvironment(token, "audit", "--blueprint", draft.toString(), "--source", "hubspot",
                    "--base-url", portal.url(), "--as-of", AuditCommandTest.AS_OF, "--format", "json", "--out", temp.toString());

            // then
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(AuditCommandTest.configurationFindings(AuditCommandTest.report(temp).path("findings"))).isEmpty();
        }
    }

    @Test
    void anAuditSinceASnapshotOfTheSamePortalReadsIncrementallyAndFindsWhatAFullAuditFinds() throws IOException {
        // given
        try (SimulatedSources.Running portal = SimulatedSources.hubspot(RepositoryFiles.file("examples/hubspot/portal.json"), 0)) {
            Map<String, String> token = Map.of("HUBSPOT_TOKEN", "any-token");
            String blueprint = RepositoryFiles.file("examples/hubspot/blueprint.yaml").toString();
            Path previous = temp.resolve("previous.l2o.json.gz");
            CliRun snapshot = CliRun.withEnvironment(token, "snapshot", "--source", "hubspot", "--base-url", portal.url(), "--blueprint",
                    blueprint, "--out", previous.toString());
            assertThat(snapshot.exitCode()).as(snapshot.err()).isZero();

            // when
            CliRun incremental = CliRun.withEnvironment(token, "audit", "--blueprint", blueprint, "--source", "hubspot", "--base-url",
                    portal.url(), "--as-of", AuditCommandTest.AS_OF, "--since-snapshot", previous.toString(), "--format", "json",
                    "--format", "text", "--out", temp.resolve("incremental").toString());
            CliRun full = CliRun.withEnvironment(token, "audit", "--blueprint", blueprint, "--source", "hubspot", "--base-url",
                    portal.url(), "--as-of", AuditCommandTest.AS_OF, "--format", "json", "--out", temp.resolve("full").toString());
            CliRun missing = CliRun.withEnvironment(token, "audit", "--blueprint", blueprint, "--source", "hubspot", "--base-url",
                    portal.url(), "--since-snapshot", temp.resolve("no-such.l2o.json.gz").toString(), "--format", "json", "--out",
                    temp.resolve("missing").toString());

            // then
            assertThat(incremental.exitCode()).as(incremental.err()).isEqualTo(full.exitCode());
            JsonNode incrementalReport = AuditCommandTest.report(temp.resolve("incremental"));
            assertThat(incrementalReport.path("source").path("incremental").path("mode").asText()).isEqualTo("incremental");
            assertThat(incremental.out()).contains("incremental fetch of the changes since");
            assertThat(incrementalReport.path("findings")).isEqualTo(AuditCommandTest.report(temp.resolve("full")).path("findings"));
            // the metrics but where the history came from, which names the parts the rows were merged from
            assertThat(incrementalReport.path("metrics")).isEqualTo(withoutHistorySource(
                    AuditCommandTest.report(temp.resolve("full")).path("metrics"), incrementalReport.path("metrics")));
            JsonNode fallback = AuditCommandTest.report(temp.resolve("missing")).path("source").path("incremental");
            assertThat(fallback.path("mode").asText()).isEqualTo("full");
            assertThat(fallback.path("reason").asText()).contains("no-such.l2o.json.gz does not exist");
        }
    }

    @Test
    void aLiveAuditWithoutCredentialsIsAUsageErrorNamingWhatIsMissing() {
        // when
        CliRun run = CliRun.of("audit", "--blueprint", AuditCommandTest.BLUEPRINT, "--source", "hubspot", "--out", temp.toString());

        // then
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("HUBSPOT_TOKEN");
    }

    /** Findings without their locations: a live org has no files and lines. */
    private static JsonNode comparable(JsonNode findings) {
        ArrayNode copy = JSON.createArrayNode();
        for (JsonNode finding : findings) {
            ObjectNode node = finding.deepCopy();
            node.remove(List.of("location", "changedBy", "changedAt", "change")); // only the live org has a setup audit trail
            copy.add(node);
        }
        return copy;
    }

    private static JsonNode withoutHistorySource(JsonNode metrics, JsonNode like) {
        ObjectNode copy = metrics.deepCopy();
        copy.set("historySource", like.path("historySource"));
        return copy;
    }
}
