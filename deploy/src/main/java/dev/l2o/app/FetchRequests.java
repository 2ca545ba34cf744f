package dev.l2o.app;

import dev.l2o.blueprint.Blueprint;
import dev.l2o.blueprint.CustomRuleSpec;
import dev.l2o.blueprint.FieldSpec;
import dev.l2o.blueprint.LeadStatusSpec;
import dev.l2o.blueprint.RoutingSpec;
import dev.l2o.blueprint.StageSpec;
import dev.l2o.connector.FetchRequest;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a blueprint needs from a source, so live connectors ask for no more than that. */
public final class FetchRequests {
    /** {@code opp.Field}, {@code lead.Field}, … in CEL expressions. */
    private static final Pattern VARIABLE_FIELD =
            Pattern.compile("\\b(opp|opportunity|deal|lead|record)\\.([A-Za-z_][A-Za-z0-9_]*)");
    private static final Set<String> OPPORTUNITY_VARIABLES = Set.of("opp", "opportunity", "deal");

    private FetchRequests() {}

    public static FetchRequest forBlueprint(Blueprint blueprint) {
        String opportunity = blueprint.opportunityLifecycle() == null ? "Opportunity" : blueprint.opportunityLifecycle().object();
        String lead = blueprint.leadLifecycle() == null ? "Lead" : blueprint.leadLifecycle().object();
        Set<String> objects = new TreeSet<>(Set.of(opportunity, lead));
        Map<String, Set<String>> recordFields = new TreeMap<>();
        Set<String> opportunityFields = recordFields.computeIfAbsent(opportunity, o -> new TreeSet<>());
        opportunityFields.addAll(Set.of("Amount", "CloseDate"));
        if (blueprint.opportunityLifecycle() != null) {
            for (StageSpec stage : blueprint.opportunityLifecycle().stages()) {
                opportunityFields.addAll(stage.entry().requiredFields());
                opportunityFields.addAll(stage.exit().requiredFields());
            }
        }
        if (blueprint.leadLifecycle() != null) {
            Set<String> leadFields = recordFields.computeIfAbsent(lead, o -> new TreeSet<>());
            for (LeadStatusSpec status : blueprint.leadLifecycle().statuses()) {
                leadFields.addAll(status.entry().requiredFields());
            }
        }
        for (FieldSpec field : blueprint.fields()) {
            objects.add(field.object());
        }
        for (RoutingSpec routing : blueprint.routing()) {
            if (routing.object() != null) {
                objects.add(routing.object());
                addExpressionFields(recordFields, routing.when(), routing.object(), routing.object());
            }
        }
        for (CustomRuleSpec rule : blueprint.rules()) {
            addExpressionFields(recordFields, rule.when(), opportunity, lead);
            addExpressionFields(recordFields, rule.require(), opportunity, lead);
        }
        return new FetchRequest(objects, recordFields, true);
    }

    private static void addExpressionFields(Map<String, Set<String>> recordFields, String expression, String opportunity, String lead) {
        if (expression == null) {
            return;
        }
        Matcher matcher = VARIABLE_FIELD.matcher(expression);
        while (matcher.find()) {
            String variable = matcher.group(1);
            String field = matcher.group(2);
            if ("stage".equals(field) || "id".equals(field)) {
                continue;
            }
            String object = OPPORTUNITY_VARIABLES.contains(variable) ? opportunity : "lead".equals(variable) ? lead : opportunity;
            recordFields.computeIfAbsent(object, o -> new TreeSet<>()).add(field);
        }
    }
}
