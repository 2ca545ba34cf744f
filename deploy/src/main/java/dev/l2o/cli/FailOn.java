package dev.l2o.cli;

import dev.l2o.rules.Severity;

/** {@code --fail-on}: the lowest severity that fails a run, or never. */
enum FailOn {
    error(Severity.ERROR),
    warning(Severity.WARNING),
    info(Severity.INFO),
    never(null);

    private final Severity threshold;

    FailOn(Severity threshold) {
        this.threshold = threshold;
    }

    /** The threshold, or null for never. */
    Severity threshold() {
        return threshold;
    }
}
