package dev.l2o.rules.testing;

import dev.l2o.blueprint.Blueprint;
import dev.l2o.model.Snapshot;
import dev.l2o.rules.Finding;
import dev.l2o.rules.Rule;
import dev.l2o.rules.RuleEngine;
import java.util.List;
import java.util.Map;

/** Runs rules the way the audit does, through a {@link RuleEngine}, at {@link SnapshotBuilder#AS_OF}. */
public final class RuleRunner {
    private RuleRunner() {}

    public static List<Finding> run(Rule rule, String blueprintYaml, Snapshot snapshot) {
        return run(List.of(rule), TestBlueprints.parse(blueprintYaml), snapshot);
    }

    public static List<Finding> run(List<Rule> rules, Blueprint blueprint, Snapshot snapshot) {
        return new RuleEngine(rules).run(blueprint, snapshot, SnapshotBuilder.AS_OF, Map.of());
    }
}
