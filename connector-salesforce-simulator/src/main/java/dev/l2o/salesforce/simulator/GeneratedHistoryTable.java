package dev.l2o.salesforce.simulator;

import java.math.BigInteger;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;

/**
 * History computed on demand from a seed: row {@code i} is a pure function of the seed and {@code i}, so a
 * million-row org costs no memory. Rows come interleaved across opportunities (as Bulk API results do)
 * and carry what real history has: same-stage rows for amount and close-date edits, skips, regressions
 * and equal timestamps.
 */
final class GeneratedHistoryTable implements HistoryTable {
    static final int ROWS_PER_OPPORTUNITY = 6;
    private static final long START = LocalDate.of(2023, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    private static final long DAY = 86_400_000L;

    private final long seed;
    private final int size;
    private final long stride;
    private final List<SimulatedStage> stages;

    GeneratedHistoryTable(long seed, int size, List<SimulatedStage> stages) {
        this.seed = seed;
        this.size = size;
        this.stages = List.copyOf(stages);
        this.stride = coprimeStride(size);
    }

    /** A stride coprime with {@code size}, so that {@code i * stride mod size} visits every row once. */
    private static long coprimeStride(int size) {
        long candidate = 1_000_003L;
        while (size > 1 && !BigInteger.valueOf(candidate).gcd(BigInteger.valueOf(size)).equals(BigInteger.ONE)) {
            candidate += 2;
        }
        return candidate;
    }

    static int opportunities(int rows) {
        return (rows + ROWS_PER_OPPORTUNITY - 1) / ROWS_PER_OPPORTUNITY;
    }

    static String opportunityId(int opportunity) {
        return String.format("006%012dAAA", opportunity);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public void read(int index, HistoryRow row) {
        int position = (int) ((index * stride) % size);
        int opportunity = position / ROWS_PER_OPPORTUNITY;
        int step = position % ROWS_PER_OPPORTUNITY;
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + opportunity);
        long at = START + random.nextLong(700) * DAY + random.nextLong(DAY);
        int stage = 0;
        double amount = 1_000 * (5 + random.nextInt(200));
        long closeDay = (at / DAY) + 60 + random.nextInt(120);
        int closedWon = closedIndex(true);
        int closedLost = closedIndex(false);
        for (int k = 1; k <= step; k++) {
            int move = random.nextInt(100);
            boolean closed = stages.get(stage).closed();
            if (closed || move < 35) {
                amount += 1_000 * random.nextInt(-5, 6);
                closeDay += random.nextInt(0, 15);
            } else if (move < 80) {
                stage = Math.min(stage + 1, closedWon);
            } else if (move < 88) {
                stage = Math.min(stage + 2, closedWon);
            } else if (move < 94) {
                stage = Math.max(stage - 1, 0);
            } else {
                stage = closedLost;
            }
            // about one step in ten happens in the same millisecond as the previous one
            at += random.nextInt(10) == 0 ? 0 : random.nextLong(DAY, 20 * DAY);
        }
        SimulatedStage current = stages.get(stage);
        row.id = ColumnHistoryTable.historyId(position);
        row.opportunityId = opportunityId(opportunity);
        row.stageName = current.apiName();
        row.createdMillis = at;
        row.amount = Math.max(0, amount);
        row.closeEpochDay = closeDay;
        row.probability = current.probability();
        row.forecastCategory = current.forecastCategory();
    }

    private int closedIndex(boolean won) {
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i).closed() && stages.get(i).won() == won) {
                return i;
            }
        }
        throw new IllegalStateException("the generated stage list has no closed " + (won ? "won" : "lost") + " stage");
    }
}
