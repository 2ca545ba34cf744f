package dev.l2o.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a deterministic OpportunityHistory.csv in the Bulk API / Data Loader shape, rows in random order:
 * {@code java dev.l2o.bench.GenerateHistory FILE ROWS [SEED]}. Records walk the example blueprint's stages
 * with repeated rows (amount changes), ties (rows of one record with the same CreatedDate), skips,
 * regressions, re-entry, lost and won deals, reopened deals, and two stages outside the blueprint.
 */
public final class GenerateHistory {
    static final String[] FUNNEL = {"Qualification", "Needs Analysis", "Proposal/Price Quote", "Negotiation/Review"};
    private static final int[] PROBABILITY = {10, 25, 50, 80};
    private static final String[] FORECAST = {"Pipeline", "Pipeline", "BestCase", "Forecast"};
    private static final DateTimeFormatter CREATED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxx", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final long START = Instant.parse("2023-01-01T00:00:00Z").getEpochSecond();

    private GenerateHistory() {}

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int rows = Integer.parseInt(args[1]);
        SplittableRandom random = new SplittableRandom(args.length > 2 ? Long.parseLong(args[2]) : 42L);
        String[] lines = new String[rows];
        int count = 0;
        int record = 0;
        while (count < rows) {
            count = writeRecord(random, record++, lines, count);
        }
        for (int i = rows - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            String swap = lines[i];
            lines[i] = lines[j];
            lines[j] = swap;
        }
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("Id,OpportunityId,StageName,Amount,Probability,CloseDate,ForecastCategory,CreatedDate\n");
            for (int i = 0; i < rows; i++) {
                out.write("008" + String.format(Locale.ROOT, "%015d", i) + "," + lines[i] + "\n");
            }
        }
        System.err.println("wrote " + rows + " rows of " + record + " records to " + file);
    }

    /** Appends one record's rows (at most until the array is full) and returns the new row count. */
    private static int writeRecord(SplittableRandom random, int record, String[] lines, int count) {
        String id = "006" + String.format(Locale.ROOT, "%015d", record);
        long seconds = START + random.nextLong(365L * 86_400);
        long amount = 1_000_00 + random.nextLong(200_000_00);
        LocalDate closeDate = LocalDate.ofEpochDay(seconds / 86_400 + 30 + random.nextInt(150));
        int stage = random.nextInt(100) < 5 ? 1 : 0;
        String name = random.nextInt(100) < 4 ? "Prospecting" : FUNNEL[stage];
        boolean reopened = false;
        while (count < lines.length) {
            lines[count++] = row(id, name, amount, closeDate, seconds);
            int step = random.nextInt(100);
            seconds += random.nextInt(100) < 3 ? 0 : 60 + random.nextLong(20L * 86_400);
            if (name.startsWith("Closed")) {
                if (reopened || step >= 3) {
                    return count;
                }
                reopened = true;
                stage = random.nextInt(FUNNEL.length);
                name = FUNNEL[stage];
            } else if (step < 15) {
                amount += random.nextLong(5_000_00);
                closeDate = closeDate.plusDays(random.nextInt(30));
            } else if (step < 25) {
                name = "Closed Lost";
            } else if (step < 30 && stage > 0) {
                stage--;
                name = FUNNEL[stage];
            } else if (step < 33) {
                name = "Id. Decision Makers";
            } else if (step < 38 && stage + 2 < FUNNEL.length) {
                stage += 2;
                name = FUNNEL[stage];
            } else if (stage + 1 < FUNNEL.length) {
                stage++;
                name = FUNNEL[stage];
            } else {
                name = "Closed Won";
            }
        }
        return count;
    }

    private static String row(String id, String name, long amountCents, LocalDate closeDate, long seconds) {
        int probability;
        String forecast;
        switch (name) {
            case "Closed Won" -> {
                probability = 100;
                forecast = "Closed";
            }
            case "Closed Lost" -> {
                probability = 0;
                forecast = "Omitted";
            }
            case "Prospecting", "Id. Decision Makers" -> {
                probability = 10;
                forecast = "Pipeline";
            }
            default -> {
                int index = Arrays.asList(FUNNEL).indexOf(name);
                probability = PROBABILITY[index];
                forecast = FORECAST[index];
            }
        }
        return id + "," + name + "," + amountCents / 100 + "." + String.format(Locale.ROOT, "%02d", amountCents % 100) + ","
                + probability + "," + closeDate + "," + forecast + "," + CREATED.format(Instant.ofEpochSecond(seconds));
    }
}
