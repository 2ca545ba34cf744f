package dev.l2o.blueprint;

import static dev.l2o.blueprint.BlueprintLoaderTest.problems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

class LifecyclesLoaderTest {
    /** Lines 1–11. */
    private static final String HEAD = """
            apiVersion: l2o/v1
            kind: Blueprint
            metadata:
              name: test
            opportunityLifecycle:
              stages:
                - key: open
                  maxDaysInStage: 10
                - key: won
                  closed: true
                  won: true
            """;

    /** Lines 12–26 after {@link #HEAD}. */
    private static final String RENEWALS = """
            lifecycles:
              - name: renewals
                motion: renewal
                pipeline: Renewal
                stages:
                  - key: renewal-review
                    label: Renewal Review
                    maxDaysInStage: 30
                  - key: renewed
                    closed: true
                    won: true
                renewal:
                  automation: Create_Renewal_Opportunity
                  daysBeforeContractEnd: 120
            """;

    @Test
    void renewalLifecycleLoadsWithItsDefaults() {
        // when
        Blueprint blueprint = BlueprintLoader.parse(HEAD + RENEWALS, "bp.yaml").blueprint();

        // then
        Lifecycle renewals = blueprint.lifecycles().get(0);
        assertThat(renewals.name()).isEqualTo("renewals");
        assertThat(renewals.motion()).isEqualTo(Motion.RENEWAL);
        assertThat(renewals.object()).isEqualTo("Opportunity");
        assertThat(renewals.pipeline()).isEqualTo("Renewal");
        assertThat(renewals.allowSkips()).isFalse();
        assertThat(renewals.regressionAllowed()).isTrue();
        assertThat(renewals.stages()).extracting(StageSpec::key).containsExactly("renewal-review", "renewed");
        assertThat(renewals.renewal()).isEqualTo(new RenewalSpec("Create_Renewal_Opportunity", 120, "EndDate", 0));
    }

    @Test
    void allLifecyclesStartWithTheOpportunityLifecycleAsNewBusiness() {
        // when
        Blueprint blueprint = BlueprintLoader.parse(HEAD + RENEWALS, "bp.yaml").blueprint();

        // then
        assertThat(blueprint.allLifecycles()).extracting(Lifecycle::name, Lifecycle::motion)
                .containsExactly(tuple("opportunityLifecycle", Motion.NEW_BUSINESS),
                        tuple("renewals", Motion.RENEWAL));
        assertThat(blueprint.allLifecycles().get(0).primary()).isTrue();
        assertThat(blueprint.allLifecycles().get(1).primary()).isFalse();
        assertThat(BlueprintPointers.lifecycle(blueprint, "renewals")).contains("/lifecycles/0");
        assertThat(BlueprintPointers.lifecycle(blueprint, "opportunityLifecycle")).contains("/opportunityLifecycle");
    }

    @Test
    void blueprintWithoutLifecyclesHasNone() {
        assertThat(BlueprintLoader.parse(HEAD, "bp.yaml").blueprint().lifecycles()).isEmpty();
    }

    @Test
    void duplicateLifecycleNamesAreAnError() {
        String yaml = HEAD + RENEWALS + RENEWALS.replace("lifecycles:\n", "").replace("motion: renewal", "motion: renewal ");
        assertThat(problems(yaml)).containsExactly("26:11: duplicate lifecycle name 'renewals' (first at line 13)");
    }

    @Test
    void opportunityLifecycleIsAReservedName() {
        assertThat(problems(HEAD + RENEWALS.replace("name: renewals", "name: opportunityLifecycle")))
                .containsExactly("13:11: lifecycle name 'opportunityLifecycle' is reserved: it names the blueprint's opportunityLifecycle");
    }

    @Test
    void renewalBlockBelongsOnlyToMotionRenewal() {
        assertThat(problems(HEAD + RENEWALS.replace("motion: renewal", "motion: expansion")))
                .containsExactly("23:5: lifecycle 'renewals' has motion expansion, so it has no renewal block; only motion renewal has one");
    }

    @Test
    void unknownMotionIsAnError() {
        assertThat(problems(HEAD + RENEWALS.replace("motion: renewal", "motion: upsell")))
                .containsExactly("14:13: 'motion' must be one of newBusiness, renewal, expansion, not 'upsell'");
    }

    @Test
    void renewalWithoutDaysBeforeContractEndIsAnError() {
        assertThat(problems(HEAD + RENEWALS.replace("      daysBeforeContractEnd: 120\n", "")))
                .singleElement().asString().startsWith("23:").contains("daysBeforeContractEnd");
    }

    @Test
    void unknownKeyInALifecycleIsAnError() {
        assertThat(problems(HEAD + RENEWALS.replace("    pipeline: Renewal", "    pipline: Renewal")))
                .singleElement().asString().startsWith("15:5: ").contains("pipline");
    }

    @Test
    void stagesOfALifecycleAreCheckedLikeTheOpportunityLifecycles() {
        assertThat(problems(HEAD + RENEWALS.replace("        closed: true\n", "")))
                .containsExactly("21:9: stage 'renewed' is won but not closed; add closed: true");
    }
}
