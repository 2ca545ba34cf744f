package dev.l2o.blueprint;

import static dev.l2o.blueprint.SourcePositions.child;
import static dev.l2o.blueprint.SourcePositions.pointer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.l2o.model.ForecastCategory;
import dev.l2o.rules.cel.CelCondition;
import dev.l2o.rules.cel.CelConditionException;
import dev.l2o.rules.cel.CelScope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What the schema cannot say: unique keys, references between parts, contradictions, CEL that does not
 * compile; and advice that does not stop a blueprint from loading. Works on the document tree, so that it
 * runs even where the schema found wrong types, and guards every read accordingly.
 */
final class BlueprintChecks {
    private static final String STAGES = "/opportunityLifecycle/stages";
    private static final String STATUSES = "/leadLifecycle/statuses";
    private static final String LIFECYCLES = "/lifecycles";

    private final JsonNode root;
    private final YamlTree tree;
    private final String[] lines;
    private final List<Issue> errors = new ArrayList<>();
    private final List<Issue> warnings = new ArrayList<>();
    /** Whether CEL expressions are compiled; see {@link #run(YamlTree, String, boolean)}. */
    private final boolean compileCel;

    private BlueprintChecks(YamlTree tree, String text, boolean compileCel) {
        this.root = tree.root();
        this.tree = tree;
        this.lines = text.split("\r\n|\r|\n", -1);
        this.compileCel = compileCel;
    }

    /**
     * Checks the document of {@code tree}, read from {@code text}; CEL expressions are compiled only when
     * {@code compileCel} (a blueprint {@linkplain ValidatedBlueprints validated before} had them compiled then).
     */
    static BlueprintChecks run(YamlTree tree, String text, boolean compileCel) {
        BlueprintChecks checks = new BlueprintChecks(tree, text, compileCel);
        checks.stages(STAGES);
        checks.lifecycles();
        checks.unique(STATUSES, item -> text(item, "key"), "key", "status key");
        checks.unique("/fields", item -> text(item, "object").flatMap(o -> text(item, "name").map(n -> o + "." + n)),
                "name", "field");
        checks.routing();
        checks.unique("/automation", item -> text(item, "name").map(n -> text(item, "object").orElse("") + "." + n
                + " (" + text(item, "kind").orElse("") + ")"), "name", "automation");
        checks.conversions();
        checks.rules();
        checks.errors.addAll(RulesetChecks.check(checks.root.path("ruleset"), "/ruleset", customRuleIds(checks.root)));
        return checks;
    }

    List<Issue> errors() {
        return errors;
    }

    List<Issue> warnings() {
        return warnings;
    }

    private void stages(String list) {
        unique(list, item -> text(item, "key"), "key", "stage key");
        JsonNode stages = root.at(list);
        boolean anyWon = false;
        for (int i = 0; i < count(stages); i++) {
            JsonNode stage = stages.get(i);
            String at = child(list, i);
            String name = "stage '" + text(stage, "key").orElse(Integer.toString(i + 1)) + "'";
            Optional<Boolean> closed = bool(stage, "closed");
            Optional<Boolean> won = bool(stage, "won");
            Optional<Double> probability = number(stage, "probability");
            Optional<ForecastCategory> forecast = text(stage, "forecastCategory").flatMap(ForecastCategory::parse);
            boolean isClosed = closed.orElse(false);
            if (won.orElse(false) && !isClosed) {
                errors.add(Issue.atKey(child(at, "won"), name + " is won but not closed; add closed: true"));
            }
            if (won.orElse(false) && probability.isPresent() && probability.get() != 100) {
                errors.add(Issue.atValue(child(at, "probability"),
                        name + " is won, so its probability must be 100, not " + format(probability.get())));
            }
            if (isClosed && won.isPresent() && !won.get() && probability.isPresent() && probability.get() != 0) {
                errors.add(Issue.atValue(child(at, "probability"),
                        name + " is lost (closed and not won), so its probability must be 0, not " + format(probability.get())));
            }
            if (forecast.filter(f -> f == ForecastCategory.CLOSED).isPresent() && !isClosed) {
                errors.add(Issue.atValue(child(at, "forecastCategory"),
                        name + " is open, so its forecast category cannot be Closed"));
            }
            if (won.orElse(false) && forecast.filter(f -> f != ForecastCategory.CLOSED).isPresent()) {
                errors.add(Issue.atValue(child(at, "forecastCategory"),
                        name + " is won, so its forecast category must be Closed, not " + forecast.get().blueprintName()));
            }
            if (stage.isObject() && !isClosed && !stage.has("maxDaysInStage")
                    && !root.path("ruleset").path("parameters").has("staleDealDays")) {
                warnings.add(Issue.atKey(at, name + " has no maxDaysInStage, so stale deals in it are not reported"));
            }
            // HubSpot has no won flag: there a closed stage at probability 100 is the won stage
            anyWon |= won.orElse(false) || (isClosed && won.isEmpty() && probability.filter(p -> p == 100).isPresent());
        }
        if (stages.isArray() && !stages.isEmpty() && !anyWon) {
            warnings.add(Issue.atKey(list,
                    "no stage is won (closed: true, won: true), so win rate and sales cycle cannot be measured"));
        }
    }

    /**
     * {@code lifecycles}: unique names, none that reuses {@code opportunityLifecycle}'s, a {@code renewal} block only
     * where the motion is renewal, and each lifecycle's stages checked as {@code opportunityLifecycle}'s are.
     */
    private void lifecycles() {
        unique(LIFECYCLES, item -> text(item, "name"), "name", "lifecycle name");
        JsonNode lifecycles = root.path("lifecycles");
        for (int i = 0; i < count(lifecycles); i++) {
            JsonNode lifecycle = lifecycles.get(i);
            String at = child(LIFECYCLES, i);
            Optional<String> name = text(lifecycle, "name");
            if (name.filter(n -> n.equalsIgnoreCase(Lifecycle.OPPORTUNITY_LIFECYCLE)).isPresent()) {
                errors.add(Issue.atValue(child(at, "name"), "lifecycle name '" + name.get()
                        + "' is reserved: it names the blueprint's opportunityLifecycle"));
            }
            Optional<String> motion = text(lifecycle, "motion");
            boolean otherMotion = motion.filter(m -> m.equals(Motion.NEW_BUSINESS.blueprintName())
                    || m.equals(Motion.EXPANSION.blueprintName())).isPresent();
            if (lifecycle.has("renewal") && otherMotion) {
                errors.add(Issue.atKey(child(at, "renewal"), "lifecycle '" + name.orElse(Integer.toString(i + 1))
                        + "' has motion " + motion.get() + ", so it has no renewal block; only motion renewal has one"));
            }
            stages(child(at, "stages"));
        }
    }

    private void routing() {
        unique("/routing", item -> text(item, "name"), "name", "routing rule name");
        JsonNode routing = root.path("routing");
        for (int i = 0; i < count(routing); i++) {
            JsonNode rule = routing.get(i);
            String name = "routing '" + text(rule, "name").orElse(Integer.toString(i + 1)) + "'";
            CelScope scope = CelScope.ofObject(text(rule, "object").orElse(null));
            compiles(pointer("routing", i, "when"), rule.path("when"), scope, name);
        }
    }

    private void rules() {
        unique("/rules", item -> text(item, "id"), "id", "rule id");
        JsonNode rules = root.path("rules");
        for (int i = 0; i < count(rules); i++) {
            JsonNode rule = rules.get(i);
            String id = text(rule, "id").orElse(Integer.toString(i + 1));
            if (id.toUpperCase(Locale.ROOT).startsWith("L2O-")) {
                errors.add(Issue.atValue(pointer("rules", i, "id"),
                        "rule id '" + id + "' is reserved: ids starting with L2O- belong to the built-in rules"));
            }
            Optional<CelScope> scope = text(rule, "on").flatMap(CelScope::ofRuleTarget);
            if (scope.isPresent()) {
                compiles(pointer("rules", i, "when"), rule.path("when"), scope.get(), "rule '" + id + "'");
                compiles(pointer("rules", i, "require"), rule.path("require"), scope.get(), "rule '" + id + "'");
            }
        }
    }

    /** The ids of the custom rules in {@code document}. */
    static List<String> customRuleIds(JsonNode document) {
        List<String> ids = new ArrayList<>();
        JsonNode rules = document.path("rules");
        for (int i = 0; i < count(rules); i++) {
            text(rules.get(i), "id").ifPresent(ids::add);
        }
        return ids;
    }

    private void conversions() {
        Set<String> keys = new LinkedHashSet<>();
        for (String lifecycle : List.of(STAGES, STATUSES)) {
            JsonNode items = root.at(lifecycle);
            for (int i = 0; i < count(items); i++) {
                text(items.get(i), "key").ifPresent(keys::add);
            }
        }
        JsonNode conversions = root.path("benchmarks").path("conversion");
        for (int i = 0; i < count(conversions); i++) {
            JsonNode target = conversions.get(i);
            for (String end : List.of("from", "to")) {
                Optional<String> key = text(target, end);
                if (key.isPresent() && !keys.contains(key.get())) {
                    errors.add(Issue.atValue(pointer("benchmarks", "conversion", i, end),
                            "conversion " + end + " '" + key.get() + "' is no stage or status key; keys: " + String.join(", ", keys)));
                }
            }
            if (text(target, "from").isPresent() && text(target, "from").equals(text(target, "to"))) {
                errors.add(Issue.atValue(pointer("benchmarks", "conversion", i, "to"),
                        "a conversion target goes from one key to another, not from '" + text(target, "from").get() + "' to itself"));
            }
        }
    }

    /**
     * Reports the second and later items of the list at {@code list} whose identity (by {@code identity},
     * ignoring case) repeats an earlier one.
     */
    private void unique(String list, Function<JsonNode, Optional<String>> identity, String keyField, String what) {
        JsonNode items = root.at(list);
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < count(items); i++) {
            Optional<String> id = identity.apply(items.get(i));
            if (id.isEmpty()) {
                continue;
            }
            Integer first = seen.putIfAbsent(id.get().toLowerCase(Locale.ROOT), i);
            if (first != null) {
                String firstAt = tree.positions().of(child(list, first)).map(p -> " (first at line " + p.line() + ")").orElse("");
                errors.add(Issue.atValue(child(child(list, i), keyField), "duplicate " + what + " '" + id.get() + "'" + firstAt));
            }
        }
    }

    private void compiles(String at, JsonNode expression, CelScope scope, String owner) {
        if (!compileCel || !expression.isTextual() || expression.asText().isBlank()) {
            return;
        }
        try {
            CelCondition.compile(expression.asText(), scope);
        } catch (CelConditionException e) {
            String field = at.substring(at.lastIndexOf('/') + 1);
            String message = "'" + field + "' of " + owner + " is not valid CEL: " + e.reason()
                    + "; variables here: " + String.join(", ", scope.variables());
            errors.add(exactPosition(at, expression.asText(), e)
                    .map(position -> Issue.at(position, message))
                    .orElse(Issue.atValue(at, message)));
        }
    }

    /**
     * Where in the file the compile error is, when the expression sits on one line as written (plain or
     * quoted without escapes before the error); otherwise empty, and the problem points at the expression.
     */
    private Optional<SourcePosition> exactPosition(String at, String expression, CelConditionException e) {
        Optional<SourcePosition> start = tree.positions().valueOf(at);
        if (start.isEmpty() || e.column() < 1 || e.line() > 1 || start.get().line() > lines.length) {
            return Optional.empty();
        }
        String line = lines[start.get().line() - 1];
        int column = start.get().column() - 1;
        String before = expression.substring(0, Math.min(expression.length(), e.column() - 1));
        if (line.startsWith(before, column)) {
            return Optional.of(new SourcePosition(start.get().line(), column + e.column()));
        }
        boolean quoted = column < line.length() && (line.charAt(column) == '"' || line.charAt(column) == '\'');
        if (quoted && before.indexOf(line.charAt(column)) < 0 && before.indexOf('\\') < 0 && line.startsWith(before, column + 1)) {
            return Optional.of(new SourcePosition(start.get().line(), column + 1 + e.column()));
        }
        return Optional.empty();
    }

    /** The number of items of a list; 0 for anything else, which the schema reports. */
    private static int count(JsonNode list) {
        return list.isArray() ? list.size() : 0;
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
    }

    private static Optional<Boolean> bool(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isBoolean() ? Optional.of(value.asBoolean()) : Optional.empty();
    }

    private static Optional<Double> number(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNumber() ? Optional.of(value.asDouble()) : Optional.empty();
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
