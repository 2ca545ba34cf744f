package dev.l2o.cli;

import dev.l2o.rules.Severity;
import java.util.Optional;

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

    /** The threshold, empty for never. */
    Optional<Severity> threshold() {
        return Optional.ofNullable(threshold);
    }
}
