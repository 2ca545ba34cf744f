package dev.l2o.bench;

import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;

/**
 * The per-stage figures both contenders print, in one text form so that {@code diff} decides agreement: one
 * tab-separated line per CRM stage (sorted by name), then records, win rate and sales-cycle median. Doubles
 * print in Java's shortest round-trip form, so equal text means equal bits.
 */
final class Figures {
    static final String AS_OF = "2025-01-01T00:00:00Z";

    private final Map<String, String> stages = new TreeMap<>();
    private long records;
    private Double winRate;
    private Double salesCycleMedianDays;

    void stage(String crmStage, long entered, long completed, long open, Double mean, Double median, Double p90) {
        stages.put(crmStage, crmStage + "\t" + entered + "\t" + completed + "\t" + open + "\t" + mean + "\t" + median + "\t" + p90);
    }

    void totals(long recordCount, Double rate, Double cycleMedian) {
        records = recordCount;
        winRate = rate;
        salesCycleMedianDays = cycleMedian;
    }

    void print(PrintStream out) {
        out.println("stage\tentered\tcompletedStays\topenStays\tmeanDays\tmedianDays\tp90Days");
        stages.values().forEach(out::println);
        out.println("records\t" + records);
        out.println("winRate\t" + winRate);
        out.println("salesCycleMedianDays\t" + salesCycleMedianDays);
    }
}
