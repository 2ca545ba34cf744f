package dev.l2o.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import dev.l2o.model.Assignee;
import dev.l2o.model.AssigneeKind;
import dev.l2o.model.AssignmentRule;
import dev.l2o.model.Automation;
import dev.l2o.model.AutomationKind;
import dev.l2o.model.Completeness;
import dev.l2o.model.Criterion;
import dev.l2o.model.CrmRecord;
import dev.l2o.model.FieldDef;
import dev.l2o.model.FieldRequirement;
import dev.l2o.model.ForecastCategory;
import dev.l2o.model.Pipeline;
import dev.l2o.model.ResourceRef;
import dev.l2o.model.RuleEntry;
import dev.l2o.model.SourceInfo;
import dev.l2o.model.Stage;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;

/**
 * Decodes the configuration part of a snapshot file into model records, the mirror of
 * {@link SnapshotWriter}'s encoders. Invalid values surface as {@link ConfigNode.Problem} (a wrong JSON type)
 * or as the model's own {@link IllegalArgumentException}/{@link NullPointerException}; the reader adds file and
 * location.
 */
final class ConfigDecoder {
    private ConfigDecoder() {}

    static SourceInfo source(ConfigNode node) {
        return new SourceInfo(node.text("type"), node.text("location"), node.textMap("attributes"));
    }

    static Completeness completeness(ConfigNode node) {
        return new Completeness(node.bool("complete"), node.texts("reasons"));
    }

    static Pipeline pipeline(ConfigNode node) {
        return new Pipeline(node.text("id"), node.optionalText("label"), node.text("object"), node.bool("isDefault"),
                node.list("stages", ConfigDecoder::stage), ref(node.child("ref")));
    }

    static Stage stage(ConfigNode node) {
        return new Stage(node.text("apiName"), node.optionalText("label"), node.integer("order"),
                node.optionalDouble("probability"), node.optionalEnum("forecastCategory", ForecastCategory.class),
                node.bool("closed"), node.bool("won"), node.bool("converted"), node.bool("active"),
                ref(node.child("ref")), node.textMap("attributes"));
    }

    static FieldDef field(ConfigNode node) {
        return new FieldDef(node.text("object"), node.text("name"), node.optionalText("label"), node.text("type"),
                node.bool("required"), node.bool("custom"), node.texts("values"), node.optionalText("valueSetName"),
                node.optionalText("formula"), node.bool("historyTracked"), ref(node.child("ref")));
    }

    static Automation automation(ConfigNode node) {
        return new Automation(node.enumValue("kind", AutomationKind.class), node.text("name"),
                node.optionalText("label"), node.optionalText("object"), node.bool("active"),
                node.optionalText("trigger"), new LinkedHashSet<>(node.texts("fieldsReferenced")),
                new LinkedHashSet<>(node.texts("fieldsWritten")),
                node.list("requirements", ConfigDecoder::requirement), node.list("assignees", ConfigDecoder::assignee),
                node.optionalText("expression"), ref(node.child("ref")), node.textMap("attributes"));
    }

    static AssignmentRule assignmentRule(ConfigNode node) {
        return new AssignmentRule(node.text("object"), node.text("name"), node.bool("active"),
                node.list("entries", ConfigDecoder::ruleEntry), ref(node.child("ref")));
    }

    static Assignee assignee(ConfigNode node) {
        return new Assignee(node.enumValue("kind", AssigneeKind.class), node.text("name"), node.optionalText("label"));
    }

    static CrmRecord record(ConfigNode node) {
        Map<String, Object> values = new LinkedHashMap<>();
        JsonNode map = node.node().get("values");
        if (map != null && !map.isNull()) {
            if (!map.isObject()) {
                throw new ConfigNode.Problem(node.at("values") + " is not an object");
            }
            for (Map.Entry<String, JsonNode> entry : map.properties()) {
                values.put(entry.getKey(), recordValue(entry.getValue(), node.at("values") + "." + entry.getKey()));
            }
        }
        return new CrmRecord(node.text("object"), node.text("id"), values);
    }

    private static Object recordValue(JsonNode value, String where) {
        if (value.isNull()) {
            return null;
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.longValue();
        }
        if (value.isFloatingPointNumber()) {
            return value.doubleValue();
        }
        if (value.isObject() && value.size() == 1 && value.has(SnapshotFormat.DOUBLE_FIELD)) {
            return ConfigNode.toDouble(value.get(SnapshotFormat.DOUBLE_FIELD), where);
        }
        throw new ConfigNode.Problem(where + " is not a string, whole number, number, boolean or null");
    }

    private static FieldRequirement requirement(ConfigNode node) {
        return new FieldRequirement(node.text("field"), new LinkedHashSet<>(node.texts("stages")));
    }

    private static RuleEntry ruleEntry(ConfigNode node) {
        ConfigNode assignee = node.optionalChild("assignee");
        return new RuleEntry(node.integer("order"), node.list("criteria", ConfigDecoder::criterion),
                node.optionalText("booleanFilter"), node.optionalText("formula"),
                assignee == null ? null : assignee(assignee));
    }

    private static Criterion criterion(ConfigNode node) {
        return new Criterion(node.text("field"), node.text("operation"), node.texts("values"));
    }

    private static ResourceRef ref(ConfigNode node) {
        return new ResourceRef(node.text("crm"), node.text("path"), node.optionalText("file"), node.integer("line"));
    }
}
