package dev.l2o.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether a snapshot holds everything its source has. An incomplete snapshot never gives a green audit.
 *
 * @param complete whether everything was read
 * @param reasons why not, one sentence each; empty when complete
 */
public record Completeness(boolean complete, List<String> reasons) {
    public Completeness {
        reasons = List.copyOf(reasons);
        if (complete != reasons.isEmpty()) {
            throw new IllegalArgumentException("a complete snapshot has no reasons, an incomplete one has some");
        }
    }

    public static Completeness full() {
        return new Completeness(true, List.of());
    }

    public static Completeness incomplete(List<String> reasons) {
        return new Completeness(false, reasons);
    }

    /** This completeness with one more reason to be incomplete. */
    public Completeness with(String reason) {
        List<String> all = new ArrayList<>(reasons);
        all.add(reason);
        return incomplete(all);
    }
}
