package dev.l2o.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.l2o.model.Completeness;
import dev.l2o.model.Snapshot;
import dev.l2o.snapshot.SnapshotReader;
import dev.l2o.snapshot.SnapshotWriter;
import dev.l2o.testing.RepositoryFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditCommandTest {
    static final String ORG = RepositoryFiles.file("examples/northwind").toString();
    static final String BLUEPRINT = ORG + "/blueprint.yaml";
    static final String AS_OF = "2026-11-01T00:00:00Z";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void theExampleOrgReportsEachPlantedDriftUnderItsRuleIdAndNothingElse() throws IOException {
        // when
        CliRun run = audit("sfdx:" + ORG, temp.resolve("report"));

        // then
        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode findings = report(temp.resolve("report")).path("findings");
        assertThat(configurationFindings(findings)).containsExactlyInAnyOrder(
                tuple("L2O-STAGE-PROBABILITY", "salesforce:Opportunity.StageName#Negotiation/Review"),
                tuple("L2O-STAGE-FORECAST", "salesforce:Opportunity.StageName#Proposal/Price Quote"),
                tuple("L2O-STAGE-UNDECLARED", "salesforce:Opportunity.StageName#Value Proposition"),
                tuple("L2O-FIELD-MISSING", "salesforce:Opportunity.Close_Plan__c"),
                tuple("L2O-FIELD-TYPE", "salesforce:Opportunity.Decision_Criteria__c"),
                tuple("L2O-FIELD-PICKLIST", "salesforce:Lead.Timeline__c"),
                tuple("L2O-AUTOMATION-INACTIVE", "salesforce:Flow/Renewal_Kickoff_120_Days"),
                tuple("L2O-CRITERIA-UNENFORCED", "salesforce:Opportunity.Economic_Buyer__c@Needs Analysis"),
                tuple("L2O-CRITERIA-UNENFORCED", "salesforce:Opportunity.Amount@Qualification"),
                tuple("L2O-CRITERIA-UNENFORCED", "salesforce:Opportunity.Decision_Criteria__c@Proposal/Price Quote"),
                tuple("L2O-CRITERIA-UNENFORCED", "salesforce:Lead.LeadSource@Marketing Qualified"),
                tuple("L2O-CRITERIA-UNENFORCED", "salesforce:Lead.Budget__c@Sales Qualified"),
                tuple("L2O-CRITERIA-UNENFORCED", "salesforce:Lead.Timeline__c@Sales Qualified"),
                tuple("L2O-ROUTING-UNIMPLEMENTED", "salesforce:Lead/routing/mid-market-inbound"),
                tuple("L2O-ROUTING-UNDECLARED", "salesforce:AssignmentRule/Lead.Standard#2"));
    }

    @Test
    void theExampleOrgsHistoryGivesTheDataFindingsOfItsPipeline() throws IOException {
        // when
        audit("sfdx:" + ORG, temp.resolve("report"));

        // then
        JsonNode report = report(temp.resolve("report"));
        List<String> dataRules = StreamSupport.stream(report.path("findings").spliterator(), false)
                .map(f -> f.path("ruleId").asText())
                .filter(id -> id.equals("L2O-STALE-DEAL") || id.equals("L2O-STAGE-SKIPPED")
                        || id.equals("L2O-CLOSE-DATE-PAST") || id.equals("L2O-CONVERSION-BELOW-TARGET"))
                .distinct().toList();
        assertThat(dataRules).containsExactlyInAnyOrder("L2O-STALE-DEAL", "L2O-STAGE-SKIPPED", "L2O-CLOSE-DATE-PAST",
                "L2O-CONVERSION-BELOW-TARGET");
        assertThat(report.path("complete").asBoolean()).isTrue();
        assertThat(report.path("metrics").path("records").asLong()).isEqualTo(400);
        assertThat(report.path("metrics").path("stages").get(0).path("stage").asText()).isEqualTo("discovery");
        assertThat(report.path("maturity").path("dimensions")).hasSize(6);
    }

    @Test
    void aSnapshotOfTheExampleOrgAuditsExactlyLikeTheOrg() throws IOException {
        // given
        Path snapshot = temp.resolve("northwind.l2o.json.gz");
        CliRun capture = CliRun.of("snapshot", "--source", "sfdx:" + ORG, "--out", snapshot.toString());
        assertThat(capture.exitCode()).isZero();

        // when
        audit("sfdx:" + ORG, temp.resolve("direct"));
        audit("snapshot:" + snapshot, temp.resolve("replayed"));

        // then
        ObjectNode direct = withoutSource(report(temp.resolve("direct")));
        ObjectNode replayed = withoutSource(report(temp.resolve("replayed")));
        assertThat(replayed).isEqualTo(direct);
    }

    @Test
    void auditingASourceAgainstItsOwnDraftGivesNoConfigurationFinding() throws IOException {
        // given
        Path draft = temp.resolve("draft.yaml");
        CliRun init = CliRun.of("init", "--source", "sfdx:" + ORG, "--out", draft.toString(), "--name", "northwind-draft");
        assertThat(init.exitCode()).isZero();

        // when
        CliRun run = CliRun.of("audit", "--blueprint", draft.toString(), "--source", "sfdx:" + ORG, "--as-of", AS_OF,
                "--format", "json", "--out", temp.resolve("report").toString());

        // then
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(configurationFindings(report(temp.resolve("report")).path("findings"))).isEmpty();
    }

    @Test
    void anIncompleteSourceExitsThreeEvenWithoutFindings() throws IOException {
        // given
        Path complete = temp.resolve("complete.l2o.json.gz");
        assertThat(CliRun.of("snapshot", "--source", "sfdx:" + ORG, "--out", complete.toString()).exitCode()).isZero();
        Snapshot read = SnapshotReader.read(complete);
        Path incomplete = temp.resolve("incomplete.l2o.json.gz");
        SnapshotWriter.write(read.withCompleteness(Completeness.incomplete(List.of("OpportunityHistory: REQUEST_LIMIT_EXCEEDED"))),
                incomplete);

        // when
        CliRun run = CliRun.of("audit", "--blueprint", BLUEPRINT, "--source", "snapshot:" + incomplete, "--as-of", AS_OF,
                "--fail-on", "never", "--format", "json", "--out", temp.resolve("report").toString());

        // then
        assertThat(run.exitCode()).isEqualTo(3);
        JsonNode report = report(temp.resolve("report"));
        assertThat(report.path("complete").asBoolean()).isFalse();
        assertThat(report.path("incompleteReasons").get(0).asText()).contains("REQUEST_LIMIT_EXCEEDED");
    }

    @Test
    void failOnNeverPassesACompleteAuditWithFindings() {
        // when
        CliRun run = CliRun.of("audit", "--blueprint", BLUEPRINT, "--source", "sfdx:" + ORG, "--as-of", AS_OF,
                "--fail-on", "never", "--format", "json", "--out", temp.resolve("report").toString());

        // then
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void anUnknownSourceSchemeIsAUsageError() {
        // when
        CliRun run = CliRun.of("audit", "--blueprint", BLUEPRINT, "--source", "dynamics:crm", "--out", temp.toString());

        // then
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("unknown source 'dynamics'");
    }

    @Test
    void aMissingSfdxFolderIsAUsageErrorOnOneLine() {
        // when
        CliRun run = CliRun.of("audit", "--blueprint", BLUEPRINT, "--source", "sfdx:" + temp.resolve("absent"), "--out", temp.toString());

        // then
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip().lines()).hasSize(1);
    }

    @Test
    void anUnknownFormatIsAUsageErrorBeforeTheSourceIsRead() {
        // when
        CliRun run = CliRun.of("audit", "--blueprint", BLUEPRINT, "--source", "sfdx:" + temp.resolve("absent"),
                "--format", "docx", "--out", temp.toString());

        // then
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("unknown --format 'docx'").doesNotContain("no such");
    }

    @Test
    void theTextReportGroupsFindingsByDimension() {
        // when
        CliRun run = CliRun.of("audit", "--blueprint", BLUEPRINT, "--source", "sfdx:" + ORG, "--as-of", AS_OF,
                "--format", "text", "--out", temp.toString());

        // then
        assertThat(run.out()).contains("Maturity").contains("ROUTING").contains("L2O-FIELD-MISSING")
                .contains("Time in stage").doesNotContain("\u001b[");
    }

    static CliRun audit(String source, Path out) {
        return CliRun.of("audit", "--blueprint", BLUEPRINT, "--source", source, "--as-of", AS_OF,
                "--format", "json", "--out", out.toString());
    }

    static JsonNode report(Path directory) throws IOException {
        return JSON.readTree(directory.resolve("report.json").toFile());
    }

    /** Configuration findings: every catalog finding but those about record data. */
    static List<Tuple> configurationFindings(JsonNode findings) {
        List<String> dataRules = List.of("L2O-STALE-DEAL", "L2O-STAGE-SKIPPED", "L2O-STAGE-REGRESSION",
                "L2O-CLOSE-DATE-PAST", "L2O-CONVERSION-BELOW-TARGET", "L2O-HISTORY-UNTRACKED");
        return StreamSupport.stream(findings.spliterator(), false)
                .filter(f -> !dataRules.contains(f.path("ruleId").asText()))
                .map(f -> tuple(f.path("ruleId").asText(), f.path("subject").asText()))
                .toList();
    }

    private static ObjectNode withoutSource(JsonNode report) {
        ObjectNode copy = report.deepCopy();
        copy.remove("source");
        return copy;
    }
}
