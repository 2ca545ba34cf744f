package dev.l2o.store;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The maturity index of a run (CONTRACT.md section 6).
 *
 * @param overall the mean of the dimension scores, 0–4
 * @param dimensions score by dimension key, in the order given (the report's order)
 */
public record MaturityScores(double overall, Map<String, Double> dimensions) {
    public MaturityScores {
        checkScore("overall", overall);
        requireNonNull(dimensions, "dimensions is null");
        dimensions.forEach((key, score) -> checkScore(requireNonNull(key, "dimension key is null"),
                requireNonNull(score, "score of " + key + " is null")));
        dimensions = Collections.unmodifiableMap(new LinkedHashMap<>(dimensions));
    }

    private static void checkScore(String name, double score) {
        if (!(score >= 0 && score <= 4)) {
            throw new IllegalArgumentException("maturity score of " + name + " must be within 0–4: " + score);
        }
    }
}
