package dev.l2o.rules.custom;

import dev.l2o.blueprint.Blueprint;
import dev.l2o.blueprint.CustomRuleSpec;
import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import dev.l2o.rules.Dimension;
import dev.l2o.rules.Rule;
import dev.l2o.rules.RuleDescriptor;
import dev.l2o.rules.Severity;
import dev.l2o.rules.cel.CelCondition;
import dev.l2o.rules.cel.CelScope;
import java.util.ArrayList;
import java.util.List;

/**
 * The blueprint's custom rules ({@code rules[]}) as {@link Rule}s, one per entry, in blueprint order. The
 * descriptor comes from the entry: its id, its description as title (without a trailing period) and as
 * description, its dimension and severity.
 *
 * <p><b>{@code on: opportunity} and {@code on: lead}</b> check every record of the lifecycle's object
 * ({@code opportunityLifecycle.object}: Opportunity, or HubSpot {@code deals}; {@code leadLifecycle.object}:
 * Lead). A record where {@code when} holds (or there is no {@code when}) and {@code require} does not is a
 * violation; each rule reports one finding with the number of violations and up to ten record ids, subject
 * {@code <crm>:<Object>} ({@code salesforce:Opportunity}). The record is a map of its field values by API name
 * (fields without a value, null or blank, are absent: write {@code has(opp.Close_Plan__c)}), plus:
 * <ul>
 *   <li>{@code id}: the record id;
 *   <li>{@code stage}: the blueprint key of the record's stage or status ({@code commitment}), absent when it
 *       maps to none; the stage field is StageName (Salesforce opportunities), Status (Salesforce leads),
 *       dealstage (HubSpot deals) or lifecyclestage (HubSpot contacts);
 *   <li>{@code crmStage}: the stage as the CRM stores it.
 * </ul>
 * It is bound as {@code opp}, {@code opportunity}, {@code deal} and {@code record} for opportunities and as
 * {@code lead} and {@code record} for leads. Text values of numeric and checkbox fields (HubSpot sends every
 * property as text) become numbers and booleans by the field's type in the snapshot. A record where
 * {@code when} cannot be evaluated (a key that is not present) does not match; one where {@code require}
 * cannot be evaluated is a violation.
 *
 * <p><b>{@code on: config}</b> evaluates {@code when} and {@code require} once over {@code config}, the
 * snapshot's configuration (shape in {@link ConfigVariables}); one finding, subject
 * {@code <crm>:configuration}, when {@code when} holds and {@code require} does not.
 */
public final class CustomRules {
    private CustomRules() {}

    /**
     * The rules of {@code blueprint}, compiled.
     *
     * @throws L2oException with {@link ErrorCode#BAD_BLUEPRINT} for an entry a loaded blueprint cannot have
     *     (unknown {@code on}, severity or dimension; CEL that does not compile)
     */
    public static List<Rule> from(Blueprint blueprint) {
        List<Rule> rules = new ArrayList<>();
        for (CustomRuleSpec spec : blueprint.rules()) {
            RuleDescriptor descriptor = descriptor(spec);
            CelScope scope = CelScope.ofRuleTarget(spec.on()).orElseThrow(() -> invalid(spec, "on must be opportunity, lead or config"));
            CelCondition when = spec.when() == null || spec.when().isBlank() ? null : CelCondition.compile(spec.when(), scope);
            CelCondition require = CelCondition.compile(spec.require(), scope);
            rules.add(switch (scope) {
                case OPPORTUNITY, LEAD -> new CustomRecordRule(descriptor, scope, when, require);
                case CONFIG -> new CustomConfigRule(descriptor, when, require);
                case RECORD -> throw invalid(spec, "on must be opportunity, lead or config");
            });
        }
        return List.copyOf(rules);
    }

    static RuleDescriptor descriptor(CustomRuleSpec spec) {
        if (spec.id() == null || spec.id().isBlank()) {
            throw new L2oException(ErrorCode.BAD_BLUEPRINT, "a custom rule has no id");
        }
        if (spec.require() == null || spec.require().isBlank()) {
            throw invalid(spec, "require is missing");
        }
        String text = spec.description() == null ? "" : spec.description().strip();
        String title = text.replaceAll("[.\\s]+$", "");
        if (title.isEmpty()) {
            title = "Custom rule " + spec.id();
        }
        Severity severity = Severity.parse(spec.severity()).orElseThrow(() -> invalid(spec, "severity must be error, warning or info"));
        Dimension dimension = Dimension.parse(spec.dimension()).orElseThrow(() -> invalid(spec, "dimension is not one of the six"));
        return new RuleDescriptor(spec.id(), title, title + ".", dimension, severity);
    }

    private static L2oException invalid(CustomRuleSpec spec, String problem) {
        return new L2oException(ErrorCode.BAD_BLUEPRINT, "custom rule " + spec.id() + ": " + problem);
    }
}
