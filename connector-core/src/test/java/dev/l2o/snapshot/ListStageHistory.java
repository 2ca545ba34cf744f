package dev.l2o.snapshot;

import static java.util.Objects.requireNonNull;

import dev.l2o.model.StageEvent;
import dev.l2o.model.StageHistory;
import java.util.List;
import java.util.function.Consumer;

/**
 * A stage history held in a list, for tests with a handful of rows (production histories never hold rows).
 *
 * @param rows the rows in source order
 * @param description what the rows are said to come from
 * @param sortedByRecord what {@link #sortedByRecord()} answers
 */
public record ListStageHistory(List<StageEvent> rows, String description, boolean sortedByRecord) implements StageHistory {
    public ListStageHistory {
        rows = List.copyOf(rows);
        requireNonNull(description, "description is null");
    }

    @Override
    public void forEach(Consumer<StageEvent> sink) {
        rows.forEach(sink);
    }
}
