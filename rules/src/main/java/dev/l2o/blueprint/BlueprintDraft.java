package dev.l2o.blueprint;

import static java.util.Objects.requireNonNull;

import dev.l2o.model.Assignee;
import dev.l2o.model.AssignmentRule;
import dev.l2o.model.Automation;
import dev.l2o.model.AutomationKind;
import dev.l2o.model.Criterion;
import dev.l2o.model.Crm;
import dev.l2o.model.FieldDef;
import dev.l2o.model.ForecastCategory;
import dev.l2o.model.Pipeline;
import dev.l2o.model.RuleEntry;
import dev.l2o.model.Snapshot;
import dev.l2o.model.Stage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A blueprint drafted from a snapshot's configuration ({@code l2o init}, and {@code l2o metrics} without a
 * blueprint): the stages in order with their probability and forecast category, the custom fields of the
 * lifecycle objects, active assignment rule entries as routing, active flows as required automation. What
 * only people can decide (entry and exit criteria, time benchmarks, conversion targets) is left out. Auditing
 * the source against its own draft gives no configuration finding, so the draft is a true baseline to edit.
 *
 * <p>A draft is always a valid blueprint: a source without opportunity stages (an SFDX project that did not
 * retrieve the {@code OpportunityStage} standard value set) gets the CRM's default stages, marked as such in
 * {@link #comments()} and explained in {@link #warnings()}.
 *
 * @param blueprint the drafted blueprint
 * @param comments notes for a person reading the draft, by the JSON Pointer of the node they are about
 *     ({@code ""} for the whole file), in document order
 * @param warnings what the source lacked and how to get it, one sentence each, for the user to read now
 */
public record BlueprintDraft(Blueprint blueprint, Map<String, List<String>> comments, List<String> warnings) {
    private static final String RETRIEVE_STAGES = "sf project retrieve start -m StandardValueSet:OpportunityStage";

    /** Salesforce's stages of a new org (the {@code OpportunityStage} standard value set as shipped). */
    private static final List<StageSpec> SALESFORCE_DEFAULT_STAGES = List.of(
            defaultStage(Crm.SALESFORCE, "Prospecting", 10, ForecastCategory.PIPELINE, false, false),
            defaultStage(Crm.SALESFORCE, "Qualification", 10, ForecastCategory.PIPELINE, false, false),
            defaultStage(Crm.SALESFORCE, "Needs Analysis", 20, ForecastCategory.PIPELINE, false, false),
            defaultStage(Crm.SALESFORCE, "Value Proposition", 50, ForecastCategory.PIPELINE, false, false),
            defaultStage(Crm.SALESFORCE, "Id. Decision Makers", 60, ForecastCategory.PIPELINE, false, false),
            defaultStage(Crm.SALESFORCE, "Perception Analysis", 70, ForecastCategory.PIPELINE, false, false),
            defaultStage(Crm.SALESFORCE, "Proposal/Price Quote", 75, ForecastCategory.PIPELINE, false, false),
            defaultStage(Crm.SALESFORCE, "Negotiation/Review", 90, ForecastCategory.PIPELINE, false, false),
            defaultStage(Crm.SALESFORCE, "Closed Won", 100, ForecastCategory.CLOSED, true, true),
            defaultStage(Crm.SALESFORCE, "Closed Lost", 0, ForecastCategory.OMITTED, true, false));

    /** HubSpot's default deal pipeline of a new portal (stage ids as labels; probabilities in percent). */
    private static final List<StageSpec> HUBSPOT_DEFAULT_STAGES = List.of(
            defaultStage(Crm.HUBSPOT, "appointmentscheduled", 20, null, false, false),
            defaultStage(Crm.HUBSPOT, "qualifiedtobuy", 40, null, false, false),
            defaultStage(Crm.HUBSPOT, "presentationscheduled", 60, null, false, false),
            defaultStage(Crm.HUBSPOT, "decisionmakerboughtin", 80, null, false, false),
            defaultStage(Crm.HUBSPOT, "contractsent", 90, null, false, false),
            defaultStage(Crm.HUBSPOT, "closedwon", 100, null, true, true),
            defaultStage(Crm.HUBSPOT, "closedlost", 0, null, true, false));

    public BlueprintDraft {
        requireNonNull(blueprint, "blueprint is null");
        Map<String, List<String>> copy = new LinkedHashMap<>();
        comments.forEach((pointer, lines) -> copy.put(pointer, List.copyOf(lines)));
        comments = Collections.unmodifiableMap(copy);
        warnings = List.copyOf(warnings);
    }

    /**
     * Drafts a blueprint named {@code name} from {@code snapshot}'s configuration.
     *
     * @throws IllegalArgumentException when the snapshot is of a CRM l2o does not know
     */
    public static BlueprintDraft of(Snapshot snapshot, String name) {
        Crm crm = Crm.of(snapshot.crm()).orElseThrow(() -> new IllegalArgumentException("no CRM named " + snapshot.crm()));
        Drafting drafting = new Drafting(snapshot, crm);
        drafting.comment("", "Drafted by `l2o init` from " + snapshot.source().type() + " at " + snapshot.asOf() + ".",
                "A starting point: it describes what the CRM does today, not yet what the architecture should be.",
                "Decide with the revenue team: entry/exit criteria per stage, maxDaysInStage benchmarks,",
                "conversion targets (benchmarks.conversion), and which of the routing and automation below are designed.");
        Blueprint blueprint = new Blueprint("l2o/v1", "Blueprint",
                new BlueprintMetadata(name, null, "Drafted from " + snapshot.source().location()),
                drafting.leadLifecycle(), drafting.opportunityLifecycle(), drafting.fields(), drafting.routing(),
                drafting.automation(), null, null, null, null, drafting.lifecycles());
        return new BlueprintDraft(blueprint, drafting.comments, drafting.warnings);
    }

    private static StageSpec defaultStage(Crm crm, String name, double probability, ForecastCategory forecast,
            boolean closed, boolean won) {
        return new StageSpec(key(name), name, mapping(crm, name), probability,
                forecast == null ? null : forecast.blueprintName(), closed ? true : null, closed ? won : null, null, null, null);
    }

    private static CrmMapping mapping(Crm crm, String name) {
        return switch (crm) {
            case SALESFORCE -> new CrmMapping(name, null);
            case HUBSPOT -> new CrmMapping(null, name);
        };
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

    /** One drafting: the snapshot, its CRM, and the comments and warnings collected on the way. */
    private static final class Drafting {
        private final Snapshot snapshot;
        private final Crm crm;
        private final Map<String, List<String>> comments = new LinkedHashMap<>();
        private final List<String> warnings = new ArrayList<>();

        Drafting(Snapshot snapshot, Crm crm) {
            this.snapshot = snapshot;
            this.crm = crm;
        }

        void comment(String pointer, String... lines) {
            comments.computeIfAbsent(pointer, p -> new ArrayList<>()).addAll(List.of(lines));
        }

        LeadLifecycle leadLifecycle() {
            Optional<Pipeline> pipeline = defaultPipeline(snapshot.pipelinesOf(crm.leadObject()));
            if (pipeline.isEmpty() || pipeline.get().activeStages().isEmpty()) {
                return null;
            }
            List<LeadStatusSpec> statuses = new ArrayList<>();
            for (Stage stage : pipeline.get().activeStages()) {
                statuses.add(new LeadStatusSpec(key(stage.label()), stage.label(), mapping(crm, stage.apiName()), null,
                        stage.converted() ? true : null, null));
            }
            return new LeadLifecycle(crm.leadObject(), statuses);
        }

        OpportunityLifecycle opportunityLifecycle() {
            String object = crm.opportunityObject();
            Pipeline pipeline = primaryPipeline(crm, snapshot.pipelinesOf(object)).orElse(null);
            List<Pipeline> others = otherPipelines(crm, snapshot.pipelinesOf(object), pipeline);
            if (!others.isEmpty()) {
                comment("/opportunityLifecycle", "the other pipelines of the CRM are drafted under lifecycles: "
                        + others.stream().map(Pipeline::label).collect(Collectors.joining(", ")));
            }
            String pipelineName = pipeline != null && !pipeline.isDefault() ? pipeline.label() : null;
            if (pipeline == null || pipeline.activeStages().isEmpty()) {
                return new OpportunityLifecycle(object, pipelineName, true, true, defaultStages());
            }
            return new OpportunityLifecycle(object, pipelineName, true, true, stages(pipeline));
        }

        /**
         * Every pipeline of the opportunity object besides the one drafted as {@code opportunityLifecycle}, with its
         * motion guessed from its name: renewal for "renew…", expansion for "expan…", "upsell", "cross…", else new
         * business.
         */
        List<Lifecycle> lifecycles() {
            String object = crm.opportunityObject();
            List<Pipeline> pipelines = snapshot.pipelinesOf(object);
            Pipeline primary = primaryPipeline(crm, pipelines).orElse(null);
            List<Lifecycle> lifecycles = new ArrayList<>();
            List<String> names = new ArrayList<>(List.of(Lifecycle.OPPORTUNITY_LIFECYCLE.toLowerCase(Locale.ROOT)));
            for (Pipeline pipeline : otherPipelines(crm, pipelines, primary)) {
                String name = unique(key(pipeline.label()), names);
                names.add(name);
                comment("/lifecycles/" + lifecycles.size(), "motion guessed from the pipeline's name: check it");
                lifecycles.add(new Lifecycle(name, motion(pipeline.label()), object, pipeline.label(), true, true, stages(pipeline),
                        null));
            }
            return lifecycles;
        }

        private List<StageSpec> stages(Pipeline pipeline) {
            List<StageSpec> stages = new ArrayList<>();
            List<String> keys = new ArrayList<>();
            for (Stage stage : pipeline.activeStages()) {
                String key = unique(key(stage.label()), keys);
                keys.add(key);
                stages.add(new StageSpec(key, stage.label(), mapping(crm, stage.apiName()), stage.probability(),
                        stage.forecastCategory() == null ? null : stage.forecastCategory().blueprintName(),
                        stage.closed() ? true : null, stage.closed() ? stage.won() : null, null, null, null));
            }
            return stages;
        }

        /** The CRM's default stages, for a source that has none, with the comment and warning that say so. */
        private List<StageSpec> defaultStages() {
            switch (crm) {
                case SALESFORCE -> {
                    comment("/opportunityLifecycle/stages",
                            "Salesforce's DEFAULT stages: the source has no OpportunityStage standard value set.",
                            "Retrieve yours with `" + RETRIEVE_STAGES + "` and run l2o init again.");
                    warnings.add("the source has no OpportunityStage standard value set, so the draft lists Salesforce's "
                            + "default stages (marked in the file); retrieve yours with `" + RETRIEVE_STAGES
                            + "` and run l2o init again");
                    return SALESFORCE_DEFAULT_STAGES;
                }
                case HUBSPOT -> {
                    comment("/opportunityLifecycle/stages",
                            "HubSpot's DEFAULT deal stages: the portal returned no deal pipeline with active stages.");
                    warnings.add("the portal returned no deal pipeline with active stages, so the draft lists HubSpot's "
                            + "default deal stages (marked in the file); check the token's crm.objects.deals.read scope");
                    return HUBSPOT_DEFAULT_STAGES;
                }
            }
            throw new IllegalStateException("unreachable: " + crm);
        }

        List<FieldSpec> fields() {
            List<String> objects = Stream.of(Crm.values())
                    .flatMap(c -> Stream.of(c.opportunityObject(), c.leadObject()))
                    .collect(Collectors.toCollection(ArrayList::new));
            objects.add("Account");
            return snapshot.fields().stream()
                    .filter(FieldDef::custom)
                    .filter(f -> objects.contains(f.object()))
                    .sorted(Comparator.comparing(FieldDef::object).thenComparing(FieldDef::name))
                    .map(f -> new FieldSpec(f.object(), f.name(), f.type(), f.required() ? true : null, f.values()))
                    .toList();
        }

        List<RoutingSpec> routing() {
            List<RoutingSpec> routing = new ArrayList<>();
            for (AssignmentRule rule : snapshot.assignmentRules()) {
                if (!rule.active()) {
                    continue;
                }
                for (RuleEntry entry : rule.entries()) {
                    if (entry.assignee() == null) {
                        continue;
                    }
                    if (lossy(entry)) {
                        comment("/routing/" + routing.size(), rule.name() + " entry " + entry.order()
                                + " has criteria CEL cannot express here (formula, filter logic or operator): review 'when'");
                    }
                    routing.add(new RoutingSpec(key(rule.name()) + "-" + entry.order(), rule.object(),
                            celCondition(rule.object().toLowerCase(Locale.ROOT), entry), assignTo(entry.assignee())));
                }
            }
            // Flows that assign owners (Salesforce routing flows, HubSpot rotation and set-owner actions) route too;
            // their criteria live in the flow, so the draft routes on "true" and says so.
            for (Automation automation : snapshot.automations()) {
                if (!automation.active() || !automation.routes() || automation.kind() == AutomationKind.ASSIGNMENT) {
                    continue;
                }
                comment("/routing/" + routing.size(), automation.label() + ": its conditions live in the flow; write them as 'when'");
                int n = 1;
                for (Assignee assignee : automation.assignees()) {
                    routing.add(new RoutingSpec(key(automation.label()) + (automation.assignees().size() > 1 ? "-" + n++ : ""),
                            automation.object() == null ? "Lead" : automation.object(), "true", assignTo(assignee)));
                }
            }
            if (!routing.isEmpty()) {
                comment("/routing", "Active assignment rule entries and routing flows as they route today; rewrite 'when' as the designed rule.");
            }
            return routing;
        }

        List<AutomationSpec> automation() {
            List<AutomationSpec> flows = snapshot.automations().stream()
                    .filter(a -> a.kind() == AutomationKind.FLOW && a.active())
                    .sorted(Comparator.comparing(Automation::name))
                    .map(flow -> new AutomationSpec(flow.name(), flow.object(), "flow", true))
                    .toList();
            if (!flows.isEmpty()) {
                comment("/automation", "Active flows today; keep those the architecture requires.");
            }
            return flows;
        }
    }

    private static AssignTo assignTo(Assignee assignee) {
        return switch (assignee.kind()) {
            case USER -> new AssignTo(assignee.label(), null, null);
            case QUEUE, TEAM -> new AssignTo(null, assignee.label(), null);
            case ROLE -> new AssignTo(null, null, assignee.label());
        };
    }

    /**
     * The pipeline drafted as {@code opportunityLifecycle}. HubSpot: the default pipeline. Salesforce: the default
     * pipeline is the {@code OpportunityStage} value set, every stage of every sales process, so a sales process is
     * taken when there is one: the first whose name suggests new business, else the first.
     */
    static Optional<Pipeline> primaryPipeline(Crm crm, List<Pipeline> pipelines) {
        List<Pipeline> specific = pipelines.stream().filter(p -> !p.isDefault()).toList();
        if (crm == Crm.HUBSPOT || specific.isEmpty()) {
            return defaultPipeline(pipelines);
        }
        return specific.stream().filter(p -> motion(p.label()) == Motion.NEW_BUSINESS).findFirst()
                .or(() -> Optional.of(specific.get(0)));
    }

    /** The pipelines drafted as {@code lifecycles}: all but the primary one and Salesforce's value set, with active stages. */
    private static List<Pipeline> otherPipelines(Crm crm, List<Pipeline> pipelines, Pipeline primary) {
        return pipelines.stream()
                .filter(p -> p != primary && !p.activeStages().isEmpty())
                .filter(p -> crm == Crm.HUBSPOT || !p.isDefault())
                .toList();
    }

    /** The motion a pipeline's name suggests. */
    static Motion motion(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.contains("renew")) {
            return Motion.RENEWAL;
        }
        if (lower.contains("expan") || lower.contains("upsell") || lower.contains("cross")) {
            return Motion.EXPANSION;
        }
        return Motion.NEW_BUSINESS;
    }

    private static Optional<Pipeline> defaultPipeline(List<Pipeline> pipelines) {
        return pipelines.stream().filter(Pipeline::isDefault).findFirst()
                .or(() -> pipelines.stream().findFirst());
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
}
