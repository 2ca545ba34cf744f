package dev.l2o.rules.custom;

import dev.l2o.blueprint.Blueprint;
import dev.l2o.model.AssignmentRule;
import dev.l2o.model.Assignee;
import dev.l2o.model.Automation;
import dev.l2o.model.CrmRecord;
import dev.l2o.model.FieldDef;
import dev.l2o.model.Pipeline;
import dev.l2o.model.Snapshot;
import dev.l2o.model.Stage;
import dev.l2o.rules.StageMapping;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code config} variable of {@code on: config} custom rules: the snapshot's configuration as maps and
 * lists. Absent values (a stage without probability) are absent keys: test them with {@code has()}.
 *
 * <pre>
 * config.crm               "salesforce" | "hubspot"
 * config.source            the source type: sfdx, salesforce, hubspot, snapshot
 * config.historyTracked    whether stage history is available
 * config.pipelines         [{id, label, object, isDefault, stages: [stage]}]
 * config.stages            [stage] of the pipeline the blueprint's opportunity lifecycle maps onto
 * config.stageKeys         blueprint stage keys that match a CRM stage, in blueprint order
 *   stage:                 {apiName, label, order, probability?, forecastCategory?, closed, won, converted,
 *                           active, key? (the blueprint stage key that maps onto it)}
 * config.fields            [{object, name, label, type, required, custom, values, historyTracked,
 *                            valueSetName?, formula?}]
 * config.fieldNames        ["Object.Field", ...]
 * config.automations       [{kind: flow|workflow|validation|assignment, name, label, object?, active,
 *                            trigger?, fieldsReferenced, fieldsWritten, expression?}]
 * config.automationNames   [name, ...]
 * config.assignmentRules   [{object, name, active, entries (how many)}]
 * config.assignees         [{kind: user|queue|role|team, name, label}]
 * config.recordCounts      {object: number of records in the snapshot}
 * </pre>
 *
 * For example {@code require: "config.fieldNames.exists(f, f == 'Opportunity.Close_Plan__c')"} or
 * {@code require: "config.stages.all(s, !s.closed || has(s.forecastCategory))"}.
 */
public final class ConfigVariables {
    private ConfigVariables() {}

    /** The {@code config} map of {@code snapshot}, as seen through {@code blueprint}'s stage mapping. */
    public static Map<String, Object> of(Blueprint blueprint, Snapshot snapshot) {
        StageMapping mapping = blueprint.opportunityLifecycle() == null ? null : StageMapping.of(blueprint, snapshot);
        Map<String, String> keyByStage = new LinkedHashMap<>();
        if (mapping != null) {
            mapping.byKey().forEach((key, stage) -> keyByStage.putIfAbsent(stage.apiName(), key));
        }
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("crm", snapshot.crm());
        config.put("source", snapshot.source().type());
        config.put("historyTracked", snapshot.stageHistory().isPresent());
        List<Object> pipelines = new ArrayList<>();
        for (Pipeline pipeline : snapshot.pipelines()) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("id", pipeline.id());
            map.put("label", pipeline.label());
            map.put("object", pipeline.object());
            map.put("isDefault", pipeline.isDefault());
            map.put("stages", stages(pipeline, Map.of()));
            pipelines.add(map);
        }
        config.put("pipelines", pipelines);
        config.put("stages", mapping == null || mapping.pipeline() == null ? List.of() : stages(mapping.pipeline(), keyByStage));
        config.put("stageKeys", mapping == null ? List.of() : List.copyOf(mapping.byKey().keySet()));
        config.put("fields", snapshot.fields().stream().map(ConfigVariables::field).toList());
        config.put("fieldNames", snapshot.fields().stream().map(FieldDef::qualifiedName).toList());
        config.put("automations", snapshot.automations().stream().map(ConfigVariables::automation).toList());
        config.put("automationNames", snapshot.automations().stream().map(Automation::name).toList());
        config.put("assignmentRules", snapshot.assignmentRules().stream().map(ConfigVariables::assignmentRule).toList());
        config.put("assignees", snapshot.assignees().stream().map(ConfigVariables::assignee).toList());
        Map<String, Object> counts = new TreeMap<>();
        for (CrmRecord record : snapshot.records()) {
            counts.merge(record.object(), 1L, (a, b) -> (Long) a + (Long) b);
        }
        config.put("recordCounts", counts);
        return config;
    }

    private static List<Object> stages(Pipeline pipeline, Map<String, String> keyByStage) {
        List<Object> stages = new ArrayList<>();
        for (Stage stage : pipeline.stages()) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("apiName", stage.apiName());
            map.put("label", stage.label());
            map.put("order", (long) stage.order());
            putIfPresent(map, "probability", stage.probability());
            putIfPresent(map, "forecastCategory", stage.forecastCategory() == null ? null : stage.forecastCategory().blueprintName());
            map.put("closed", stage.closed());
            map.put("won", stage.won());
            map.put("converted", stage.converted());
            map.put("active", stage.active());
            putIfPresent(map, "key", keyByStage.get(stage.apiName()));
            stages.add(map);
        }
        return stages;
    }

    private static Map<String, Object> field(FieldDef field) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("object", field.object());
        map.put("name", field.name());
        map.put("label", field.label());
        map.put("type", field.type());
        map.put("required", field.required());
        map.put("custom", field.custom());
        map.put("values", field.values());
        map.put("historyTracked", field.historyTracked());
        putIfPresent(map, "valueSetName", field.valueSetName());
        putIfPresent(map, "formula", field.formula());
        return map;
    }

    private static Map<String, Object> automation(Automation automation) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("kind", automation.kind().name().toLowerCase(Locale.ROOT));
        map.put("name", automation.name());
        map.put("label", automation.label());
        putIfPresent(map, "object", automation.object());
        map.put("active", automation.active());
        putIfPresent(map, "trigger", automation.trigger());
        map.put("fieldsReferenced", List.copyOf(automation.fieldsReferenced()));
        map.put("fieldsWritten", List.copyOf(automation.fieldsWritten()));
        putIfPresent(map, "expression", automation.expression());
        return map;
    }

    private static Map<String, Object> assignmentRule(AssignmentRule rule) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("object", rule.object());
        map.put("name", rule.name());
        map.put("active", rule.active());
        map.put("entries", (long) rule.entries().size());
        return map;
    }

    private static Map<String, Object> assignee(Assignee assignee) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("kind", assignee.kind().name().toLowerCase(Locale.ROOT));
        map.put("name", assignee.name());
        map.put("label", assignee.label());
        return map;
    }

    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
