package dev.l2o.metrics;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Records that moved directly from one blueprint stage to another in a way the data findings report (a skip
 * forward or a move backward). Stays in stages outside the blueprint are passed over.
 *
 * @param from the blueprint key moved from
 * @param to the blueprint key moved to
 * @param records records that made this move at least once
 * @param examples a few of their ids, the smallest first
 */
public record StageTransition(String from, String to, long records, List<String> examples) {
    public StageTransition {
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        examples = List.copyOf(examples);
    }
}
