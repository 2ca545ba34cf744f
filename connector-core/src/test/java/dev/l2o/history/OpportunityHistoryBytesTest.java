package dev.l2o.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.l2o.error.L2oException;
import dev.l2o.model.StageEvent;
import dev.l2o.model.StageRowSink;
import dev.l2o.testing.FuzzCorpus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpportunityHistoryBytesTest {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    @TempDir
    Path folder;

    @Test
    void rowsReadAsBytesAreTheRowsOfTheEventPathOnGeneratedFilesWithEveryQuirk() throws IOException {
        for (int seed = 0; seed < 40; seed++) {
            // given
            Path file = Files.write(folder.resolve("generated-" + seed + ".csv"), generated(new Random(seed), 400));
            OpportunityHistoryCsv history = OpportunityHistoryCsv.open(file, "OpportunityHistory.csv");

            // when
            Rows bytes = viaBytes(history);

            // then
            assertThat(bytes.rows).as("seed " + seed).isEqualTo(viaEvents(history));
            assertThat(bytes.asBytes).as("seed " + seed + ": rows taken as bytes").isGreaterThan(bytes.rows.size() / 10);
            List<StageEvent> expectedEvents = events(history, true);
            assertThat(events(history, false)).as("seed " + seed + ": events").isEqualTo(expectedEvents);
            for (int blockBytes : new int[] {300, 1_000, 4_096}) {
                assertThat(viaBytes(history.withBlockBytes(blockBytes)).rows).as("seed " + seed + " in blocks of " + blockBytes)
                        .isEqualTo(bytes.rows);
                assertThat(events(history.withBlockBytes(blockBytes), false)).as("seed " + seed + ": events in blocks of "
                        + blockBytes).isEqualTo(expectedEvents);
            }
        }
    }

    @Test
    void regularFilesCutInBlocksOnTwoThreadsGiveEveryRowAsBytesInOrder() throws IOException {
        for (int seed = 0; seed < 20; seed++) {
            // given: only the common shapes, records of one or two lines (quoted line breaks cross many cuts)
            Random random = new Random(seed);
            StringBuilder text = new StringBuilder(seed % 2 == 0 ? "\uFEFF" : "");
            text.append("OpportunityId,StageName,Description,Amount,CloseDate,CreatedDate\n");
            int rows = 2_000 + random.nextInt(2_000);
            for (int i = 0; i < rows; i++) {
                text.append("006").append(random.nextInt(500)).append(',').append(random.nextBoolean() ? "Qualification" : "\"Closed, Won\"")
                        .append(',').append(random.nextInt(4) == 0 ? "\"two\nlines, \"\"quoted\"\"\"" : "plain").append(',')
                        .append(random.nextInt(100_000)).append(".5,2026-02-1").append(random.nextInt(10)).append(",2026-01-0")
                        .append(1 + random.nextInt(9)).append("T10:00:00.000+0000").append(i % 7 == 0 ? "\r\n" : "\n");
            }
            Path file = write(text.toString(), StandardCharsets.UTF_8);
            OpportunityHistoryCsv history = OpportunityHistoryCsv.open(file, "OpportunityHistory.csv");
            List<String> expected = viaEvents(history);

            for (int blockBytes : new int[] {97, 1_000, 10_000}) {
                // when
                Rows bytes = viaBytes(history.withBlockBytes(blockBytes));

                // then
                assertThat(bytes.rows).as("seed " + seed + " in blocks of " + blockBytes).isEqualTo(expected);
                assertThat(bytes.asBytes).isEqualTo(rows);
            }
        }
    }

    @Test
    void aFileOfTheCommonShapeGoesToTheSinkAsBytesOnly() throws IOException {
        // given
        Path file = write("""
                \uFEFFId,OpportunityId,StageName,Amount,Probability,CloseDate,ForecastCategory,CreatedDate,IsDeleted\r
                008A,006A,Qualification,1250.5,10,2026-03-31,Pipeline,2026-01-05T09:30:00.000+0000,false\r
                008B,"006B","Closed Won",,100,,Closed,2026-01-06T09:30:00Z,false\r
                008C,006C,Qualification,99,10,2026-03-31,Pipeline,2026-01-07T09:30:00Z,true\r
                """, StandardCharsets.UTF_8);
        OpportunityHistoryCsv history = OpportunityHistoryCsv.open(file, "OpportunityHistory.csv");

        // when
        Rows rows = viaBytes(history);

        // then
        assertThat(rows.rows).containsExactly(
                "006A|Qualification|" + Instant.parse("2026-01-05T09:30:00Z").toEpochMilli() + "|1250.5|20543",
                "006B|Closed Won|" + Instant.parse("2026-01-06T09:30:00Z").toEpochMilli() + "|NaN|" + StageRowSink.NO_DATE);
        assertThat(rows.asBytes).isEqualTo(2);
        assertThat(rows.rows).isEqualTo(viaEvents(history));
    }

    @Test
    void malformedRowsGiveTheEventPathsOneLineErrorWithFileAndLine() throws IOException {
        String header = "OpportunityId,StageName,Amount,CloseDate,Probability,ForecastCategory,CreatedDate\n";
        String good = "006A,Qualification,10,2026-01-31,10,Pipeline,2026-01-05T09:30:00Z\n";
        List<String> badRows = List.of(
                "006B,Qualification,ten,2026-01-31,10,Pipeline,2026-01-05T09:30:00Z\n",
                "006B,Qualification,10,2026-13-31,10,Pipeline,2026-01-05T09:30:00Z\n",
                "006B,Qualification,10,2026-01-31,x,Pipeline,2026-01-05T09:30:00Z\n",
                "006B,Qualification,10,2026-01-31,10,Maybe,2026-01-05T09:30:00Z\n",
                "006B,Qualification,10,2026-01-31,10,Pipeline,yesterday\n",
                "006B, ,10,2026-01-31,10,Pipeline,2026-01-05T09:30:00Z\n",
                ",Qualification,10,2026-01-31,10,Pipeline,2026-01-05T09:30:00Z\n",
                "006B,Qualification,10,2026-01-31,10,Pipeline\n",
                "006B,\"Quali\nfication\",10,2026-01-31,10,Pipeline,2026-01-05T09:30:00Z,extra\n",
                "006B,\"Qualification,10,2026-01-31,10,Pipeline,2026-01-05T09:30:00Z\n");
        for (String bad : badRows) {
            // given: the bad row on line 4, after a quoted field spanning two lines
            Path file = write(header + good + "006A,\"Needs\nAnalysis\",10,2026-01-31,10,Pipeline,2026-01-06T09:30:00Z\n"
                    + bad + good, StandardCharsets.UTF_8);
            OpportunityHistoryCsv history = OpportunityHistoryCsv.open(file, "OpportunityHistory.csv");

            // when
            String expected = failure(() -> viaEvents(history));

            // then
            assertThat(expected).as(bad).startsWith("OpportunityHistory.csv:").doesNotContain("\n");
            assertThat(failure(() -> viaBytes(history))).as(bad).isEqualTo(expected);
            assertThat(failure(() -> viaBytes(history.withBlockBytes(50)))).as(bad + " in blocks").isEqualTo(expected);
            assertThat(failure(() -> events(history, false))).as(bad + " as events").isEqualTo(expected);
            assertThat(failure(() -> events(history.withBlockBytes(50), false))).as(bad + " as events in blocks")
                    .isEqualTo(expected);
        }
    }

    @Test
    void mutatedHistoriesGiveTheSameRowsOrTheSameErrorOnBothPaths() throws IOException {
        List<byte[]> inputs = FuzzCorpus.mutants(HistoryCsvFuzzTest.class, "opportunityHistory", 1500);
        for (int i = 0; i < inputs.size(); i++) {
            // given
            Path file = Files.write(folder.resolve("mutant.csv"), inputs.get(i));
            OpportunityHistoryCsv history;
            try {
                history = OpportunityHistoryCsv.open(file, "mutant.csv");
            } catch (L2oException e) {
                continue;
            }

            // when
            Object events = outcome(() -> viaEvents(history));
            Object bytes = outcome(() -> viaBytes(history).rows);
            Object blocks = outcome(() -> viaBytes(history.withBlockBytes(64)).rows);
            Object fastCsvEvents = eventsOutcome(() -> events(history, true));
            Object byteEvents = eventsOutcome(() -> events(history, false));
            Object blockEvents = eventsOutcome(() -> events(history.withBlockBytes(64), false));

            // then
            assertThat(bytes).as("mutant " + i).isEqualTo(events);
            assertThat(blocks).as("mutant " + i + " in blocks").isEqualTo(events);
            assertThat(byteEvents).as("mutant " + i + " as events").isEqualTo(fastCsvEvents);
            assertThat(blockEvents).as("mutant " + i + " as events in blocks").isEqualTo(fastCsvEvents);
        }
    }

    @Test
    void anInvalidUtf8FileIsReadAsWindows1252OnBothPaths() throws IOException {
        // given
        Path file = write("OpportunityId,StageName,CreatedDate\n006\u00e9,N\u00e9gociation,2026-01-05 09:30:00\n", WINDOWS_1252);
        OpportunityHistoryCsv history = OpportunityHistoryCsv.open(file, "OpportunityHistory.csv");

        // when
        Rows rows = viaBytes(history);

        // then
        assertThat(rows.rows).containsExactly("006\u00e9|N\u00e9gociation|" + Instant.parse("2026-01-05T09:30:00Z").toEpochMilli()
                + "|NaN|" + StageRowSink.NO_DATE);
        assertThat(rows.asBytes).isEqualTo(1);
        assertThat(rows.rows).isEqualTo(viaEvents(history));
    }

    /** Rows as text: id, stage, epoch millis, amount, close day. */
    private static List<String> viaEvents(OpportunityHistoryCsv history) {
        List<String> rows = new ArrayList<>();
        history.forEachViaFastCsv(event -> rows.add(text(event)));
        return rows;
    }

    /** Whole events (nanoseconds, probability, forecast category included) through FastCSV or the byte readers. */
    private static List<StageEvent> events(OpportunityHistoryCsv history, boolean viaFastCsv) {
        List<StageEvent> events = new ArrayList<>();
        if (viaFastCsv) {
            history.forEachViaFastCsv(events::add);
        } else {
            history.forEach(events::add);
        }
        return events;
    }

    private record Rows(List<String> rows, int asBytes) {}

    private static Rows viaBytes(OpportunityHistoryCsv history) {
        List<String> rows = new ArrayList<>();
        int[] asBytes = {0};
        history.forEachRow(new StageRowSink() {
            @Override
            public void row(byte[] bytes, int recordIdFrom, int recordIdTo, int stageFrom, int stageTo, long epochMillis,
                    double amount, int closeEpochDay) {
                asBytes[0]++;
                rows.add(new String(bytes, recordIdFrom, recordIdTo - recordIdFrom, history.charset()) + "|"
                        + new String(bytes, stageFrom, stageTo - stageFrom, history.charset()) + "|" + epochMillis + "|"
                        + amount + "|" + closeEpochDay);
            }

            @Override
            public void event(StageEvent event) {
                rows.add(text(event));
            }
        });
        return new Rows(rows, asBytes[0]);
    }

    private static String text(StageEvent event) {
        return event.recordId() + "|" + event.stage() + "|" + event.at().toEpochMilli() + "|"
                + (event.amount() == null ? StageRowSink.NO_AMOUNT : event.amount()) + "|"
                + (event.closeDate() == null ? StageRowSink.NO_DATE : (int) event.closeDate().toEpochDay());
    }

    private static Object outcome(Supplier<List<String>> read) {
        try {
            return read.get();
        } catch (L2oException e) {
            return "error: " + e.getMessage();
        }
    }

    private static Object eventsOutcome(Supplier<List<StageEvent>> read) {
        try {
            return read.get();
        } catch (L2oException e) {
            return "error: " + e.getMessage();
        }
    }

    private static String failure(Runnable read) {
        try {
            read.run();
        } catch (L2oException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected an error");
    }

    private Path write(String text, Charset charset) throws IOException {
        return Files.write(folder.resolve("OpportunityHistory.csv"), text.getBytes(charset));
    }

    /**
     * A history file with random quirks: byte order mark, CRLF, quoted fields with commas, quotes and line breaks,
     * padded and empty values, both timestamp shapes and other offsets, numbers with exponents, labels, deleted rows.
     */
    private static byte[] generated(Random random, int rows) {
        boolean crlf = random.nextBoolean();
        String newline = crlf ? "\r\n" : "\n";
        boolean quoteAll = random.nextInt(3) == 0;
        StringBuilder text = new StringBuilder();
        if (random.nextBoolean()) {
            text.append('\uFEFF');
        }
        List<String> header = new ArrayList<>(List.of("Id", "OpportunityId", "StageName", "Amount", "Probability", "CloseDate",
                "ForecastCategory", "CreatedDate", "IsDeleted", "Description"));
        Collections.shuffle(header, random);
        appendRow(text, header, quoteAll, newline);
        String[] stages = {"Qualification", "Needs Analysis", "Closed Won", "Closed, Lost", "Say \"yes\"", " Padded ", "Caf\u00e9"};
        String[] descriptions = {"", "plain", "with, comma", "two\nlines", "quote \" inside", "crlf\r\ninside"};
        String[] forecasts = {"", "Pipeline", "BestCase", "Best Case", "Commit", "Omitted", "Closed"};
        for (int i = 0; i < rows; i++) {
            long seconds = 1_700_000_000L + random.nextInt(50_000_000);
            String created = switch (random.nextInt(8)) {
                case 0 -> Instant.ofEpochSecond(seconds).toString().replace('T', ' ').replace("Z", "");
                case 1 -> Instant.ofEpochSecond(seconds).toString().replace("Z", "+01:00");
                case 2 -> Instant.ofEpochSecond(seconds, random.nextInt(1000) * 1_000_000L).toString();
                default -> Instant.ofEpochSecond(seconds, random.nextInt(1000) * 1_000_000L).toString().replace("Z", "+0000");
            };
            String amount = switch (random.nextInt(6)) {
                case 0 -> "";
                case 1 -> String.valueOf(random.nextDouble() * 1e6);
                case 2 -> random.nextInt(100_000) + "." + random.nextInt(100);
                case 3 -> "1.5E" + random.nextInt(8);
                case 4 -> " " + random.nextInt(1000) + " ";
                default -> String.valueOf(random.nextInt(1_000_000));
            };
            String closeDate = switch (random.nextInt(4)) {
                case 0 -> "";
                case 1 -> "2026-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10) + "T00:00:00.000Z";
                default -> "2026-0" + (1 + random.nextInt(9)) + "-2" + random.nextInt(9);
            };
            String[] values = new String[header.size()];
            for (int c = 0; c < values.length; c++) {
                values[c] = switch (header.get(c)) {
                    case "Id" -> "008" + i;
                    case "OpportunityId" -> random.nextInt(10) == 0 ? " 006-" + random.nextInt(40) + " " : "006" + random.nextInt(40);
                    case "StageName" -> stages[random.nextInt(stages.length)];
                    case "Amount" -> amount;
                    case "Probability" -> random.nextBoolean() ? "" : String.valueOf(random.nextInt(101));
                    case "CloseDate" -> closeDate;
                    case "ForecastCategory" -> forecasts[random.nextInt(forecasts.length)];
                    case "CreatedDate" -> created;
                    case "IsDeleted" -> random.nextInt(10) == 0 ? "TRUE" : random.nextBoolean() ? "false" : "";
                    default -> descriptions[random.nextInt(descriptions.length)];
                };
            }
            appendRow(text, List.of(values), quoteAll, i + 1 == rows && random.nextBoolean() ? "" : newline);
        }
        Charset charset = random.nextInt(4) == 0 ? WINDOWS_1252 : StandardCharsets.UTF_8;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String content = charset.equals(WINDOWS_1252) ? text.toString().replace("\uFEFF", "") : text.toString();
        out.writeBytes(content.getBytes(charset));
        return out.toByteArray();
    }

    private static void appendRow(StringBuilder text, List<String> values, boolean quoteAll, String newline) {
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (i > 0) {
                text.append(',');
            }
            boolean quote = quoteAll || value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r");
            text.append(quote ? '"' + value.replace("\"", "\"\"") + '"' : value);
        }
        text.append(newline);
    }
}
