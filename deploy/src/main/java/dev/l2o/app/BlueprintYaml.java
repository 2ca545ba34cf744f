package dev.l2o.app;

import dev.l2o.blueprint.AssignTo;
import dev.l2o.blueprint.AutomationSpec;
import dev.l2o.blueprint.Blueprint;
import dev.l2o.blueprint.BlueprintDraft;
import dev.l2o.blueprint.CrmMapping;
import dev.l2o.blueprint.FieldSpec;
import dev.l2o.blueprint.LeadStatusSpec;
import dev.l2o.blueprint.Lifecycle;
import dev.l2o.blueprint.Motion;
import dev.l2o.blueprint.OpportunityLifecycle;
import dev.l2o.blueprint.RoutingSpec;
import dev.l2o.blueprint.StageSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes a {@link BlueprintDraft} as the blueprint file {@code l2o init} leaves for a consultant: the draft's
 * comments above the nodes they are about, and commented-out hints for what only people decide (criteria,
 * benchmarks, skips). Every string is double-quoted JSON-style, which YAML reads verbatim.
 */
public final class BlueprintYaml {
    private final StringBuilder text = new StringBuilder();
    private final BlueprintDraft draft;

    private BlueprintYaml(BlueprintDraft draft) {
        this.draft = draft;
    }

    /** The draft as YAML text that {@code dev.l2o.blueprint.BlueprintLoader} reads back to the same blueprint. */
    public static String of(BlueprintDraft draft) {
        BlueprintYaml yaml = new BlueprintYaml(draft);
        yaml.write(draft.blueprint());
        return yaml.text.toString();
    }

    private void write(Blueprint blueprint) {
        comments(0, "");
        line(0, "apiVersion: " + blueprint.apiVersion());
        line(0, "kind: " + blueprint.kind());
        line(0, "metadata:");
        entry(2, "name", blueprint.metadata().name());
        if (blueprint.metadata().description() != null) {
            entry(2, "description", blueprint.metadata().description());
        }
        if (blueprint.leadLifecycle() != null) {
            section("leadLifecycle");
            entry(2, "object", blueprint.leadLifecycle().object());
            line(2, "statuses:");
            for (LeadStatusSpec status : blueprint.leadLifecycle().statuses()) {
                entry(4, "- key", status.key());
                entry(6, "label", status.displayName());
                line(6, "crm: " + crm(status.crm()));
                if (status.converted()) {
                    line(6, "converted: true");
                }
                line(6, "# entry: { requiredFields: [] }   sla: { maxHoursToFirstTouch: 24 }");
            }
        }
        opportunityLifecycle(blueprint.opportunityLifecycle());
        lifecycles(blueprint.lifecycles());
        fields(blueprint.fields());
        routing(blueprint.routing());
        automation(blueprint.automation());
    }

    private void opportunityLifecycle(OpportunityLifecycle lifecycle) {
        section("opportunityLifecycle");
        entry(2, "object", lifecycle.object());
        if (lifecycle.pipeline() != null) {
            entry(2, "pipeline", lifecycle.pipeline());
        }
        line(2, "allowSkips: " + lifecycle.allowSkips() + "        # decide: may deals skip stages?");
        line(2, "allowRegression: " + lifecycle.allowRegression() + "   # decide: may deals move backwards?");
        comments(2, "/opportunityLifecycle/stages");
        stages(2, lifecycle.stages());
    }

    private void lifecycles(List<Lifecycle> lifecycles) {
        if (lifecycles.isEmpty()) {
            return;
        }
        section("lifecycles");
        for (int i = 0; i < lifecycles.size(); i++) {
            Lifecycle lifecycle = lifecycles.get(i);
            comments(2, "/lifecycles/" + i);
            entry(2, "- name", lifecycle.name());
            line(4, "motion: " + lifecycle.motion().blueprintName() + "   # newBusiness, renewal or expansion");
            entry(4, "object", lifecycle.object());
            if (lifecycle.pipeline() != null) {
                entry(4, "pipeline", lifecycle.pipeline());
            }
            line(4, "allowSkips: " + lifecycle.allowSkips());
            line(4, "allowRegression: " + lifecycle.regressionAllowed());
            stages(4, lifecycle.stages());
            if (lifecycle.motion() == Motion.RENEWAL) {
                line(4, "# renewal: { automation: Create_Renewal_Opportunity, daysBeforeContractEnd: 120 }");
            }
        }
    }

    private void stages(int indent, List<StageSpec> stages) {
        line(indent, "stages:");
        for (StageSpec stage : stages) {
            entry(indent + 2, "- key", stage.key());
            entry(indent + 4, "label", stage.displayName());
            line(indent + 4, "crm: " + crm(stage.crm()));
            if (stage.probability() != null) {
                line(indent + 4, "probability: " + number(stage.probability()));
            }
            if (stage.forecastCategory() != null) {
                line(indent + 4, "forecastCategory: " + stage.forecastCategory());
            }
            if (stage.closed()) {
                line(indent + 4, "closed: true");
                line(indent + 4, "won: " + stage.won());
            } else {
                line(indent + 4, "# entry: { requiredFields: [] }   exit: { requiredFields: [] }   maxDaysInStage: 30");
            }
        }
    }

    private void fields(List<FieldSpec> fields) {
        if (fields.isEmpty()) {
            return;
        }
        section("fields");
        for (FieldSpec field : fields) {
            StringBuilder item = new StringBuilder("- { object: ").append(quote(field.object()))
                    .append(", name: ").append(quote(field.name()))
                    .append(", type: ").append(quote(field.type()));
            if (field.required()) {
                item.append(", required: true");
            }
            if (!field.values().isEmpty()) {
                item.append(", values: [").append(field.values().stream().map(BlueprintYaml::quote).collect(Collectors.joining(", ")))
                        .append("]");
            }
            line(2, item.append(" }").toString());
        }
    }

    private void routing(List<RoutingSpec> routing) {
        if (routing.isEmpty()) {
            return;
        }
        section("routing");
        for (int i = 0; i < routing.size(); i++) {
            RoutingSpec rule = routing.get(i);
            comments(2, "/routing/" + i);
            entry(2, "- name", rule.name());
            entry(4, "object", rule.object());
            entry(4, "when", rule.when());
            line(4, "assignTo: { " + assignee(rule.assignTo()) + " }");
        }
    }

    private void automation(List<AutomationSpec> automation) {
        if (automation.isEmpty()) {
            return;
        }
        section("automation");
        for (AutomationSpec spec : automation) {
            line(2, "- { name: " + quote(spec.name()) + (spec.object() == null ? "" : ", object: " + quote(spec.object()))
                    + ", kind: " + spec.kind() + ", mustBeActive: " + spec.mustBeActive() + " }");
        }
    }

    private static String crm(CrmMapping mapping) {
        List<String> entries = new ArrayList<>();
        if (mapping.salesforce() != null) {
            entries.add("salesforce: " + quote(mapping.salesforce()));
        }
        if (mapping.hubspot() != null) {
            entries.add("hubspot: " + quote(mapping.hubspot()));
        }
        return "{ " + String.join(", ", entries) + " }";
    }

    private static String assignee(AssignTo assignTo) {
        if (assignTo.user() != null) {
            return "user: " + quote(assignTo.user());
        }
        return assignTo.queue() != null ? "queue: " + quote(assignTo.queue()) : "role: " + quote(assignTo.role());
    }

    /** A blank line, the draft's comments about top-level {@code key}, and {@code key:}. */
    private void section(String key) {
        line(0, "");
        comments(0, "/" + key);
        line(0, key + ":");
    }

    private void comments(int indent, String pointer) {
        for (String comment : draft.comments().getOrDefault(pointer, List.of())) {
            line(indent, "# " + comment);
        }
    }

    private void line(int indent, String content) {
        text.append(" ".repeat(content.isEmpty() ? 0 : indent)).append(content).append('\n');
    }

    private void entry(int indent, String key, String value) {
        line(indent, key + ": " + quote(value));
    }

    static String quote(String value) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
