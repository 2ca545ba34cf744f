package dev.l2o.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import dev.l2o.model.ForecastCategory;
import dev.l2o.model.StageEvent;
import dev.l2o.model.StageHistories;
import dev.l2o.model.StageHistory;
import dev.l2o.snapshot.ListStageHistory;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpportunityHistoryCsvTest {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    @TempDir
    Path folder;

    @Test
    void readsTheDataLoaderFlavourWithOffsetsMillisecondsAndApiValues() throws IOException {
        // given
        Path file = write("""
                "ID","OPPORTUNITYID","STAGENAME","AMOUNT","PROBABILITY","CLOSEDATE","FORECASTCATEGORY","CREATEDDATE"
                "008000000000001AAA","006000000000001AAA","Qualification","25000.0","10.0","2026-03-31","Pipeline","2026-01-05T09:30:00.000+0000"
                "008000000000002AAA","006000000000001AAA","Negotiation/Review","30000","80","2026-04-15","Forecast","2026-02-01T17:00:00Z"
                "008000000000003AAA","006000000000002AAA","Proposal/Price Quote","","","","BestCase","2026-02-03T08:00:00+0100"
                """, StandardCharsets.UTF_8);

        // when
        List<StageEvent> events = read(OpportunityHistoryCsv.open(file, "data/OpportunityHistory.csv"));

        // then
        assertThat(events).containsExactly(
                new StageEvent("Opportunity", "006000000000001AAA", "Qualification", Instant.parse("2026-01-05T09:30:00Z"),
                        25000.0, LocalDate.parse("2026-03-31"), 10.0, ForecastCategory.PIPELINE),
                new StageEvent("Opportunity", "006000000000001AAA", "Negotiation/Review", Instant.parse("2026-02-01T17:00:00Z"),
                        30000.0, LocalDate.parse("2026-04-15"), 80.0, ForecastCategory.COMMIT),
                new StageEvent("Opportunity", "006000000000002AAA", "Proposal/Price Quote", Instant.parse("2026-02-03T07:00:00Z"),
                        null, null, null, ForecastCategory.BEST_CASE));
    }

    @Test
    void sizeIsTheFileLengthSoThatReadersCanPlanMemoryAndConcatAndFilterPassItOn() throws IOException {
        // given
        Path file = write("""
                OpportunityId,StageName,CreatedDate
                006A,Qualification,2026-01-05T09:30:00Z
                """, StandardCharsets.UTF_8);
        OpportunityHistoryCsv history = OpportunityHistoryCsv.open(file, "data/OpportunityHistory.csv");
        StageHistory unknown = new ListStageHistory(List.of(), "listed", false);

        // when
        long size = history.sizeBytes();

        // then
        assertThat(size).isEqualTo(Files.size(file));
        assertThat(StageHistories.concat(history, history).sizeBytes()).isEqualTo(2 * size);
        assertThat(StageHistories.concat(history, unknown).sizeBytes()).isEqualTo(-1);
        assertThat(StageHistories.filter(history, row -> true, "kept").sizeBytes()).isEqualTo(size);
        Files.delete(file);
        assertThat(history.sizeBytes()).isEqualTo(-1);
    }

    @Test
    void readsTheWeeklyDataExportInWindows1252WithUtcTimestampsAndLabels() throws IOException {
        // given
        Path file = write("""
                "Id","OpportunityId","CreatedById","CreatedDate","StageName","Amount","Probability","ForecastCategory","CloseDate","IsDeleted"
                "0081","0061","0051","2025-11-03 14:05:09","Diseño Propuesta","1200","40","Best Case","2025-12-01","false"
                "0082","0061","0051","2025-11-10 08:00:00","Negotiation/Review","1200","80","Commit","2025-12-01","false"
                "0083","0061","0051","2025-11-11 08:00:00","Closed Lost","0","0","Omitted","2025-12-01","true"
                """, WINDOWS_1252);
        OpportunityHistoryCsv history = OpportunityHistoryCsv.open(file, "export.csv");

        // when
        List<StageEvent> events = read(history);

        // then
        assertThat(history.charset()).isEqualTo(WINDOWS_1252);
        assertThat(events).extracting(StageEvent::stage, StageEvent::at, StageEvent::forecastCategory).containsExactly(
                tuple("Diseño Propuesta", Instant.parse("2025-11-03T14:05:09Z"), ForecastCategory.BEST_CASE),
                tuple("Negotiation/Review", Instant.parse("2025-11-10T08:00:00Z"), ForecastCategory.COMMIT));
    }

    @Test
    void findsColumnsByNameInAnyOrderAndCase() throws IOException {
        // given
        Path file = write("""
                createddate,Extra,stagename,opportunityID
                2026-01-05T09:30:00Z,x,Prospecting,0061
                """, StandardCharsets.UTF_8);

        // when
        List<StageEvent> events = read(OpportunityHistoryCsv.open(file, "h.csv"));

        // then
        assertThat(events).containsExactly(new StageEvent("Opportunity", "0061", "Prospecting",
                Instant.parse("2026-01-05T09:30:00Z"), null, null, null, null));
    }

    @Test
    void readsUtf8WithAByteOrderMark() throws IOException {
        // given
        byte[] body = "OpportunityId,StageName,CreatedDate\n0061,Qualifizierung →,2026-01-05T09:30:00Z\n"
                .getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        Path file = Files.write(folder.resolve("bom.csv"), withBom);
        OpportunityHistoryCsv history = OpportunityHistoryCsv.open(file, "bom.csv");

        // when
        List<StageEvent> events = read(history);

        // then
        assertThat(history.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(events).extracting(StageEvent::recordId, StageEvent::stage).containsExactly(
                tuple("0061", "Qualifizierung →"));
    }

    @Test
    void rereadsTheFileOnEveryCall() throws IOException {
        // given
        Path file = write("OpportunityId,StageName,CreatedDate\n0061,Prospecting,2026-01-05T09:30:00Z\n", StandardCharsets.UTF_8);
        OpportunityHistoryCsv history = OpportunityHistoryCsv.open(file, "h.csv");
        read(history);
        Files.writeString(file, "OpportunityId,StageName,CreatedDate\n0061,Prospecting,2026-01-05T09:30:00Z\n"
                + "0061,Qualification,2026-01-06T09:30:00Z\n");

        // when
        List<StageEvent> events = read(history);

        // then
        assertThat(events).extracting(StageEvent::stage).containsExactly("Prospecting", "Qualification");
    }

    @Test
    void aBadTimestampNamesFileLineAndColumn() throws IOException {
        // given
        Path file = write("""
                OpportunityId,StageName,CreatedDate
                0061,Prospecting,2026-01-05T09:30:00Z
                0061,Qualification,05/01/2026 09:30
                """, StandardCharsets.UTF_8);
        OpportunityHistoryCsv history = OpportunityHistoryCsv.open(file, "data/OpportunityHistory.csv");

        // when / then
        assertThatThrownBy(() -> read(history))
                .isInstanceOfSatisfying(L2oException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_HISTORY))
                .hasMessageStartingWith("data/OpportunityHistory.csv:3: column CreatedDate: '05/01/2026 09:30' is not a timestamp");
    }

    @Test
    void timestampsOfEveryShapeReadTheSameInstant() throws IOException {
        // given
        Path file = write("""
                OpportunityId,StageName,CreatedDate
                a,S,2024-02-29T23:59:59.5Z
                b,S,2024-02-29 23:59:59.500
                c,S,2024-03-01T00:59:59.500+01:00
                d,S,2024-03-01T00:59:59.500000+0100
                e,S,2024-02-29T23:59:59.500+0000
                """, StandardCharsets.UTF_8);

        // when
        List<StageEvent> events = read(OpportunityHistoryCsv.open(file, "h.csv"));

        // then
        assertThat(events).extracting(StageEvent::at).containsOnly(Instant.parse("2024-02-29T23:59:59.500Z")).hasSize(5);
        assertThatThrownBy(() -> read(OpportunityHistoryCsv.open(write("OpportunityId,StageName,CreatedDate\na,S,2026-02-29 10:00:00\n",
                StandardCharsets.UTF_8), "h.csv"))).hasMessageStartingWith("h.csv:2: column CreatedDate: '2026-02-29 10:00:00' is not a timestamp");
    }

    @Test
    void theFastDateReadingAgreesWithJavaTimeOnEveryDayAndRejectsInvalidDates() {
        // given
        LocalDate first = LocalDate.of(1899, 12, 25);
        LocalDate last = LocalDate.of(2101, 1, 5);

        // when
        List<LocalDate> misread = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            long expected = day.toEpochDay();
            if (HistoryCsv.fastEpochDay(AsciiSlice.ofText(day.toString())) != expected
                    || HistoryCsv.fastEpochDay(AsciiSlice.ofText(day + "T10:00:00.000+0000")) != expected
                    || !Instant.ofEpochSecond(expected * 86400 + 36000).equals(HistoryCsv.fastTimestamp(day + "T10:00:00.000+0000"))) {
                misread.add(day);
            }
        }

        // then
        assertThat(misread).isEmpty();
        assertThat(List.of("2023-02-29", "2024-02-30", "2024-04-31", "2024-13-01", "2024-00-10", "2024-01-00", "24-01-01",
                "2024/01/01", "+2024-01-1", "2024-01-3a"))
                .allSatisfy(text -> assertThat(HistoryCsv.fastEpochDay(AsciiSlice.ofText(text))).isEqualTo(HistoryCsv.NO_DAY));
        assertThat(HistoryCsv.fastTimestamp("2024-01-01T10:00:00+0100")).isNull();
        assertThat(HistoryCsv.fastTimestamp("2024-01-01T10:00:00.1234567890Z")).isNull();
    }

    @Test
    void closeDatesAndForecastCategoriesReadTheSameInEveryShape() throws IOException {
        // given
        Path file = write("""
                OpportunityId,StageName,CreatedDate,CloseDate,ForecastCategory
                a,S,2026-01-05T09:30:00Z,2024-02-29,BestCase
                b,S,2026-01-05T09:30:00Z,2024-02-29T00:00:00.000Z,Best Case
                c,S,2026-01-05T09:30:00Z,2024-02-29 23:00,best_case
                """, StandardCharsets.UTF_8);

        // when
        List<StageEvent> events = read(OpportunityHistoryCsv.open(file, "h.csv"));

        // then
        assertThat(events).extracting(StageEvent::closeDate, StageEvent::forecastCategory)
                .containsOnly(tuple(LocalDate.of(2024, 2, 29), ForecastCategory.BEST_CASE)).hasSize(3);
        assertThatThrownBy(() -> read(OpportunityHistoryCsv.open(write(
                "OpportunityId,StageName,CreatedDate,CloseDate\na,S,2026-01-05T09:30:00Z,2023-02-29\n", StandardCharsets.UTF_8), "h.csv")))
                .hasMessageStartingWith("h.csv:2: column CloseDate: '2023-02-29' is not a date");
    }

    @Test
    void forecastCategorySpellingsMetBeforeReadTheSameOnEveryRowAndEveryRead() throws IOException {
        // given: more spellings than are remembered, each on several rows, then one that is no category
        List<String> spellings = List.of("Forecast", "Commit", "commit", "COMMIT", "Best Case", "BestCase", "best_case",
                "bestcase", "Pipeline", "pipeline", "PIPELINE", "Closed", "closed", "Omitted", "omitted", "Most Likely",
                "MostLikely", "mostlikely", "Forecast ", "Best case");
        StringBuilder csv = new StringBuilder("OpportunityId,StageName,CreatedDate,ForecastCategory\n");
        for (int round = 0; round < 3; round++) {
            for (String spelling : spellings) {
                csv.append("a,S,2026-01-05T09:30:00Z,\"").append(spelling).append("\"\n");
            }
        }
        OpportunityHistoryCsv history = OpportunityHistoryCsv.open(write(csv.toString(), StandardCharsets.UTF_8), "h.csv");
        List<ForecastCategory> expected = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            spellings.forEach(spelling -> expected.add(ForecastCategory.parse(spelling).orElseThrow()));
        }

        // when / then: twice through the same history, as parse reads each spelling
        assertThat(read(history)).extracting(StageEvent::forecastCategory).containsExactlyElementsOf(expected);
        assertThat(read(history)).extracting(StageEvent::forecastCategory).containsExactlyElementsOf(expected);
        Path unknown = write(csv + "a,S,2026-01-05T09:30:00Z,Forecasted\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> read(OpportunityHistoryCsv.open(unknown, "h.csv")))
                .hasMessageStartingWith("h.csv:62: column ForecastCategory: 'Forecasted' is not a forecast category");
    }

    @Test
    void aMissingRequiredColumnIsReportedWhenOpening() throws IOException {
        // given
        Path file = write("OpportunityId,CreatedDate\n0061,2026-01-05T09:30:00Z\n", StandardCharsets.UTF_8);

        // when / then
        assertThatThrownBy(() -> OpportunityHistoryCsv.open(file, "h.csv"))
                .isInstanceOfSatisfying(L2oException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_HISTORY))
                .hasMessage("h.csv:1: the header has no column StageName (required: OpportunityId, StageName, CreatedDate)");
    }

    @Test
    void anUnknownForecastCategoryAndAShortRowAreMalformed() throws IOException {
        // given
        Path badCategory = write("OpportunityId,StageName,CreatedDate,ForecastCategory\n0061,Prospecting,2026-01-05T09:30:00Z,Maybe\n",
                StandardCharsets.UTF_8);
        Path shortRow = Files.writeString(folder.resolve("short.csv"),
                "OpportunityId,StageName,CreatedDate\n0061,Prospecting\n");

        // when / then
        assertThatThrownBy(() -> read(OpportunityHistoryCsv.open(badCategory, "a.csv")))
                .hasMessageStartingWith("a.csv:2: column ForecastCategory: 'Maybe' is not a forecast category");
        assertThatThrownBy(() -> read(OpportunityHistoryCsv.open(shortRow, "b.csv")))
                .hasMessage("b.csv:2: the row has 2 fields but the header has 3");
    }

    @Test
    void aMissingFileIsUnreadable() {
        // when / then
        assertThatThrownBy(() -> OpportunityHistoryCsv.open(folder.resolve("absent.csv"), "absent.csv"))
                .isInstanceOfSatisfying(L2oException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNREADABLE_FILE))
                .hasMessageStartingWith("absent.csv: cannot read the file");
    }

    private Path write(String text, Charset charset) throws IOException {
        return Files.writeString(folder.resolve("history.csv"), text, charset);
    }

    private static List<StageEvent> read(OpportunityHistoryCsv history) {
        List<StageEvent> events = new ArrayList<>();
        history.forEach(events::add);
        return events;
    }
}
