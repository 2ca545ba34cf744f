package dev.l2o.rules;

import dev.l2o.blueprint.Blueprint;
import dev.l2o.blueprint.CustomRuleSpec;
import dev.l2o.blueprint.FieldSpec;
import dev.l2o.blueprint.LeadStatusSpec;
import dev.l2o.blueprint.RoutingSpec;
import dev.l2o.blueprint.StageSpec;
import dev.l2o.rules.cel.CelCondition;
import dev.l2o.rules.cel.CelScope;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The fetch plan of a blueprint: what an audit needs from the source, so that live connectors ask for no more
 * than that (fewer API calls, shorter URLs, and the least privilege of CONTRACT.md: a HubSpot token without
 * the contact scopes audits a blueprint that has no lead lifecycle). Both connectors read it: the Salesforce
 * connector selects record fields by it, the HubSpot connector reads contacts only when it names the lead
 * object.
 *
 * <p>The application hands it to connectors as their {@code FetchRequest} (the rules do not see the connector
 * SPI).
 *
 * <p>The plan names the opportunity object always; the lead object only when the blueprint designs a lead
 * lifecycle, has custom rules {@code on: lead}, or declares fields or routing of it. Record fields are the
 * stages' and statuses' required fields and what CEL expressions read, taken from their syntax trees
 * ({@link CelCondition#fieldsRead()}) with the variables of each expression's {@link CelScope}.
 *
 * @param objects the objects whose configuration to read, sorted
 * @param recordFields per object, the fields whose current values records must carry, sorted
 * @param history whether stage history is needed
 * @param automations whether automations are needed (flows, workflow rules, assignment rules, queues)
 */
public record FetchPlan(Set<String> objects, Map<String, Set<String>> recordFields, boolean history, boolean automations) {
    /** Every record carries these; they are no CRM fields to ask for. */
    private static final Set<String> BUILT_IN_RECORD_KEYS = Set.of("id", "stage", "crmStage");

    public FetchPlan {
        objects = Collections.unmodifiableSortedSet(new TreeSet<>(objects));
        TreeMap<String, Set<String>> copy = new TreeMap<>();
        recordFields.forEach((object, fields) -> copy.put(object, Collections.unmodifiableSortedSet(new TreeSet<>(fields))));
        recordFields = Collections.unmodifiableSortedMap(copy);
    }

    /** What auditing against {@code blueprint} reads; always with stage history and automations. */
    public static FetchPlan of(Blueprint blueprint) {
        return plan(blueprint, true);
    }

    /**
     * What measuring stage metrics against {@code blueprint} reads: the objects and history of {@link #of}, record
     * fields without what CEL expressions read, and no automations. Metrics evaluate no expression, and leaving them out
     * spares the run the CEL compiler (about 900 classes, a third of the start-up of {@code l2o metrics} on a small
     * history); they measure stages, which no flow or assignment rule changes (and a live org's flows can be hundreds of
     * metadata calls).
     */
    public static FetchPlan forMetrics(Blueprint blueprint) {
        return plan(blueprint, false);
    }

    /** An audit's plan, or with {@code audit} false the plan of stage metrics. */
    private static FetchPlan plan(Blueprint blueprint, boolean audit) {
        String opportunity = blueprint.opportunityLifecycle() == null ? "Opportunity" : blueprint.opportunityLifecycle().object();
        String lead = blueprint.leadLifecycle() == null ? "Lead" : blueprint.leadLifecycle().object();
        Set<String> objects = new TreeSet<>(Set.of(opportunity));
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
            objects.add(lead);
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
                addFieldsRead(recordFields, routing.when(), CelScope.ofObject(routing.object()), routing.object(), audit);
            }
        }
        for (CustomRuleSpec rule : blueprint.rules()) {
            CelScope scope = CelScope.ofRuleTarget(rule.on()).orElse(CelScope.CONFIG);
            String object = switch (scope) {
                case OPPORTUNITY -> opportunity;
                case LEAD -> lead;
                case RECORD, CONFIG -> null;
            };
            if (object == null) {
                continue;
            }
            objects.add(object);
            addFieldsRead(recordFields, rule.when(), scope, object, audit);
            addFieldsRead(recordFields, rule.require(), scope, object, audit);
        }
        return new FetchPlan(objects, recordFields, true, audit);
    }

    private static void addFieldsRead(Map<String, Set<String>> recordFields, String expression, CelScope scope, String object,
            boolean fieldsReadByCel) {
        if (!fieldsReadByCel || expression == null || expression.isBlank()) {
            return;
        }
        for (Set<String> fields : CelCondition.compile(expression, scope).fieldsRead().values()) {
            for (String field : fields) {
                if (!BUILT_IN_RECORD_KEYS.contains(field)) {
                    recordFields.computeIfAbsent(object, o -> new TreeSet<>()).add(field);
                }
            }
        }
    }
}
