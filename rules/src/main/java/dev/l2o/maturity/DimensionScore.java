package dev.l2o.maturity;

import static java.util.Objects.requireNonNull;

import dev.l2o.rules.Dimension;
import java.util.List;

/**
 * The score of one maturity dimension and the evidence that set it: one line per level reached, then why the
 * next level was not.
 *
 * @param dimension the dimension
 * @param score 0 to 4
 * @param evidence the reasons, in level order
 */
public record DimensionScore(Dimension dimension, double score, List<String> evidence) {
    public DimensionScore {
        requireNonNull(dimension, "dimension is null");
        evidence = List.copyOf(evidence);
        if (!(score >= 0 && score <= MaturityIndex.MAX_SCORE)) {
            throw new IllegalArgumentException("score out of 0..4: " + score);
        }
    }
}
