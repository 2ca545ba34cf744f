package dev.l2o.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.l2o.model.ChangeTrail;
import dev.l2o.model.ForecastCategory;
import dev.l2o.model.SetupChange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiffCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A blueprint {@link Org} conforms to: only what a test changes in the org is a finding. */
    static final String BLUEPRINT = """
            apiVersion: l2o/v1
            kind: Blueprint
            metadata: { name: diff-test }
            opportunityLifecycle:
              stages:
                - { key: prospecting, crm: { salesforce: Prospecting }, probability: 10, forecastCategory: Pipeline }
                - { key: qualification, crm: { salesforce: Qualification }, probability: 25, forecastCategory: Pipeline }
                - { key: won, crm: { salesforce: Closed Won }, probability: 100, forecastCategory: Closed, closed: true, won: true }
                - { key: lost, crm: { salesforce: Closed Lost }, probability: 0, forecastCategory: Omitted, closed: true }
            fields:
              - { object: Opportunity, name: Pain__c, type: LongTextArea }
              - { object: Lead, name: Timeline__c, type: Picklist, values: ["0-3 months", "3-6 months"] }
            automation:
              - { name: Stage_Change_Alert, object: Opportunity, kind: flow, mustBeActive: true }
            """;

    @TempDir
    Path folder;

    @Test
    void anAddedStageIsReported() throws IOException {
        // given
        Org org = new Org();
        Path old = org.write(folder.resolve("old.json.gz"));
        org.stages.add(2, Org.stage("Discovery", 2, 40.0, ForecastCategory.PIPELINE, false, false));

        // when
        JsonNode diff = diffJson(old, org.write(folder.resolve("new.json.gz")));

        // then
        assertThat(changes(diff)).contains("added stage salesforce:Opportunity.StageName#Discovery");
    }

    @Test
    void aRemovedFieldIsReportedAndWithABlueprintIntroducesAFindingThatFailsTheRun() throws IOException {
        // given
        Org org = new Org();
        Path old = org.write(folder.resolve("old.json.gz"));
        org.fields.removeIf(f -> f.name().equals("Pain__c"));
        Path neu = org.write(folder.resolve("new.json.gz"));

        // when
        Cli cli = Cli.run("diff", "snapshot:" + old, "snapshot:" + neu, "--blueprint", blueprint().toString(), "--format", "json");

        // then
        assertThat(cli.exitCode()).as(cli.err()).isEqualTo(1);
        JsonNode diff = JSON.readTree(cli.out());
        assertThat(changes(diff)).contains("removed field salesforce:Opportunity.Pain__c");
        assertThat(diff.path("introduced").findValuesAsText("ruleId")).contains("L2O-FIELD-MISSING");
        assertThat(diff.path("fails").asBoolean()).isTrue();
    }

    @Test
    void aFieldThatNowExistsResolvesItsFindingAndPasses() throws IOException {
        // given
        Org org = new Org();
        org.fields.removeIf(f -> f.name().equals("Pain__c"));
        Path old = org.write(folder.resolve("old.json.gz"));
        org.fields.add(Org.field("Opportunity", "Pain__c", "LongTextArea", null));
        Path neu = org.write(folder.resolve("new.json.gz"));

        // when
        Cli cli = Cli.run("diff", "snapshot:" + old, "snapshot:" + neu, "--blueprint", blueprint().toString(), "--format", "json");

        // then
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        JsonNode diff = JSON.readTree(cli.out());
        assertThat(diff.path("resolved").findValuesAsText("ruleId")).containsExactly("L2O-FIELD-MISSING");
        assertThat(diff.path("introduced")).isEmpty();
    }

    @Test
    void aPicklistValueAddedIsReportedAndIsAWarningThatFailsOnlyAtFailOnWarning() throws IOException {
        // given
        Org org = new Org();
        Path old = org.write(folder.resolve("old.json.gz"));
        org.fields.replaceAll(f -> f.name().equals("Timeline__c")
                ? Org.field("Lead", "Timeline__c", "Picklist", List.of("0-3 months", "3-6 months", "Immediate")) : f);
        Path neu = org.write(folder.resolve("new.json.gz"));
        String[] args = {"diff", "snapshot:" + old, "snapshot:" + neu, "--blueprint", blueprint().toString(), "--format", "json"};

        // when
        Cli atError = Cli.run(args);
        Cli atWarning = Cli.run(concat(args, "--fail-on", "warning"));

        // then
        assertThat(changes(JSON.readTree(atError.out()))).anySatisfy(c -> assertThat(c).startsWith("added picklistValue")
                .contains("Timeline__c"));
        assertThat(JSON.readTree(atError.out()).path("introduced").findValuesAsText("ruleId")).containsExactly("L2O-FIELD-PICKLIST");
        assertThat(atError.exitCode()).isZero();
        assertThat(atWarning.exitCode()).isEqualTo(1);
    }

    @Test
    void aDeactivatedFlowIsAModificationThatIntroducesAnInactiveAutomation() throws IOException {
        // given
        Org org = new Org();
        Path old = org.write(folder.resolve("old.json.gz"));
        org.automations.replaceAll(a -> a.name().equals("Stage_Change_Alert") ? Org.flow("Stage_Change_Alert", false) : a);
        Path neu = org.write(folder.resolve("new.json.gz"));

        // when
        Cli cli = Cli.run("diff", "snapshot:" + old, "snapshot:" + neu, "--blueprint", blueprint().toString(), "--format", "md");

        // then
        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.out()).contains("❌ **This change introduces 1 finding at or above `error`**")
                .contains("| modified |").contains("Stage\\_Change\\_Alert").contains("`L2O-AUTOMATION-INACTIVE`");
    }

    @Test
    void aDiffNamesWhoMadeAChangeBetweenTheTwoSnapshotsWhenTheNewerSourceRecordsIt() throws IOException {
        // given
        Org org = new Org();
        Path old = org.write(folder.resolve("old.json.gz"));
        org.automations.replaceAll(a -> a.name().equals("Stage_Change_Alert") ? Org.flow("Stage_Change_Alert", false) : a);
        org.asOf = Org.AS_OF.plusSeconds(7 * 24 * 3600);
        org.changeTrail = ChangeTrail.of("Salesforce SetupAuditTrail", List.of(
                new SetupChange(Org.AS_OF.plusSeconds(3600), "Priya Raman", "deactivatedinteractiondefversion", "Flows",
                        "Deactivated flow with Unique Name \"Stage_Change_Alert\"", null),
                new SetupChange(Org.AS_OF.minusSeconds(3600), "Ana Díaz", "activatedinteractiondefversion", "Flows",
                        "Activated flow with Unique Name \"Stage_Change_Alert\"", null)));
        Path neu = org.write(folder.resolve("new.json.gz"));

        // when
        JsonNode json = diffJson(old, neu);
        Cli text = Cli.run("diff", "snapshot:" + old, "snapshot:" + neu);

        // then
        JsonNode change = json.path("changes").get(0);
        assertThat(change.path("subject").asText()).isEqualTo("salesforce:Flow/Stage_Change_Alert");
        assertThat(change.path("changedBy").asText()).isEqualTo("Priya Raman");
        assertThat(change.path("changedAt").asText()).isEqualTo("2026-05-04T09:00:00Z");
        assertThat(text.out()).contains("changed by Priya Raman at 2026-05-04T09:00:00Z: Deactivated flow");
    }

    @Test
    void aRemovedValidationRuleIsReported() throws IOException {
        // given
        Org org = new Org();
        Path old = org.write(folder.resolve("old.json.gz"));
        org.automations.removeIf(a -> a.name().equals("Pain_Required"));

        // when
        JsonNode diff = diffJson(old, org.write(folder.resolve("new.json.gz")));

        // then
        assertThat(changes(diff)).anySatisfy(c -> assertThat(c).startsWith("removed validationRule").contains("Pain_Required"));
    }

    @Test
    void anAssignmentRuleEntryThatAssignsElsewhereIsReported() throws IOException {
        // given
        Org org = new Org();
        Path old = org.write(folder.resolve("old.json.gz"));
        org.assignmentRules.set(0, Org.assignmentRule("Partner_Desk"));

        // when
        JsonNode diff = diffJson(old, org.write(folder.resolve("new.json.gz")));

        // then
        assertThat(diff.path("changes")).anySatisfy(change -> {
            assertThat(change.path("kind").asText()).isEqualTo("modified");
            assertThat(change.path("category").asText()).isEqualTo("assignmentRuleEntry");
            assertThat(change.path("after").asText()).contains("Partner");
        });
    }

    @Test
    void anAddedQueueIsReportedInText() throws IOException {
        // given
        Org org = new Org();
        Path old = org.write(folder.resolve("old.json.gz"));
        org.queues.add(Org.queue("Mid_Market_SDR"));
        Path neu = org.write(folder.resolve("new.json.gz"));

        // when
        Cli cli = Cli.run("diff", "snapshot:" + old, "snapshot:" + neu);

        // then
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("1 configuration change:").containsPattern("\\+ .*Mid_Market_SDR");
    }

    @Test
    void equalSourcesHaveNoChangesAndNoFindingsToCompare() throws IOException {
        // given
        Org org = new Org();
        Path old = org.write(folder.resolve("old.json.gz"));
        Path neu = org.write(folder.resolve("new.json.gz"));

        // when
        Cli cli = Cli.run("diff", "snapshot:" + old, "snapshot:" + neu, "--blueprint", blueprint().toString());

        // then
        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).contains("No configuration changes.").contains("0 findings introduced, 0 resolved");
    }

    @Test
    void anUnknownFormatIsAUsageErrorBeforeAnySourceIsRead() {
        // given
        String missing = folder.resolve("missing.json.gz").toString();

        // when
        Cli cli = Cli.run("diff", "snapshot:" + missing, "snapshot:" + missing, "--format", "html");

        // then
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("unknown --format 'html' for l2o diff");
    }

    @Test
    void theReportGoesToAFileWithOut() throws IOException {
        // given
        Org org = new Org();
        Path old = org.write(folder.resolve("old.json.gz"));
        org.fields.add(Org.field("Opportunity", "Next_Step__c", "Text", null));
        Path neu = org.write(folder.resolve("new.json.gz"));
        Path file = folder.resolve("comment.md");

        // when
        Cli cli = Cli.run("diff", "snapshot:" + old, "snapshot:" + neu, "--format", "md", "--out", file.toString());

        // then
        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).isEmpty();
        assertThat(Files.readString(file)).startsWith("## l2o diff").contains("Next\\_Step\\_\\_c");
    }

    private JsonNode diffJson(Path old, Path neu) throws IOException {
        Cli cli = Cli.run("diff", "snapshot:" + old, "snapshot:" + neu, "--format", "json");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        return JSON.readTree(cli.out());
    }

    /** Each change as {@code kind category subject}. */
    private static List<String> changes(JsonNode diff) {
        List<String> result = new ArrayList<>();
        diff.path("changes").forEach(c -> result.add(c.path("kind").asText() + " " + c.path("category").asText() + " "
                + c.path("subject").asText()));
        return result;
    }

    private Path blueprint() throws IOException {
        return Files.writeString(folder.resolve("blueprint.yaml"), BLUEPRINT);
    }

    private static String[] concat(String[] args, String... more) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

}
