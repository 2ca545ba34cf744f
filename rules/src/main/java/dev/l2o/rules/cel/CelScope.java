package dev.l2o.rules.cel;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which variables a CEL expression of the blueprint sees. Each variable is a map from name to value.
 *
 * <ul>
 *   <li>{@link #OPPORTUNITY}: one opportunity (HubSpot deal) as {@code opp}, {@code opportunity}, {@code deal}
 *       and {@code record} (all the same map);
 *   <li>{@link #LEAD}: one lead as {@code lead} and {@code record};
 *   <li>{@link #RECORD}: a record of another object as {@code record};
 *   <li>{@link #CONFIG}: the CRM configuration as {@code config}.
 * </ul>
 */
public enum CelScope {
    OPPORTUNITY(List.of("opp", "opportunity", "deal", "record")),
    LEAD(List.of("lead", "record")),
    RECORD(List.of("record")),
    CONFIG(List.of("config"));

    private final List<String> variables;

    CelScope(List<String> variables) {
        this.variables = variables;
    }

    /** The variable names, in the order they are documented. */
    public List<String> variables() {
        return variables;
    }

    /** The scope of a record of {@code object}: Opportunity and HubSpot deals, Lead and HubSpot contacts, or other. */
    public static CelScope ofObject(String object) {
        return switch (object == null ? "" : object.toLowerCase(Locale.ROOT)) {
            case "opportunity", "opportunities", "deal", "deals" -> OPPORTUNITY;
            case "lead", "leads", "contact", "contacts" -> LEAD;
            default -> RECORD;
        };
    }

    /** The scope of a custom rule's {@code on} ({@code opportunity|lead|config}); empty for anything else. */
    public static Optional<CelScope> ofRuleTarget(String on) {
        return Optional.ofNullable(switch (on == null ? "" : on) {
            case "opportunity" -> OPPORTUNITY;
            case "lead" -> LEAD;
            case "config" -> CONFIG;
            default -> null;
        });
    }
}
