package dev.l2o.store;

import static java.util.Objects.requireNonNull;

/** The median days of completed stays in one stage, for stages that had any (CONTRACT.md section 4). */
public record StageMedian(String stage, double medianDays) {
    public StageMedian {
        requireNonNull(stage, "stage is null");
        if (!Double.isFinite(medianDays) || medianDays < 0) {
            throw new IllegalArgumentException("medianDays must be a finite non-negative number: " + medianDays);
        }
    }
}
