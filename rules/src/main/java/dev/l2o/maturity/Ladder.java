package dev.l2o.maturity;

import dev.l2o.rules.Dimension;
import java.util.ArrayList;
import java.util.List;

/**
 * Four levels climbed in order: the score is the number of levels whose condition holds before the first that
 * does not. Each level reached adds its evidence; the first level missed adds why, and ends the climb.
 */
final class Ladder {
    private final Dimension dimension;
    private final List<String> evidence = new ArrayList<>();
    private int score;
    private boolean stopped;

    Ladder(Dimension dimension) {
        this.dimension = dimension;
    }

    /** The next level: reached when {@code holds} and every level before was reached. */
    Ladder level(boolean holds, String reached, String missed) {
        if (stopped) {
            return this;
        }
        if (holds) {
            score++;
            evidence.add(score + ": " + reached);
        } else {
            stopped = true;
            evidence.add("not " + (score + 1) + ": " + missed);
        }
        return this;
    }

    boolean climbing() {
        return !stopped;
    }

    DimensionScore result() {
        return new DimensionScore(dimension, score, evidence);
    }
}
