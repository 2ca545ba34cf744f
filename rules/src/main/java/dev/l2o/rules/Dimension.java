package dev.l2o.rules;

import java.util.Locale;
import java.util.Optional;

/** The six dimensions of the L2O maturity index (CONTRACT.md section 6). */
public enum Dimension {
    STRATEGY,
    LIFECYCLE,
    QUALIFICATION,
    ROUTING,
    PIPELINE,
    MEASUREMENT;

    /** The lower-case key used in reports and the blueprint. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Dimension> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (Dimension d : values()) {
            if (d.key().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
