package dev.l2o.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import dev.l2o.model.StageEvent;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeadHistoryCsvTest {
    @TempDir
    Path folder;

    @Test
    void readsTheDataLoaderFlavourSkippingOtherFieldsAndStartingEachLeadAtItsFirstOldValue() throws IOException {
        // given
        Path file = write("""
                "Id","LeadId","CreatedById","CreatedDate","Field","DataType","OldValue","NewValue","IsDeleted"
                "0171","00Q1","0051","2026-01-05T09:00:00.000+0000","created","","","","false"
                "0172","00Q1","0051","2026-01-07T10:00:00.000+0000","Status","Text","Marketing Qualified","Sales Qualified","false"
                "0173","00Q1","0051","2026-01-06T10:00:00Z","Status","Text","Open - Not Contacted","Marketing Qualified","false"
                "0174","00Q1","0051","2026-01-08T10:00:00Z","Rating","Text","Warm","Hot","false"
                "0175","00Q2","0051","2026-01-09T10:00:00Z","leadConverted","","","","false"
                "0176","00Q2","0051","2026-01-09T11:00:00Z","status","Text","Working","Closed - Converted","false"
                "0177","00Q2","0051","2026-01-10T11:00:00Z","Status","Text","Closed - Converted","Recycled","true"
                """, StandardCharsets.UTF_8);

        // when
        List<StageEvent> events = read(LeadHistoryCsv.open(file, "data/LeadHistory.csv"));

        // then
        assertThat(events).containsExactly(
                lead("00Q1", "Sales Qualified", "2026-01-07T10:00:00Z"),
                lead("00Q1", "Open - Not Contacted", "2026-01-06T10:00:00Z"),
                lead("00Q1", "Marketing Qualified", "2026-01-06T10:00:00Z"),
                lead("00Q2", "Working", "2026-01-09T11:00:00Z"),
                lead("00Q2", "Closed - Converted", "2026-01-09T11:00:00Z"));
    }

    @Test
    void readsTheWeeklyDataExportInWindows1252WithColumnsInAnyOrderAndCase() throws IOException {
        // given
        Path file = write("""
                NEWVALUE,createddate,FIELD,leadid,OLDVALUE
                Calificación,2025-11-03 14:05:09,Status,00Q1,Abierto
                """, CsvCharset.WINDOWS_1252);
        LeadHistoryCsv history = LeadHistoryCsv.open(file, "export.csv");

        // when
        List<StageEvent> events = read(history);

        // then
        assertThat(history.charset()).isEqualTo(CsvCharset.WINDOWS_1252);
        assertThat(events).extracting(StageEvent::object, StageEvent::stage, StageEvent::at).containsExactly(
                tuple("Lead", "Abierto", Instant.parse("2025-11-03T14:05:09Z")),
                tuple("Lead", "Calificación", Instant.parse("2025-11-03T14:05:09Z")));
    }

    @Test
    void placesTheInitialStatusAtTheLeadsCreatedDateWhenItIsKnown() throws IOException {
        // given
        Path file = write("""
                LeadId,Field,OldValue,NewValue,CreatedDate
                00Q1,Status,Open - Not Contacted,Marketing Qualified,2026-01-06T10:00:00Z
                00Q2,Status,Open - Not Contacted,Recycled,2026-01-06T11:00:00Z
                """, StandardCharsets.UTF_8);
        Map<String, Instant> created = Map.of("00Q1", Instant.parse("2026-01-01T08:00:00Z"));

        // when
        List<StageEvent> events = read(LeadHistoryCsv.open(file, "h.csv", created::get));

        // then
        assertThat(events).extracting(StageEvent::recordId, StageEvent::stage, StageEvent::at).containsExactly(
                tuple("00Q1", "Open - Not Contacted", Instant.parse("2026-01-01T08:00:00Z")),
                tuple("00Q1", "Marketing Qualified", Instant.parse("2026-01-06T10:00:00Z")),
                tuple("00Q2", "Open - Not Contacted", Instant.parse("2026-01-06T11:00:00Z")),
                tuple("00Q2", "Recycled", Instant.parse("2026-01-06T11:00:00Z")));
    }

    @Test
    void readsTheSameRowsOnEveryPass() throws IOException {
        // given
        LeadHistoryCsv history = LeadHistoryCsv.open(write("""
                LeadId,Field,OldValue,NewValue,CreatedDate
                00Q1,Status,Open - Not Contacted,Marketing Qualified,2026-01-06T10:00:00Z
                """, StandardCharsets.UTF_8), "h.csv");

        // when
        List<StageEvent> first = read(history);
        List<StageEvent> second = read(history);

        // then
        assertThat(second).hasSize(2).isEqualTo(first);
    }

    @Test
    void namesFileLineAndColumnOfABadTimestamp() throws IOException {
        // given
        Path file = write("""
                LeadId,Field,OldValue,NewValue,CreatedDate
                00Q1,Status,Open - Not Contacted,Marketing Qualified,2026-01-06T10:00:00Z
                00Q1,Status,Marketing Qualified,Sales Qualified,yesterday
                """, StandardCharsets.UTF_8);
        LeadHistoryCsv history = LeadHistoryCsv.open(file, "data/LeadHistory.csv");

        // when / then
        assertThatThrownBy(() -> read(history))
                .isInstanceOfSatisfying(L2oException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_HISTORY))
                .hasMessage("data/LeadHistory.csv:3: column CreatedDate: 'yesterday' is not a timestamp "
                        + "(expected 2026-03-01T10:15:30.000+0000 or 2026-03-01 10:15:30)");
    }

    @Test
    void rejectsAHeaderWithoutARequiredColumn() throws IOException {
        // given
        Path file = write("LeadId,OldValue,NewValue,CreatedDate\n", StandardCharsets.UTF_8);

        // when / then
        assertThatThrownBy(() -> LeadHistoryCsv.open(file, "h.csv"))
                .hasMessage("h.csv:1: the header has no column Field (required: LeadId, Field, OldValue, NewValue, CreatedDate)");
    }

    private static StageEvent lead(String id, String status, String at) {
        return new StageEvent("Lead", id, status, Instant.parse(at), null, null, null, null);
    }

    private Path write(String text, Charset charset) throws IOException {
        Path file = folder.resolve("history-" + System.nanoTime() + ".csv");
        Files.writeString(file, text, charset);
        return file;
    }

    private static List<StageEvent> read(LeadHistoryCsv history) {
        List<StageEvent> events = new ArrayList<>();
        history.forEach(events::add);
        return events;
    }
}
