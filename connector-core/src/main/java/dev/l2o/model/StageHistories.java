package dev.l2o.model;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Combinators over {@link StageHistory} streams. */
public final class StageHistories {
    private StageHistories() {}

    /**
     * One history over {@code parts}: each read streams the rows of every part, part after part, each in its
     * own order. It is sorted by record only when every part is (so a record split over two parts is never
     * claimed sorted: the claim is per part and the caller must not concatenate one record's rows across
     * sorted parts). Its description joins the parts' with {@code " + "}.
     *
     * @param parts the histories, in the order their rows are read; at least one
     * @throws IllegalArgumentException when no part is given
     */
    public static StageHistory concat(StageHistory... parts) {
        requireNonNull(parts, "parts is null");
        return new ConcatenatedStageHistory(List.of(parts));
    }

    /**
     * The histories among {@code histories} that are present, as one: null when none is (the source has no
     * history), the history itself when only one is, else their {@link #concat}.
     */
    public static StageHistory concatPresent(StageHistory... histories) {
        requireNonNull(histories, "histories is null");
        List<StageHistory> present = Arrays.stream(histories).filter(Objects::nonNull).toList();
        return switch (present.size()) {
            case 0 -> null;
            case 1 -> present.get(0);
            default -> new ConcatenatedStageHistory(present);
        };
    }

    /**
     * The rows of {@code history} that {@code keep} accepts, in its order, read lazily on each
     * {@link StageHistory#forEach}. Sorted by record when {@code history} is (dropping rows keeps that).
     *
     * @param description how reports name the kept rows
     */
    public static StageHistory filter(StageHistory history, Predicate<StageEvent> keep, String description) {
        return new FilteredStageHistory(history, keep, description);
    }

    /**
     * The rows of a history that a predicate keeps.
     *
     * @param history the rows to filter
     * @param keep which rows stay
     * @param description how reports name the kept rows
     */
    public record FilteredStageHistory(StageHistory history, Predicate<StageEvent> keep, String description)
            implements StageHistory {
        public FilteredStageHistory {
            requireNonNull(history, "history is null");
            requireNonNull(keep, "keep is null");
            requireNonNull(description, "description is null");
        }

        @Override
        public void forEach(Consumer<StageEvent> sink) {
            requireNonNull(sink, "sink is null");
            history.forEach(row -> {
                if (keep.test(row)) {
                    sink.accept(row);
                }
            });
        }

        @Override
        public boolean sortedByRecord() {
            return history.sortedByRecord();
        }

        /** The unfiltered source's size: the filter reads all of it. */
        @Override
        public long sizeBytes() {
            return history.sizeBytes();
        }
    }

    /**
     * The rows of several histories read one after another.
     *
     * @param parts the histories in reading order, not empty
     */
    public record ConcatenatedStageHistory(List<StageHistory> parts) implements StageHistory {
        public ConcatenatedStageHistory {
            parts = List.copyOf(parts);
            if (parts.isEmpty()) {
                throw new IllegalArgumentException("parts is empty");
            }
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

        /** The parts' sizes added up; unknown when any part's is. */
        @Override
        public long sizeBytes() {
            long total = 0;
            for (StageHistory part : parts) {
                long size = part.sizeBytes();
                if (size < 0) {
                    return -1;
                }
                total += size;
            }
            return total;
        }

        @Override
        public String description() {
            return parts.stream().map(StageHistory::description).collect(Collectors.joining(" + "));
        }
    }
}
