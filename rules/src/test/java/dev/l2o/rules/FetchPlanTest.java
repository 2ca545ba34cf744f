package dev.l2o.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.l2o.blueprint.BlueprintLoader;
import dev.l2o.rules.cel.CelCondition;
import dev.l2o.rules.cel.CelScope;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FetchPlanTest {
    private static final String DEALS_ONLY = """
            apiVersion: l2o/v1
            kind: Blueprint
            metadata: { name: deals-only }
            opportunityLifecycle:
              object: deals
              stages:
                - { key: discovery, entry: { requiredFields: [pain] } }
                - { key: won, closed: true, won: true }
            """;

    @Test
    void aBlueprintWithoutLeadLifecycleDoesNotAskForTheLeadObject() {
        // when
        FetchPlan plan = FetchPlan.of(BlueprintLoader.parse(DEALS_ONLY, "deals-only.yaml").blueprint());

        // then
        assertThat(plan.objects()).containsExactly("deals");
        assertThat(plan.recordFields()).containsOnlyKeys("deals");
        assertThat(plan.recordFields().get("deals")).containsExactly("Amount", "CloseDate", "pain");
        assertThat(plan.history()).isTrue();
    }

    @Test
    void aLeadLifecycleAsksForTheLeadObjectAndItsRequiredFields() {
        // given
        String yaml = DEALS_ONLY + """
                leadLifecycle:
                  object: contacts
                  statuses:
                    - { key: mql, entry: { requiredFields: [company] } }
                """;

        // when
        FetchPlan plan = FetchPlan.of(BlueprintLoader.parse(yaml, "leads.yaml").blueprint());

        // then
        assertThat(plan.objects()).containsExactly("contacts", "deals");
        assertThat(plan.recordFields().get("contacts")).containsExactly("company");
    }

    @Test
    void customRulesAskForTheFieldsTheirSyntaxTreesReadOnTheObjectOfTheirScope() {
        // given
        String yaml = DEALS_ONLY + """
                rules:
                  - id: ACME-NEXT-STEP
                    description: Deals past discovery have a next step
                    severity: warning
                    dimension: qualification
                    on: opportunity
                    when: "record.stage != 'discovery' && deal['region'] == 'emea'"
                    require: "has(opp.next_step) && size(opp.next_step) > 0"
                  - id: ACME-LEAD-SOURCE
                    description: Leads have a source
                    severity: info
                    dimension: strategy
                    on: lead
                    require: "has(record.hs_analytics_source) || lead.id == ''"
                  - id: ACME-CONFIG
                    description: Config only
                    severity: info
                    dimension: strategy
                    on: config
                    require: "size(config.pipelines) > 0"
                """;

        // when
        FetchPlan plan = FetchPlan.of(BlueprintLoader.parse(yaml, "rules.yaml").blueprint());

        // then
        assertThat(plan.recordFields()).containsEntry("deals", Set.of("Amount", "CloseDate", "next_step", "pain", "region"))
                .containsEntry("Lead", Set.of("hs_analytics_source"));
        assertThat(plan.objects()).containsExactly("Lead", "deals");
    }

    @Test
    void metricsAskForTheSameObjectsAndHistoryButNotForWhatCelExpressionsRead() {
        // given
        String yaml = DEALS_ONLY + """
                routing:
                  - name: emea
                    object: deals
                    when: "deal.region == 'emea'"
                    assignTo: { queue: EMEA }
                rules:
                  - id: ACME-LEAD-SOURCE
                    description: Leads have a source
                    severity: info
                    dimension: strategy
                    on: lead
                    require: "has(record.hs_analytics_source)"
                """;
        var blueprint = BlueprintLoader.parse(yaml, "rules.yaml").blueprint();

        // when
        FetchPlan audit = FetchPlan.of(blueprint);
        FetchPlan metrics = FetchPlan.forMetrics(blueprint);

        // then
        assertThat(audit.recordFields().get("deals")).contains("region");
        assertThat(metrics.objects()).isEqualTo(audit.objects()).containsExactly("Lead", "deals");
        assertThat(metrics.recordFields()).containsOnlyKeys("deals");
        assertThat(metrics.recordFields().get("deals")).containsExactly("Amount", "CloseDate", "pain");
        assertThat(metrics.history()).isTrue();
        assertThat(audit.automations()).isTrue();
        assertThat(metrics.automations()).isFalse();
    }

    @Test
    void fieldsReadComeFromTheSyntaxTreeNotFromTextThatLooksLikeAField() {
        // when
        CelCondition condition = CelCondition.compile(
                "opp.Amount > 10 && 'opp.Quoted' != opp['Region__c'] && opp.Name.startsWith('x')", CelScope.OPPORTUNITY);

        // then
        assertThat(condition.fieldsRead()).isEqualTo(Map.of("opp", Set.of("Amount", "Name", "Region__c")));
    }
}
