package dev.l2o.rules;

import java.util.Locale;
import java.util.Optional;

/** How much a finding matters; ordered from most to least severe. */
public enum Severity {
    ERROR,
    WARNING,
    INFO;

    /** Whether this is at least as severe as {@code threshold}. */
    public boolean atLeast(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }

    /** The lower-case name used in reports and the blueprint. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Severity> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "error" -> Optional.of(ERROR);
            case "warning" -> Optional.of(WARNING);
            case "info" -> Optional.of(INFO);
            default -> Optional.empty();
        };
    }
}
