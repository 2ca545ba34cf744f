package dev.l2o.app;

import dev.l2o.model.Assignee;
import dev.l2o.model.AssignmentRule;
import dev.l2o.model.Automation;
import dev.l2o.model.AutomationKind;
import dev.l2o.model.Criterion;
import dev.l2o.model.FieldDef;
import dev.l2o.model.Pipeline;
import dev.l2o.model.RuleEntry;
import dev.l2o.model.Snapshot;
import dev.l2o.model.Stage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Drafts a blueprint from a snapshot's configuration ({@code l2o init}): the stages in order with their
 * probability and forecast category, the custom fields of the lifecycle objects, active assignment rule
 * entries as routing, active flows as required automation. What only people can decide (entry and exit
 * criteria, time benchmarks, conversion targets) is left as comments. Auditing the source against its own
 * draft gives no configuration finding, so the draft is a true baseline to edit.
 */
public final class BlueprintDraft {
    private static final List<String> LIFECYCLE_OBJECTS = List.of("Opportunity", "Lead", "deals", "contacts");

    private BlueprintDraft() {}

    /** The draft as YAML text. */
    public static String yaml(Snapshot snapshot, String name) {
        Yaml yaml = new Yaml();
        yaml.line(0, "# Drafted by `l2o init` from " + snapshot.source().type() + " at " + snapshot.asOf() + ".");
        yaml.line(0, "# A starting point: it describes what the CRM does today, not yet what the architecture should be.");
        yaml.line(0, "# Decide with the revenue team: entry/exit criteria per stage, maxDaysInStage benchmarks,");
        yaml.line(0, "# conversion targets (benchmarks.conversion), and which of the routing and automation below are designed.");
        yaml.line(0, "apiVersion: l2o/v1");
        yaml.line(0, "kind: Blueprint");
        yaml.line(0, "metadata:");
        yaml.entry(2, "name", name);
        yaml.entry(2, "description", "Drafted from " + snapshot.source().location());
        leadLifecycle(snapshot, yaml);
        opportunityLifecycle(snapshot, yaml);
        fields(snapshot, yaml);
        routing(snapshot, yaml);
        automation(snapshot, yaml);
        return yaml.text();
    }

    private static String opportunityObject(Snapshot snapshot) {
        return "hubspot".equals(snapshot.crm()) ? "deals" : "Opportunity";
    }

    private static String leadObject(Snapshot snapshot) {
        return "hubspot".equals(snapshot.crm()) ? "contacts" : "Lead";
    }

    private static void leadLifecycle(Snapshot snapshot, Yaml yaml) {
        String object = leadObject(snapshot);
        Optional<Pipeline> pipeline = defaultPipeline(snapshot.pipelinesOf(object));
        if (pipeline.isEmpty() || pipeline.get().activeStages().isEmpty()) {
            return;
        }
        yaml.line(0, "");
        yaml.line(0, "leadLifecycle:");
        yaml.entry(2, "object", object);
        yaml.line(2, "statuses:");
        for (Stage stage : pipeline.get().activeStages()) {
            yaml.entry(4, "- key", key(stage.label()));
            yaml.entry(6, "label", stage.label());
            yaml.line(6, "crm: { " + snapshot.crm() + ": " + Yaml.quote(stage.apiName()) + " }");
            if (stage.converted()) {
                yaml.line(6, "converted: true");
            }
            yaml.line(6, "# entry: { requiredFields: [] }   sla: { maxHoursToFirstTouch: 24 }");
        }
    }

    private static void opportunityLifecycle(Snapshot snapshot, Yaml yaml) {
        String object = opportunityObject(snapshot);
        List<Pipeline> pipelines = snapshot.pipelinesOf(object);
        Pipeline pipeline = chosenPipeline(pipelines).orElse(null);
        yaml.line(0, "");
        yaml.line(0, "opportunityLifecycle:");
        yaml.entry(2, "object", object);
        if (pipeline != null && !pipeline.isDefault()) {
            yaml.entry(2, "pipeline", pipeline.label());
        }
        if (pipelines.size() > 1) {
            yaml.line(2, "# other pipelines in the CRM: " + pipelines.stream().filter(p -> p != pipeline)
                    .map(Pipeline::label).collect(Collectors.joining(", ")));
        }
        yaml.line(2, "allowSkips: true        # decide: may deals skip stages?");
        yaml.line(2, "allowRegression: true   # decide: may deals move backwards?");
        yaml.line(2, "stages:");
        if (pipeline == null) {
            yaml.line(4, "[]   # the source has no " + object + " pipeline");
            return;
        }
        List<String> keys = new ArrayList<>();
        for (Stage stage : pipeline.activeStages()) {
            String key = unique(key(stage.label()), keys);
            keys.add(key);
            yaml.entry(4, "- key", key);
            yaml.entry(6, "label", stage.label());
            yaml.line(6, "crm: { " + snapshot.crm() + ": " + Yaml.quote(stage.apiName()) + " }");
            if (stage.probability() != null) {
                yaml.line(6, "probability: " + Yaml.number(stage.probability()));
            }
            if (stage.forecastCategory() != null) {
                yaml.line(6, "forecastCategory: " + stage.forecastCategory().blueprintName());
            }
            if (stage.closed()) {
                yaml.line(6, "closed: true");
                yaml.line(6, "won: " + stage.won());
            } else {
                yaml.line(6, "# entry: { requiredFields: [] }   exit: { requiredFields: [] }   maxDaysInStage: 30");
            }
        }
    }

    /** The pipeline a draft describes: the only non-default one when there is exactly one, else the default. */
    private static Optional<Pipeline> chosenPipeline(List<Pipeline> pipelines) {
        List<Pipeline> specific = pipelines.stream().filter(p -> !p.isDefault()).toList();
        if (specific.size() == 1) {
            return Optional.of(specific.get(0));
        }
        return defaultPipeline(pipelines);
    }

    private static Optional<Pipeline> defaultPipeline(List<Pipeline> pipelines) {
        return pipelines.stream().filter(Pipeline::isDefault).findFirst()
                .or(() -> pipelines.stream().findFirst());
    }

    private static void fields(Snapshot snapshot, Yaml yaml) {
        List<FieldDef> custom = snapshot.fields().stream()
                .filter(FieldDef::custom)
                .filter(f -> LIFECYCLE_OBJECTS.contains(f.object()) || "Account".equals(f.object()))
                .sorted(Comparator.comparing(FieldDef::object).thenComparing(FieldDef::name))
                .toList();
        if (custom.isEmpty()) {
            return;
        }
        yaml.line(0, "");
        yaml.line(0, "fields:");
        for (FieldDef field : custom) {
            StringBuilder line = new StringBuilder("- { object: ").append(Yaml.quote(field.object()))
                    .append(", name: ").append(Yaml.quote(field.name()))
                    .append(", type: ").append(Yaml.quote(field.type()));
            if (field.required()) {
                line.append(", required: true");
            }
            if (!field.values().isEmpty()) {
                line.append(", values: [").append(field.values().stream().map(Yaml::quote).collect(Collectors.joining(", "))).append("]");
            }
            yaml.line(2, line.append(" }").toString());
        }
    }

    private static void routing(Snapshot snapshot, Yaml yaml) {
        List<String> lines = new ArrayList<>();
        for (AssignmentRule rule : snapshot.assignmentRules()) {
            if (!rule.active()) {
                continue;
            }
            for (RuleEntry entry : rule.entries()) {
                if (entry.assignee() == null) {
                    continue;
                }
                if (lossy(entry)) {
                    lines.add("# " + rule.name() + " entry " + entry.order()
                            + " has criteria CEL cannot express here (formula, filter logic or operator): review 'when'");
                }
                routingRule(lines, key(rule.name()) + "-" + entry.order(), rule.object(),
                        celCondition(rule.object().toLowerCase(Locale.ROOT), entry), entry.assignee());
            }
        }
        // Flows that assign owners (Salesforce routing flows, HubSpot rotation and set-owner actions) route too;
        // their criteria live in the flow, so the draft routes on "true" and says so.
        for (Automation automation : snapshot.automations()) {
            if (!automation.active() || !automation.routes() || automation.kind() == AutomationKind.ASSIGNMENT) {
                continue;
            }
            lines.add("# " + automation.label() + ": its conditions live in the flow; write them as 'when'");
            int n = 1;
            for (Assignee assignee : automation.assignees()) {
                routingRule(lines, key(automation.label()) + (automation.assignees().size() > 1 ? "-" + n++ : ""),
                        automation.object() == null ? "Lead" : automation.object(), "true", assignee);
            }
        }
        if (lines.isEmpty()) {
            return;
        }
        yaml.line(0, "");
        yaml.line(0, "# Active assignment rule entries and routing flows as they route today; rewrite 'when' as the designed rule.");
        yaml.line(0, "routing:");
        lines.forEach(l -> yaml.line(2, l));
    }

    private static void routingRule(List<String> lines, String name, String object, String when, Assignee assignee) {
        String kind = switch (assignee.kind()) {
            case USER -> "user";
            case QUEUE -> "queue";
            case ROLE -> "role";
            case TEAM -> "queue";
        };
        lines.add("- name: " + Yaml.quote(name));
        lines.add("  object: " + Yaml.quote(object));
        lines.add("  when: " + Yaml.quote(when));
        lines.add("  assignTo: { " + kind + ": " + Yaml.quote(assignee.label()) + " }");
    }

    /**
     * A CEL rendering of an entry's criteria ("true" when it has none). Salesforce operators without a CEL
     * equivalent ({@code includes}, {@code within}, …) and formula criteria are left out of the condition;
     * the draft says so in a comment.
     */
    static String celCondition(String variable, RuleEntry entry) {
        List<String> parts = new ArrayList<>();
        for (Criterion criterion : entry.criteria()) {
            String field = criterion.field().contains(".") ? criterion.field().substring(criterion.field().indexOf('.') + 1)
                    : criterion.field();
            String reference = variable + "." + field;
            List<String> alternatives = criterion.values().stream()
                    .map(value -> comparison(reference, criterion.operation(), value))
                    .toList();
            if (alternatives.isEmpty() || alternatives.contains(null)) {
                continue;
            }
            boolean negative = criterion.operation().equals("notEqual") || criterion.operation().equals("notContain");
            String joined = String.join(negative ? " && " : " || ", alternatives);
            parts.add(alternatives.size() == 1 ? joined : "(" + joined + ")");
        }
        return parts.isEmpty() ? "true" : String.join(" && ", parts);
    }

    /** Whether {@link #celCondition} had to leave criteria out. */
    static boolean lossy(RuleEntry entry) {
        return entry.formula() != null || entry.booleanFilter() != null
                || entry.criteria().stream().anyMatch(c -> c.values().isEmpty()
                        || c.values().stream().anyMatch(v -> comparison("x", c.operation(), v) == null));
    }

    private static String comparison(String reference, String operation, String value) {
        String literal = celLiteral(value);
        return switch (operation) {
            case "equals" -> reference + " == " + literal;
            case "notEqual" -> reference + " != " + literal;
            case "lessThan" -> reference + " < " + literal;
            case "greaterThan" -> reference + " > " + literal;
            case "lessOrEqual" -> reference + " <= " + literal;
            case "greaterOrEqual" -> reference + " >= " + literal;
            case "contains" -> reference + ".contains(" + literal + ")";
            case "notContain" -> "!" + reference + ".contains(" + literal + ")";
            case "startsWith" -> reference + ".startsWith(" + literal + ")";
            default -> null;
        };
    }

    private static String celLiteral(String value) {
        String trimmed = value.trim();
        if (trimmed.matches("-?\\d+")) {
            return trimmed + ".0";
        }
        if (trimmed.matches("-?\\d+\\.\\d+")) {
            return trimmed;
        }
        return "'" + trimmed.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private static void automation(Snapshot snapshot, Yaml yaml) {
        List<Automation> flows = snapshot.automations().stream()
                .filter(a -> a.kind() == AutomationKind.FLOW && a.active())
                .sorted(Comparator.comparing(Automation::name))
                .toList();
        if (flows.isEmpty()) {
            return;
        }
        yaml.line(0, "");
        yaml.line(0, "# Active flows today; keep those the architecture requires.");
        yaml.line(0, "automation:");
        for (Automation flow : flows) {
            yaml.line(2, "- { name: " + Yaml.quote(flow.name())
                    + (flow.object() == null ? "" : ", object: " + Yaml.quote(flow.object()))
                    + ", kind: flow, mustBeActive: true }");
        }
    }

    /** A blueprint key from a label: lower case, words joined by hyphens. */
    static String key(String label) {
        String key = label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return key.isEmpty() ? "stage" : key;
    }

    private static String unique(String key, List<String> taken) {
        String candidate = key;
        for (int n = 2; taken.contains(candidate); n++) {
            candidate = key + "-" + n;
        }
        return candidate;
    }

    /** A tiny YAML text builder: every string is double-quoted JSON-style, which YAML reads verbatim. */
    private static final class Yaml {
        private final StringBuilder text = new StringBuilder();

        void line(int indent, String content) {
            text.append(" ".repeat(content.isEmpty() ? 0 : indent)).append(content).append('\n');
        }

        void entry(int indent, String key, String value) {
            line(indent, key + ": " + quote(value));
        }

        String text() {
            return text.toString();
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

        static String number(double value) {
            return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
        }
    }
}
