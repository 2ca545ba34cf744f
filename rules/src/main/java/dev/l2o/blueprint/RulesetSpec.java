package dev.l2o.blueprint;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code ruleset}: which rules an audit runs, at what severity, with which parameters, as the blueprint or a
 * ruleset file ({@code l2o audit --ruleset FILE}) writes it. {@code dev.l2o.rules.Ruleset} resolves it against
 * the rules of an audit.
 *
 * @param include rule ids or dimension keys to run; null when absent (every rule runs)
 * @param exclude rule ids or dimension keys not to run; never null
 * @param severity the severity ({@code error|warning|info}) by rule id, sorted by id; never null
 * @param parameters defaults the rules use where the blueprint does not say; never null
 */
public record RulesetSpec(List<String> include, List<String> exclude, Map<String, String> severity, RuleParameters parameters) {
    /** A ruleset that changes nothing: every rule at its own severity. */
    public static final RulesetSpec NONE = new RulesetSpec(null, null, null, null);

    public RulesetSpec {
        include = include == null ? null : List.copyOf(include);
        exclude = exclude == null ? List.of() : List.copyOf(exclude);
        severity = severity == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(severity));
        parameters = parameters == null ? RuleParameters.NONE : parameters;
    }

    /**
     * This ruleset with {@code override} laid over it: the override's {@code include} and {@code exclude} replace
     * these when it has them; severities and parameters merge entry by entry, the override's winning.
     */
    public RulesetSpec overriddenBy(RulesetSpec override) {
        Map<String, String> severities = new TreeMap<>(severity);
        severities.putAll(override.severity());
        return new RulesetSpec(override.include() != null ? override.include() : include,
                override.exclude().isEmpty() ? exclude : override.exclude(),
                severities, parameters.overriddenBy(override.parameters()));
    }
}
