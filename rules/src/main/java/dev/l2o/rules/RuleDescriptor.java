package dev.l2o.rules;

import static java.util.Objects.requireNonNull;

/**
 * What a rule is: its catalog id, a title without a trailing period, a description in full sentences, the
 * dimension it counts against and its default severity.
 */
public record RuleDescriptor(String id, String title, String description, Dimension dimension, Severity defaultSeverity) {
    public RuleDescriptor {
        requireNonNull(id, "id is null");
        requireNonNull(title, "title is null");
        requireNonNull(description, "description is null");
        requireNonNull(dimension, "dimension is null");
        requireNonNull(defaultSeverity, "defaultSeverity is null");
        if (title.endsWith(".")) {
            throw new IllegalArgumentException("title ends with a period: " + title);
        }
    }
}
