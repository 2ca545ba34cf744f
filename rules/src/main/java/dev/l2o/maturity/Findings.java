package dev.l2o.maturity;

import dev.l2o.rules.Dimension;
import dev.l2o.rules.Finding;
import dev.l2o.rules.RuleDescriptor;
import dev.l2o.rules.Severity;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/** The audit's findings, counted the ways the maturity levels ask. */
final class Findings {
    private final List<Finding> findings;

    Findings(List<Finding> findings) {
        this.findings = List.copyOf(findings);
    }

    long errors(Dimension dimension) {
        return count(f -> f.dimension() == dimension && f.severity() == Severity.ERROR);
    }

    long all(Dimension dimension) {
        return count(f -> f.dimension() == dimension);
    }

    long withRule(RuleDescriptor rule) {
        return count(f -> f.ruleId().equals(rule.id()));
    }

    /** {@code 2 error findings: L2O-STAGE-MISSING (1), …}. */
    String describeErrors(Dimension dimension) {
        return describe(f -> f.dimension() == dimension && f.severity() == Severity.ERROR, "error ");
    }

    String describeAll(Dimension dimension) {
        return describe(f -> f.dimension() == dimension, "");
    }

    private long count(Predicate<Finding> which) {
        return findings.stream().filter(which).count();
    }

    private String describe(Predicate<Finding> which, String kind) {
        Map<String, Integer> byRule = new TreeMap<>();
        findings.stream().filter(which).forEach(f -> byRule.merge(f.ruleId(), 1, Integer::sum));
        int total = byRule.values().stream().mapToInt(Integer::intValue).sum();
        StringBuilder text = new StringBuilder().append(total).append(' ').append(kind)
                .append(total == 1 ? "finding: " : "findings: ");
        String separator = "";
        for (Map.Entry<String, Integer> entry : byRule.entrySet()) {
            text.append(separator).append(entry.getKey()).append(" (").append(entry.getValue()).append(')');
            separator = ", ";
        }
        return text.toString();
    }
}
