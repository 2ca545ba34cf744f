package dev.l2o.maturity;

import java.util.List;

/**
 * The L2O maturity index (CONTRACT.md section 6).
 *
 * @param overall the mean of the six dimension scores, 0 to 4
 * @param dimensions the six dimensions, in {@link dev.l2o.rules.Dimension} order
 * @param revenueMachine whether {@code overall} is {@value MaturityIndex#REVENUE_MACHINE} or more
 */
public record Maturity(double overall, List<DimensionScore> dimensions, boolean revenueMachine) {
    public Maturity {
        dimensions = List.copyOf(dimensions);
        if (!(overall >= 0 && overall <= MaturityIndex.MAX_SCORE)) {
            throw new IllegalArgumentException("overall out of 0..4: " + overall);
        }
        if (revenueMachine != (overall >= MaturityIndex.REVENUE_MACHINE)) {
            throw new IllegalArgumentException("revenueMachine must be overall >= 3.0");
        }
    }
}
