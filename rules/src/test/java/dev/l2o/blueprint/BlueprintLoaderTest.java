package dev.l2o.blueprint;

import dev.l2o.testing.RepositoryFiles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import dev.l2o.model.ForecastCategory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlueprintLoaderTest {
    static final Path EXAMPLE = RepositoryFiles.exampleBlueprint();

    /** Lines 1–4. */
    private static final String HEAD = """
            apiVersion: l2o/v1
            kind: Blueprint
            metadata:
              name: test
            """;

    /** Lines 5–11 after {@link #HEAD}. */
    private static final String STAGES = """
            opportunityLifecycle:
              stages:
                - key: open
                  maxDaysInStage: 10
                - key: won
                  closed: true
                  won: true
            """;

    @Test
    void exampleBlueprintLoadsUnchanged() throws IOException {
        // given
        List<String> lines = Files.readAllLines(EXAMPLE, StandardCharsets.UTF_8);

        // when
        LoadedBlueprint loaded = BlueprintLoader.load(EXAMPLE);

        // then
        Blueprint blueprint = loaded.blueprint();
        assertThat(blueprint.metadata().name()).isEqualTo("northwind-new-business");
        assertThat(blueprint.opportunityLifecycle().stages()).extracting(StageSpec::key)
                .containsExactly("discovery", "evaluation", "selection", "commitment", "won", "lost");
        assertThat(blueprint.opportunityLifecycle().stages().get(3).forecast()).contains(ForecastCategory.COMMIT);
        assertThat(blueprint.leadLifecycle().statuses()).hasSize(5);
        assertThat(blueprint.fields()).hasSize(7);
        assertThat(blueprint.routing()).extracting(RoutingSpec::name).containsExactly("enterprise-inbound", "mid-market-inbound");
        assertThat(blueprint.rules()).extracting(CustomRuleSpec::id).containsExactly("NW-CLOSE-PLAN");
        assertThat(loaded.file()).isEqualTo(EXAMPLE.toString());
        assertThat(loaded.warnings()).isEmpty();
        assertThat(loaded.positionOfRule("NW-CLOSE-PLAN")).contains(new SourcePosition(lineOf(lines, "  - id: NW-CLOSE-PLAN"), 5));
        assertThat(loaded.positionOfStage("commitment")).contains(new SourcePosition(lineOf(lines, "    - key: commitment"), 7));
        assertThat(loaded.positionOfRouting("mid-market-inbound")).contains(new SourcePosition(lineOf(lines, "  - name: mid-market-inbound"), 5));
        assertThat(loaded.positionOfStatus("sql")).contains(new SourcePosition(lineOf(lines, "    - key: sql"), 7));
    }

    @Test
    void positionsAnswerJsonPointersWithTheKeyAndTheValue() throws IOException {
        // given
        List<String> lines = Files.readAllLines(EXAMPLE, StandardCharsets.UTF_8);
        int selection = lineOf(lines, "    - key: selection");

        // when
        LoadedBlueprint loaded = BlueprintLoader.load(EXAMPLE);

        // then
        assertThat(loaded.positions().of("/opportunityLifecycle/stages/2/probability")).contains(new SourcePosition(selection + 3, 7));
        assertThat(loaded.positions().valueOf("/opportunityLifecycle/stages/2/probability")).contains(new SourcePosition(selection + 3, 20));
        assertThat(loaded.positions().of("/opportunityLifecycle/stages/99")).isEmpty();
    }

    @Test
    void convenienceLookupsFindFieldsAutomationsConversionsAndSuppressions() {
        // given
        String yaml = HEAD + STAGES + """
                fields:
                  - { object: Opportunity, name: Pain__c, type: LongTextArea }
                automation:
                  - { name: Stage_Alert, kind: flow }
                benchmarks:
                  conversion:
                    - { from: open, to: won, rate: 0.2 }
                suppress:
                  - { ruleId: L2O-STAGE-ORDER, subject: "salesforce:Opportunity", reason: accepted }
                """;

        // when
        LoadedBlueprint loaded = BlueprintLoader.parse(yaml, "bp.yaml");

        // then
        assertThat(loaded.positionOfField("opportunity", "pain__c")).contains(new SourcePosition(13, 5));
        assertThat(loaded.positionOfAutomation("Stage_Alert")).contains(new SourcePosition(15, 5));
        assertThat(loaded.positionOfConversion("open", "won")).contains(new SourcePosition(18, 7));
        assertThat(loaded.positionOfSuppression("L2O-STAGE-ORDER", "salesforce:Opportunity")).contains(new SourcePosition(20, 5));
        assertThat(loaded.positionOfField("Lead", "Pain__c")).isEmpty();
    }

    @Test
    void valuesBindIntoTheRecordsWithTheirDefaults() {
        // given
        String yaml = HEAD + """
                opportunityLifecycle:
                  object: deals
                  stages:
                    - { key: open, crm: { hubspot: 12345678 }, probability: 20, maxDaysInStage: 14 }
                    - { key: won, closed: true, won: true }
                leadLifecycle:
                  statuses:
                    - { key: sql, sla: { maxHoursToFirstTouch: 24 } }
                automation:
                  - { name: Alert, kind: flow }
                suppress:
                  - { ruleId: L2O-STAGE-ORDER, subject: "hubspot:deals", reason: accepted, until: 2026-03-31 }
                """;

        // when
        Blueprint blueprint = BlueprintLoader.parse(yaml, "bp.yaml").blueprint();

        // then
        OpportunityLifecycle lifecycle = blueprint.opportunityLifecycle();
        assertThat(lifecycle.object()).isEqualTo("deals");
        assertThat(lifecycle.allowSkips()).isFalse();
        assertThat(lifecycle.regressionAllowed()).isTrue();
        assertThat(lifecycle.stages().get(0)).isEqualTo(new StageSpec("open", null, new CrmMapping(null, "12345678"), 20.0, null,
                false, false, null, null, 14));
        assertThat(blueprint.leadLifecycle().object()).isEqualTo("Lead");
        assertThat(blueprint.leadLifecycle().statuses().get(0).sla()).isEqualTo(new Sla(24.0));
        assertThat(blueprint.automation()).containsExactly(new AutomationSpec("Alert", null, "flow", true));
        assertThat(blueprint.suppress()).containsExactly(
                new Suppression("L2O-STAGE-ORDER", "hubspot:deals", "accepted", LocalDate.of(2026, 3, 31)));
    }

    @Test
    void yamlSyntaxErrorIsReportedAtItsPosition() {
        // given
        String yaml = HEAD + "  owner: a: b\n";

        // when
        List<String> problems = problems(yaml);

        // then
        assertThat(problems).singleElement().asString().startsWith("5:11: YAML syntax error: mapping values are not allowed here");
    }

    @Test
    void unknownTopLevelKeyIsAnErrorThatListsTheAllowedKeys() {
        assertThat(problems(HEAD + STAGES + "colour: blue\n")).containsExactly(
                "12:1: unknown key 'colour' in the blueprint; allowed keys: apiVersion, kind, metadata, "
                        + "opportunityLifecycle, leadLifecycle, lifecycles, fields, routing, automation, benchmarks, rules, suppress, ruleset");
    }

    @Test
    void unknownNestedKeyIsReportedAtTheKeyWithASuggestion() {
        // given
        String yaml = HEAD + """
                opportunityLifecycle:
                  stages:
                    - key: open
                      probabilty: 10
                      entry: { requiredFields: [A], fields: [B] }
                """;

        // then
        assertThat(problems(yaml)).containsExactly(
                "8:7: unknown key 'probabilty' in stage; did you mean 'probability'? allowed keys: key, label, crm, "
                        + "probability, forecastCategory, closed, won, entry, exit, maxDaysInStage",
                "9:37: unknown key 'fields' in 'entry'; allowed keys: requiredFields");
    }

    @Test
    void wrongTypeIsReportedAtTheValue() {
        // given
        String yaml = HEAD + """
                opportunityLifecycle:
                  stages:
                    - key: open
                      probability: high
                      closed: maybe
                      label: yes
                """;

        // then
        assertThat(problems(yaml)).containsExactly(
                "8:20: 'probability' must be a number, not 'high'",
                "9:15: 'closed' must be true or false, not 'maybe'",
                "10:14: 'label' must be text, not true (quote it to make it text)");
    }

    @Test
    void missingMetadataNameIsReportedAtMetadata() {
        assertThat(problems("apiVersion: l2o/v1\nkind: Blueprint\nmetadata:\n  owner: me\n" + STAGES))
                .containsExactly("3:1: missing required key 'name' in 'metadata'");
    }

    @Test
    void missingOpportunityLifecycleIsReportedAtTheDocument() {
        assertThat(problems(HEAD)).containsExactly("1:1: missing required key 'opportunityLifecycle' in the blueprint");
    }

    @Test
    void missingStageKeyIsReportedAtTheStage() {
        // given
        String yaml = HEAD + """
                opportunityLifecycle:
                  stages:
                    - label: Open
                """;

        // then
        assertThat(problems(yaml)).containsExactly("7:7: missing required key 'key' in stage");
    }

    @Test
    void missingFieldTypeIsReportedAtTheField() {
        assertThat(problems(HEAD + STAGES + "fields:\n  - { object: Opportunity, name: Pain__c }\n"))
                .containsExactly("13:5: missing required key 'type' in field");
    }

    @Test
    void routingNeedsWhenAndExactlyOneAssignee() {
        // given
        String yaml = HEAD + STAGES + """
                routing:
                  - name: big
                    object: Lead
                    when: "lead.NumberOfEmployees > 10"
                    assignTo: { user: a, queue: b }
                  - { name: small, object: Lead, assignTo: { queue: q } }
                """;

        // then
        assertThat(problems(yaml)).containsExactly(
                "16:15: 'assignTo' must name exactly one of user, queue, role",
                "17:5: missing required key 'when' in routing");
    }

    @Test
    void automationKindMustBeKnown() {
        assertThat(problems(HEAD + STAGES + "automation:\n  - { name: Alert, object: Opportunity, kind: trigger }\n"))
                .containsExactly("13:47: 'kind' must be one of flow, workflow, validation, assignment, not 'trigger'");
    }

    @Test
    void customRuleNeedsRequireAndKnownSeverityAndDimension() {
        // given
        String yaml = HEAD + STAGES + """
                rules:
                  - id: R1
                    severity: fatal
                    dimension: hygiene
                    on: opportunity
                """;

        // then
        assertThat(problems(yaml)).containsExactly(
                "13:5: missing required key 'require' in rule",
                "14:15: 'severity' must be one of error, warning, info, not 'fatal'",
                "15:16: 'dimension' must be one of strategy, lifecycle, qualification, routing, pipeline, measurement, not 'hygiene'");
    }

    @Test
    void suppressionNeedsAReasonAndADate() {
        // given
        String yaml = HEAD + STAGES + """
                suppress:
                  - { ruleId: L2O-STAGE-ORDER, subject: "salesforce:Opportunity" }
                  - { ruleId: L2O-STAGE-ORDER, subject: x, reason: y, until: 2025-02-30 }
                """;

        // then
        assertThat(problems(yaml)).containsExactly(
                "13:5: missing required key 'reason' in suppression",
                "14:62: 'until' must be a date written YYYY-MM-DD, not '2025-02-30'");
    }

    @Test
    void wrongApiVersionOrKindIsTheOnlyProblemReported() {
        assertThat(problems("apiVersion: l2o/v2\nkind: Blueprint\ncolour: blue\n"))
                .containsExactly("1:13: 'apiVersion' must be 'l2o/v1', not 'l2o/v2'");
        assertThat(problems("apiVersion: l2o/v1\nkind: AuditSchedule\ndataDir: ./data\n"))
                .containsExactly("2:7: 'kind' must be 'Blueprint', not 'AuditSchedule'");
    }

    @Test
    void duplicateStageKeyIsReportedWithTheFirstLine() {
        assertThat(problems(HEAD + STAGES + "    - key: open\n"))
                .containsExactly("12:12: duplicate stage key 'open' (first at line 7)");
    }

    @Test
    void duplicateStatusKeysFieldsAndRuleIdsAreErrors() {
        // given
        String yaml = HEAD + STAGES + """
                leadLifecycle:
                  statuses:
                    - key: new
                    - key: new
                fields:
                  - { object: Lead, name: Budget__c, type: Currency }
                  - { object: lead, name: budget__c, type: Currency }
                rules:
                  - { id: R1, severity: info, dimension: pipeline, on: config, require: "true" }
                  - { id: R1, severity: info, dimension: pipeline, on: config, require: "true" }
                """;

        // then
        assertThat(problems(yaml)).containsExactly(
                "15:12: duplicate status key 'new' (first at line 14)",
                "18:27: duplicate field 'lead.budget__c' (first at line 17)",
                "21:11: duplicate rule id 'R1' (first at line 20)");
    }

    @Test
    void duplicateYamlKeyIsAnError() {
        assertThat(problems(HEAD + STAGES + "metadata:\n  name: again\n"))
                .containsExactly("12:1: duplicate key 'metadata' (first at line 3)");
    }

    @Test
    void probabilityOutsideZeroToHundredIsAnError() {
        assertThat(problems(HEAD + STAGES.replace("maxDaysInStage: 10", "probability: 120")))
                .containsExactly("8:20: 'probability' must be between 0 and 100, not 120");
    }

    @Test
    void unknownForecastCategoryIsAnErrorAndForecastMeansCommit() {
        assertThat(problems(HEAD + STAGES.replace("maxDaysInStage: 10", "forecastCategory: Upside")))
                .containsExactly("8:25: 'forecastCategory' must be one of Pipeline, BestCase, MostLikely, Commit, Closed, "
                        + "Omitted, Forecast, not 'Upside'");
        LoadedBlueprint loaded = BlueprintLoader.parse(HEAD + STAGES.replace("maxDaysInStage: 10", "forecastCategory: Forecast"), "bp.yaml");
        assertThat(loaded.blueprint().opportunityLifecycle().stages().get(0).forecast()).contains(ForecastCategory.COMMIT);
    }

    @Test
    void wonWithoutClosedIsAnError() {
        assertThat(problems(HEAD + STAGES.replace("      closed: true\n", "")))
                .containsExactly("10:7: stage 'won' is won but not closed; add closed: true");
    }

    @Test
    void closedStageProbabilityMustMatchWonOrLost() {
        // given
        String yaml = HEAD + STAGES.replace("won: true", "won: true\n      probability: 90") + """
                    - key: lost
                      closed: true
                      won: false
                      probability: 10
                """;

        // then
        assertThat(problems(yaml)).containsExactly(
                "12:20: stage 'won' is won, so its probability must be 100, not 90",
                "16:20: stage 'lost' is lost (closed and not won), so its probability must be 0, not 10");
    }

    @Test
    void forecastCategoryMustAgreeWithClosedAndWon() {
        // given
        String yaml = HEAD + STAGES.replace("maxDaysInStage: 10", "forecastCategory: Closed")
                .replace("won: true", "won: true\n      forecastCategory: Commit");

        // then
        assertThat(problems(yaml)).containsExactly(
                "8:25: stage 'open' is open, so its forecast category cannot be Closed",
                "12:25: stage 'won' is won, so its forecast category must be Closed, not Commit");
    }

    @Test
    void maxDaysInStageBelowOneIsAnError() {
        assertThat(problems(HEAD + STAGES.replace("maxDaysInStage: 10", "maxDaysInStage: 0")))
                .containsExactly("8:23: 'maxDaysInStage' must be between 1 and 36500, not 0");
    }

    @Test
    void conversionMustNameKnownKeysAndARateBetweenZeroAndOne() {
        assertThat(problems(HEAD + STAGES + "benchmarks:\n  conversion:\n    - { from: open, to: closed, rate: 1.5 }\n"))
                .containsExactly(
                        "14:25: conversion to 'closed' is no stage or status key; keys: open, won",
                        "14:39: 'rate' must be between 0 and 1, not 1.5");
    }

    @Test
    void celThatDoesNotCompileIsReportedAtTheFaultyPartOfTheExpression() {
        // given
        String yaml = HEAD + STAGES + """
                routing:
                  - name: big
                    object: Lead
                    when: "lead.NumberOfEmployees >= 1000 && leed.Country == 'DE'"
                    assignTo: { queue: Enterprise }
                rules:
                  - id: R1
                    severity: warning
                    dimension: pipeline
                    on: lead
                    require: opp.Amount > 1
                  - id: R2
                    severity: warning
                    dimension: pipeline
                    on: opportunity
                    require: |
                      opp.Amount >
                """;

        // then
        assertThat(problems(yaml)).containsExactly(
                "15:46: 'when' of routing 'big' is not valid CEL: undeclared reference to 'leed'; variables here: lead, record",
                "22:14: 'require' of rule 'R1' is not valid CEL: undeclared reference to 'opp'; variables here: lead, record",
                "27:14: 'require' of rule 'R2' is not valid CEL: the expression ends too early; "
                        + "variables here: opp, opportunity, deal, record");
    }

    @Test
    void ruleIdsOfTheBuiltInCatalogAreReserved() {
        assertThat(problems(HEAD + STAGES
                + "rules:\n  - { id: L2O-MINE, severity: info, dimension: pipeline, on: config, require: \"true\" }\n"))
                .containsExactly("13:11: rule id 'L2O-MINE' is reserved: ids starting with L2O- belong to the built-in rules");
    }

    @Test
    void everyProblemIsCollectedBeforeThrowingAndTheMessageIsTheFirstOne() {
        // given
        String yaml = HEAD + STAGES.replace("maxDaysInStage: 10", "probability: high") + "colour: blue\n";

        // when
        BlueprintException thrown = catchThrowableOfType(BlueprintException.class, () -> BlueprintLoader.parse(yaml, "bp.yaml"));

        // then
        assertThat(thrown.code()).isEqualTo(ErrorCode.BAD_BLUEPRINT);
        assertThat(thrown.problems()).hasSize(2);
        assertThat(thrown.getMessage()).isEqualTo("bp.yaml:8:20: 'probability' must be a number, not 'high'");
    }

    @Test
    void stageWithoutMaxDaysInStageIsAWarning() {
        // when
        LoadedBlueprint loaded = BlueprintLoader.parse(HEAD + STAGES.replace("      maxDaysInStage: 10\n", ""), "bp.yaml");

        // then
        assertThat(loaded.warnings()).extracting(BlueprintProblem::format)
                .containsExactly("bp.yaml:7:7: stage 'open' has no maxDaysInStage, so stale deals in it are not reported");
    }

    @Test
    void lifecycleWithoutWonStageIsAWarning() {
        // when
        LoadedBlueprint loaded = BlueprintLoader.parse(HEAD + STAGES.replace("won: true", "won: false"), "bp.yaml");

        // then
        assertThat(loaded.warnings()).extracting(BlueprintProblem::format)
                .containsExactly("bp.yaml:6:3: no stage is won (closed: true, won: true), so win rate and sales cycle cannot be measured");
    }

    @Test
    void emptyFileIsAnError() {
        assertThat(problems("# nothing yet\n")).containsExactly(
                "1:1: the file is empty; a blueprint starts with apiVersion: l2o/v1 and kind: Blueprint");
    }

    @Test
    void problemMessagesNeverContainJavaClassNamesOrStackTraces() {
        // given
        List<String> inputs = List.of(
                "- just\n- a list\n",
                "apiVersion: l2o/v1\nkind: Blueprint\n\tmetadata: x\n",
                "a: &x 1\nb: *x\n",
                "a: 1\n---\nb: 2\n",
                HEAD + STAGES.replace("maxDaysInStage: 10", "maxDaysInStage: 99999999999999999999"),
                HEAD + STAGES.replace("maxDaysInStage: 10", "probability: .inf"),
                HEAD + STAGES.replace("maxDaysInStage: 10", "crm: [a, b]"),
                HEAD + STAGES + "rules:\n  - { id: R, severity: info, dimension: pipeline, on: config, require: \"config.x +\" }\n",
                HEAD + STAGES + "routing: {}\nfields: 3\n",
                "\u0000\u0001binary");

        // then
        for (String input : inputs) {
            BlueprintException thrown = catchThrowableOfType(BlueprintException.class, () -> BlueprintLoader.parse(input, "bp.yaml"));
            assertThat(thrown).as(input).isNotNull();
            for (BlueprintProblem problem : thrown.problems()) {
                assertThat(problem.message()).as(input)
                        .doesNotContain("\n", "Exception", "java.", "com.", "org.", "dev.l2o", "\tat ")
                        .doesNotContainPattern("\\b[a-z]+\\.[a-z]+\\.[A-Z]");
            }
        }
    }

    @Test
    void loadNamesTheFileInEveryProblem(@TempDir Path directory) throws IOException {
        // given
        Path file = directory.resolve("bad.yaml");
        Files.writeString(file, HEAD + STAGES + "colour: blue\n");

        // when
        BlueprintException thrown = catchThrowableOfType(BlueprintException.class, () -> BlueprintLoader.load(file));

        // then
        assertThat(thrown.problems()).extracting(BlueprintProblem::file).containsOnly(file.toString());
        assertThat(thrown.getMessage()).startsWith(file + ":12:1: unknown key 'colour'");
    }

    @Test
    void missingFileIsAnUnreadableFileError(@TempDir Path directory) {
        Path file = directory.resolve("absent.yaml");
        assertThatThrownBy(() -> BlueprintLoader.load(file))
                .isInstanceOf(L2oException.class)
                .hasMessage(file + ": blueprint file not found")
                .extracting(e -> ((L2oException) e).code())
                .isEqualTo(ErrorCode.UNREADABLE_FILE);
    }

    @Test
    void fileThatIsNotUtf8IsAProblem(@TempDir Path directory) throws IOException {
        // given
        Path file = directory.resolve("latin1.yaml");
        Files.write(file, new byte[] {'a', ':', ' ', (byte) 0xE9, '\n'});

        // then
        assertThatThrownBy(() -> BlueprintLoader.load(file))
                .isInstanceOf(BlueprintException.class)
                .hasMessage(file + ":1:1: the file is not UTF-8 text");
    }

    static List<String> problems(String yaml) {
        BlueprintException thrown = catchThrowableOfType(BlueprintException.class, () -> BlueprintLoader.parse(yaml, "bp.yaml"));
        assertThat(thrown).as("problems of%n%s", yaml).isNotNull();
        return thrown.problems().stream().map(p -> p.line() + ":" + p.column() + ": " + p.message()).toList();
    }

    private static int lineOf(List<String> lines, String text) {
        int index = lines.indexOf(text);
        assertThat(index).as("line %s", text).isNotNegative();
        return index + 1;
    }
}
