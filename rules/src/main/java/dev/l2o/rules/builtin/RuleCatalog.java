package dev.l2o.rules.builtin;

import dev.l2o.rules.Rule;
import dev.l2o.rules.RuleDescriptor;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The descriptors of every built-in rule: what documentation, SARIF rule metadata and {@code l2o rules}
 * list. Ids are stable ({@code L2O-[A-Z-]+}); severities and dimensions are those of CONTRACT.md section 3 (the
 * default severities: a blueprint's {@code ruleset} may change them, see {@link dev.l2o.rules.Ruleset}).
 */
public final class RuleCatalog {
    private static final List<RuleDescriptor> DESCRIPTORS = BuiltinRules.all().stream()
            .map(Rule::descriptor)
            .sorted(Comparator.comparing(RuleDescriptor::id))
            .toList();

    private RuleCatalog() {}

    /** Every built-in descriptor, sorted by id. */
    public static List<RuleDescriptor> descriptors() {
        return DESCRIPTORS;
    }

    /** The built-in descriptor with this id. */
    public static Optional<RuleDescriptor> find(String id) {
        return DESCRIPTORS.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    /** Whether {@code id} is a built-in rule id, which custom rules of a blueprint may not reuse. */
    public static boolean isBuiltin(String id) {
        return find(id).isPresent();
    }
}
