package dev.l2o.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.l2o.blueprint.Blueprint;
import dev.l2o.blueprint.BlueprintLoader;
import dev.l2o.blueprint.LoadedBlueprint;
import dev.l2o.blueprint.SourcePosition;
import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import dev.l2o.model.Snapshot;
import dev.l2o.rules.builtin.lifecycle.StageMissingRule;
import dev.l2o.rules.testing.SnapshotBuilder;
import dev.l2o.rules.testing.TestBlueprints;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

class RuleEngineTest {
    private static final Blueprint BLUEPRINT = TestBlueprints.parse("""
            opportunityLifecycle:
              stages: [{ key: discovery }]
            """);
    private static final Snapshot SNAPSHOT = SnapshotBuilder.salesforce().build();
    private static final Instant AS_OF = Instant.parse("2026-02-01T10:00:00Z");

    /** A rule that does what the test says. */
    private record FakeRule(RuleDescriptor descriptor, BiConsumer<Snapshot, RuleContext> body) implements Rule {
        @Override
        public void check(Blueprint blueprint, Snapshot snapshot, RuleContext context) {
            body.accept(snapshot, context);
        }
    }

    private static RuleDescriptor descriptor(String id, Severity severity, Dimension dimension) {
        return new RuleDescriptor(id, "Title of " + id, "Describes " + id + ".", dimension, severity);
    }

    private static FakeRule reporting(String id, Severity severity, String... subjects) {
        return new FakeRule(descriptor(id, severity, Dimension.LIFECYCLE), (snapshot, context) -> {
            for (String subject : subjects) {
                context.report(FindingDraft.of(DriftKind.MISSING, subject, "About " + subject + "."));
            }
        });
    }

    @Test
    void aFindingCarriesTheLineAndColumnOfTheDeclarationItsRuleNames() {
        // given
        LoadedBlueprint loaded = BlueprintLoader.parse("""
                apiVersion: l2o/v1
                kind: Blueprint
                metadata: { name: located }
                opportunityLifecycle:
                  stages:
                    - key: discovery
                    - key: won
                      closed: true
                      won: true
                """, "located.yaml");
        RuleEngine engine = new RuleEngine(List.of(new StageMissingRule()));

        // when
        List<Finding> findings = engine.run(loaded, SnapshotBuilder.salesforce()
                .pipeline("Opportunity", "Opportunity", stages -> stages.stage("discovery")).build(), AS_OF, Map.of());

        // then
        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.subject()).endsWith("#won");
            assertThat(finding.declaredAt()).isEqualTo(new SourcePosition(7, 7));
        });
        assertThat(engine.run(loaded.blueprint(), SnapshotBuilder.salesforce()
                .pipeline("Opportunity", "Opportunity", stages -> stages.stage("discovery")).build(), AS_OF, Map.of()))
                .singleElement().extracting(Finding::declaredAt).isNull();
    }

    @Test
    void findingsCarryTheirRulesIdSeverityAndDimensionAndComeSortedBySeverityRuleAndSubject() {
        // given
        RuleEngine engine = new RuleEngine(List.of(
                reporting("L2O-B", Severity.WARNING, "salesforce:z", "salesforce:a"),
                reporting("L2O-A", Severity.WARNING, "salesforce:m"),
                new FakeRule(descriptor("NW-CUSTOM", Severity.ERROR, Dimension.QUALIFICATION), (snapshot, context) ->
                        context.report(FindingDraft.of(DriftKind.THRESHOLD, "salesforce:opp", "Custom.")
                                .expectedActual("x", "y")))));

        // when
        List<Finding> findings = engine.run(BLUEPRINT, SNAPSHOT, AS_OF, Map.of());

        // then
        assertThat(findings).extracting(Finding::ruleId, Finding::severity, Finding::dimension, Finding::subject)
                .containsExactly(
                        tuple("NW-CUSTOM", Severity.ERROR, Dimension.QUALIFICATION, "salesforce:opp"),
                        tuple("L2O-A", Severity.WARNING, Dimension.LIFECYCLE, "salesforce:m"),
                        tuple("L2O-B", Severity.WARNING, Dimension.LIFECYCLE, "salesforce:a"),
                        tuple("L2O-B", Severity.WARNING, Dimension.LIFECYCLE, "salesforce:z"));
        assertThat(findings.get(0).expected()).isEqualTo("x");
        assertThat(findings.get(0).kind()).isEqualTo(DriftKind.THRESHOLD);
    }

    @Test
    void everyRuleSeesTheAsOfTimeAndTheAttachmentsByType() {
        // given
        StringBuilder seen = new StringBuilder();
        RuleEngine engine = new RuleEngine(List.of(new FakeRule(descriptor("L2O-X", Severity.INFO, Dimension.PIPELINE),
                (snapshot, context) -> seen.append(context.asOf()).append(' ')
                        .append(context.attachment(String.class).orElseThrow()).append(' ')
                        .append(context.attachment(Integer.class).isPresent()))));

        // when
        engine.run(BLUEPRINT, SNAPSHOT, AS_OF, Map.of(String.class, "metrics"));

        // then
        assertThat(seen).hasToString("2026-02-01T10:00:00Z metrics false");
    }

    @Test
    void anUnexpectedExceptionInARuleIsAnInternalErrorNamingTheRule() {
        // given
        RuleEngine engine = new RuleEngine(List.of(reporting("L2O-OK", Severity.INFO, "salesforce:a"),
                new FakeRule(descriptor("L2O-BROKEN", Severity.ERROR, Dimension.ROUTING), (snapshot, context) -> {
                    throw new IllegalStateException("boom");
                })));

        // when / then
        assertThatThrownBy(() -> engine.run(BLUEPRINT, SNAPSHOT, AS_OF, Map.of()))
                .isInstanceOfSatisfying(L2oException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL_ERROR))
                .hasMessage("rule L2O-BROKEN failed unexpectedly: java.lang.IllegalStateException: boom")
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void anL2oExceptionFromARulePassesThroughUnchanged() {
        // given
        L2oException unreadable = new L2oException(ErrorCode.MALFORMED_HISTORY, "history.csv:3: bad date");
        RuleEngine engine = new RuleEngine(List.of(new FakeRule(descriptor("L2O-X", Severity.INFO, Dimension.PIPELINE),
                (snapshot, context) -> {
                    throw unreadable;
                })));

        // when / then
        assertThatThrownBy(() -> engine.run(BLUEPRINT, SNAPSHOT, AS_OF, Map.of())).isSameAs(unreadable);
    }

    @Test
    void twoRulesWithOneIdAreRejected() {
        // when / then
        assertThatThrownBy(() -> new RuleEngine(List.of(reporting("L2O-A", Severity.INFO), reporting("L2O-A", Severity.ERROR))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("two rules have the id L2O-A");
    }

    @Test
    void anAttachmentOfTheWrongTypeIsRejected() {
        // given
        RuleEngine engine = new RuleEngine(List.of());

        // when / then
        assertThatThrownBy(() -> engine.run(BLUEPRINT, SNAPSHOT, AS_OF, Map.of(String.class, 42)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("attachment for java.lang.String is a java.lang.Integer");
    }
}
