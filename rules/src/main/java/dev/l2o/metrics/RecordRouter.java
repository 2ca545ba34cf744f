package dev.l2o.metrics;

import java.util.List;

/**
 * Hands each record of a history read once to the walker of its lifecycle ({@link RecordLifecycles} decides which),
 * its rows' stage codes ({@link StageCodes}) turned into that lifecycle's stage slots, and counts the rows each
 * lifecycle walks. A record whose rows are of another object than its lifecycle's is walked by none.
 */
final class RecordRouter implements RecordWalk {
    private final StageCodes codes;
    private final RecordLifecycles records;
    private final Lane[] lanes;

    /** One lifecycle's side: its object, its slots, its walker, and the slot of each code, resolved when first met. */
    static final class Lane {
        private final String object;
        private final StageSlots slots;
        private final HistoryWalker walker;
        private final PerCode slotByCode = new PerCode();
        private long rows;

        Lane(String object, StageSlots slots, HistoryWalker walker) {
            this.object = object;
            this.slots = slots;
            this.walker = walker;
        }

        /** Adds what {@code other}, the same lifecycle's side of another router, walked (over other records). */
        void add(Lane other) {
            walker.add(other.walker);
            rows += other.rows;
        }

        StageSlots slots() {
            return slots;
        }

        HistoryWalker walker() {
            return walker;
        }

        /** The rows of the records walked here. */
        long rows() {
            return rows;
        }

        private int slot(int code, StageCodes codes) {
            int slot = slotByCode.get(code);
            if (slot == PerCode.UNDECIDED) {
                slot = slots.resolve(codes.stage(code));
                slotByCode.set(code, slot);
            }
            return slot;
        }
    }

    /**
     * Sorts every lane's durations and sales cycles walked so far (see {@link HistoryWalker#sortLists}), all with one
     * scratch array the size of the largest list: an array a sort, megabytes each, made G1 start a concurrent cycle
     * for each of them once the heap was half full.
     */
    void sortLists() {
        int largest = 0;
        for (Lane lane : lanes) {
            largest = Math.max(largest, lane.walker.largestList());
        }
        long[] scratch = new long[largest];
        for (Lane lane : lanes) {
            lane.walker.sortLists(scratch);
        }
    }

    RecordRouter(StageCodes codes, RecordLifecycles records, List<Lane> lanes) {
        this.codes = codes;
        this.records = records;
        this.lanes = lanes.toArray(Lane[]::new);
    }

    @Override
    public void walk(String id, RecordBuffer rows) {
        if (rows.size == 0) {
            return;
        }
        Lane lane = lanes[records.of(id, rows, codes)];
        if (!lane.object.equalsIgnoreCase(codes.object(rows.slots[0]))) {
            return;
        }
        for (int row = 0; row < rows.size; row++) {
            rows.slots[row] = lane.slot(rows.slots[row], codes);
        }
        lane.rows += rows.size;
        lane.walker.walk(id, rows);
    }
}
