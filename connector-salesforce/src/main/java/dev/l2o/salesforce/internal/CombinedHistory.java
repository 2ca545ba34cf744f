package dev.l2o.salesforce.internal;

import static java.util.Objects.requireNonNull;

import dev.l2o.model.StageEvent;
import dev.l2o.model.StageHistory;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Several histories read one after the other as one (opportunity stage rows, then lead status rows). Holds
 * no rows: each {@link #forEach} reads every part again, in order. Sorted by record only when every part is,
 * since records of different objects never share an id. Not thread-safe when a part is not.
 *
 * @param parts the histories, in reading order
 */
public record CombinedHistory(List<StageHistory> parts) implements StageHistory {
    public CombinedHistory {
        parts = List.copyOf(parts);
    }

    /** The non-null histories among {@code histories} as one, or null when there is none. */
    public static StageHistory of(StageHistory... histories) {
        requireNonNull(histories, "histories is null");
        List<StageHistory> present = Arrays.stream(histories).filter(Objects::nonNull).toList();
        return switch (present.size()) {
            case 0 -> null;
            case 1 -> present.get(0);
            default -> new CombinedHistory(present);
        };
    }

    @Override
    public void forEach(Consumer<StageEvent> sink) {
        requireNonNull(sink, "sink is null");
        for (StageHistory part : parts) {
            part.forEach(sink);
        }
    }

    @Override
    public boolean sortedByRecord() {
        return parts.stream().allMatch(StageHistory::sortedByRecord);
    }

    @Override
    public String description() {
        return parts.stream().map(StageHistory::description).collect(Collectors.joining(", "));
    }
}
