package dev.l2o.blueprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesetLoaderTest {
    /** Lines 1–8. */
    private static final String BLUEPRINT = """
            apiVersion: l2o/v1
            kind: Blueprint
            metadata: { name: test }
            opportunityLifecycle:
              stages:
                - key: open
                - key: won
                  closed: true
            """;

    @TempDir
    Path directory;

    @Test
    void aBlueprintRulesetBindsWithSeveritiesSortedById() {
        // when
        LoadedBlueprint loaded = BlueprintLoader.parse(BLUEPRINT + """
                ruleset:
                  include: [pipeline, L2O-STAGE-MISSING]
                  exclude: [L2O-STAGE-REGRESSION]
                  severity: { L2O-STALE-DEAL: error, L2O-CLOSE-DATE-PAST: info }
                  parameters: { staleDealDays: 45, allowRegression: false }
                """, "bp.yaml");

        // then
        RulesetSpec ruleset = loaded.blueprint().ruleset();
        assertThat(ruleset.include()).containsExactly("pipeline", "L2O-STAGE-MISSING");
        assertThat(ruleset.exclude()).containsExactly("L2O-STAGE-REGRESSION");
        assertThat(ruleset.severity()).containsExactly(Map.entry("L2O-CLOSE-DATE-PAST", "info"), Map.entry("L2O-STALE-DEAL", "error"));
        assertThat(ruleset.parameters()).isEqualTo(new RuleParameters(45, false));
    }

    @Test
    void aStaleDealDaysParameterSilencesTheMissingBenchmarkWarning() {
        // when
        LoadedBlueprint without = BlueprintLoader.parse(BLUEPRINT, "bp.yaml");
        LoadedBlueprint with = BlueprintLoader.parse(BLUEPRINT + "ruleset: { parameters: { staleDealDays: 30 } }\n", "bp.yaml");

        // then
        assertThat(without.warnings()).extracting(BlueprintProblem::message).anyMatch(m -> m.contains("has no maxDaysInStage"));
        assertThat(with.warnings()).extracting(BlueprintProblem::message).noneMatch(m -> m.contains("has no maxDaysInStage"));
    }

    @Test
    void anUnknownRuleIdIsAnErrorAtItsLineAndColumn() {
        assertThat(blueprintProblems("""
                ruleset:
                  exclude: [pipeline, L2O-NO-SUCH-RULE]
                  severity:
                    L2O-STALE-DEAL: error
                    my-rule: info
                """)).containsExactly(
                "10:23: 'L2O-NO-SUCH-RULE' in exclude is neither a rule id nor a dimension; dimensions: strategy, lifecycle, "
                        + "qualification, routing, pipeline, measurement; l2o rules lists the rule ids",
                "13:5: severity of unknown rule 'my-rule': severities are set per rule id (built-in or custom); l2o rules lists them");
    }

    @Test
    void aCustomRuleIdOfTheBlueprintIsKnown() {
        // when
        LoadedBlueprint loaded = BlueprintLoader.parse(BLUEPRINT + """
                rules:
                  - id: my-rule
                    severity: warning
                    dimension: pipeline
                    on: config
                    require: "true"
                ruleset:
                  severity: { my-rule: error }
                """, "bp.yaml");

        // then
        assertThat(loaded.blueprint().ruleset().severity()).containsEntry("my-rule", "error");
    }

    @Test
    void aWrongSeverityOrParameterIsASchemaErrorAtItsValue() {
        assertThat(blueprintProblems("""
                ruleset:
                  severity: { L2O-STALE-DEAL: fatal }
                  parameters: { staleDealDays: 0 }
                """)).hasSize(2).allSatisfy(problem -> assertThat(problem).matches("1[01]:\\d+: .*"))
                .anySatisfy(problem -> assertThat(problem).startsWith("10:31: ").contains("error, warning, info"))
                .anySatisfy(problem -> assertThat(problem).startsWith("11:32: "));
    }

    @Test
    void aRulesetFileLoadsWithTheBlueprintsCustomRuleIds() {
        // when
        RulesetSpec ruleset = RulesetLoader.parse("""
                apiVersion: l2o/v1
                kind: Ruleset
                exclude: [measurement]
                severity: { my-rule: error }
                parameters: { allowRegression: false }
                """, "team.yaml", List.of("my-rule"));

        // then
        assertThat(ruleset).isEqualTo(new RulesetSpec(null, List.of("measurement"), Map.of("my-rule", "error"),
                new RuleParameters(null, false)));
    }

    @Test
    void aRulesetFileNamingAnUnknownRuleFailsAtItsLineAndColumn() {
        // when
        BlueprintException thrown = catchThrowableOfType(BlueprintException.class, () -> RulesetLoader.parse("""
                apiVersion: l2o/v1
                kind: Ruleset
                include:
                  - L2O-STALE-DEAL
                  - my-rule
                """, "team.yaml", List.of()));

        // then
        assertThat(thrown.getMessage()).isEqualTo("team.yaml:5:5: 'my-rule' in include is neither a rule id nor a dimension; "
                + "dimensions: strategy, lifecycle, qualification, routing, pipeline, measurement; l2o rules lists the rule ids");
        assertThat(thrown.code()).isEqualTo(ErrorCode.BAD_BLUEPRINT);
    }

    @Test
    void aBlueprintGivenAsRulesetFileIsNamedByItsKindOnly() {
        // when
        BlueprintException thrown = catchThrowableOfType(BlueprintException.class,
                () -> RulesetLoader.parse(BLUEPRINT, "bp.yaml", List.of()));

        // then
        assertThat(thrown.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(2);
            assertThat(problem.message()).contains("Ruleset");
        });
    }

    @Test
    void anUnknownKeyInARulesetFileListsTheAllowedKeys() {
        assertThatThrownBy(() -> RulesetLoader.parse("apiVersion: l2o/v1\nkind: Ruleset\nseverities: {}\n", "team.yaml", List.of()))
                .hasMessage("team.yaml:3:1: unknown key 'severities' in the ruleset; allowed keys: apiVersion, kind, include, "
                        + "exclude, severity, parameters");
    }

    @Test
    void aMissingRulesetFileIsUnreadable() {
        assertThatThrownBy(() -> RulesetLoader.load(directory.resolve("none.yaml"), List.of()))
                .isInstanceOf(L2oException.class)
                .hasMessage(directory.resolve("none.yaml") + ": ruleset file not found")
                .extracting(e -> ((L2oException) e).code()).isEqualTo(ErrorCode.UNREADABLE_FILE);
    }

    private static List<String> blueprintProblems(String ruleset) {
        BlueprintException thrown = catchThrowableOfType(BlueprintException.class,
                () -> BlueprintLoader.parse(BLUEPRINT + ruleset, "bp.yaml"));
        assertThat(thrown).as("problems of%n%s", ruleset).isNotNull();
        return thrown.problems().stream().map(p -> p.line() + ":" + p.column() + ": " + p.message()).toList();
    }
}
