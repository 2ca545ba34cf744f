package dev.l2o.blueprint;

import static dev.l2o.blueprint.SourcePositions.child;

import com.fasterxml.jackson.databind.JsonNode;
import dev.l2o.rules.Dimension;
import dev.l2o.rules.RuleDescriptor;
import dev.l2o.rules.builtin.RuleCatalog;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What the schema cannot say of a ruleset (the blueprint's {@code ruleset} or a ruleset file): every rule id it
 * names is a built-in rule or a custom rule of the blueprint, and {@code include}/{@code exclude} items are rule
 * ids or dimensions.
 */
final class RulesetChecks {
    private RulesetChecks() {}

    /**
     * @param ruleset the ruleset node (a missing node when absent)
     * @param at its JSON Pointer
     * @param customRuleIds the ids of the blueprint's custom rules
     */
    static List<Issue> check(JsonNode ruleset, String at, Collection<String> customRuleIds) {
        List<Issue> issues = new ArrayList<>();
        if (!ruleset.isObject()) {
            return issues;
        }
        TreeSet<String> known = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        RuleCatalog.descriptors().stream().map(RuleDescriptor::id).forEach(known::add);
        known.addAll(customRuleIds);
        for (String list : List.of("include", "exclude")) {
            JsonNode items = ruleset.path(list);
            for (int i = 0; items.isArray() && i < items.size(); i++) {
                String item = items.get(i).asText();
                if (items.get(i).isTextual() && Dimension.parse(item).isEmpty() && !known.contains(item)) {
                    issues.add(Issue.atValue(child(child(at, list), i), "'" + item + "' in " + list
                            + " is neither a rule id nor a dimension; dimensions: " + dimensions() + "; l2o rules lists the rule ids"));
                }
            }
        }
        JsonNode severities = ruleset.path("severity");
        for (Iterator<Map.Entry<String, JsonNode>> entries = severities.fields(); entries.hasNext(); ) {
            String id = entries.next().getKey();
            if (!known.contains(id)) {
                issues.add(Issue.atKey(child(child(at, "severity"), id), "severity of unknown rule '" + id
                        + "': severities are set per rule id (built-in or custom); l2o rules lists them"));
            }
        }
        return issues;
    }

    private static String dimensions() {
        List<String> keys = new ArrayList<>();
        for (Dimension dimension : Dimension.values()) {
            keys.add(dimension.key());
        }
        return String.join(", ", keys);
    }
}
