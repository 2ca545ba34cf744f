package dev.l2o.history;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import dev.l2o.model.StageEvent;
import dev.l2o.testing.FuzzCorpus;
import dev.l2o.testing.ReaderFuzzTest;
import dev.l2o.testing.ResultOrUserError;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryCsvFuzzTest {
    private static final long GIGABYTE = 1L << 30;

    @TempDir
    static Path folder;

    @ReaderFuzzTest
    void opportunityHistory(byte[] input) throws Exception {
        readOpportunities(input);
    }

    @ReaderFuzzTest
    void leadHistory(byte[] input) throws Exception {
        readLeads(input);
    }

    @Test
    void mutatedOpportunityHistoriesGiveRowsOrAOneLineUserError() {
        FuzzCorpus.check(getClass(), "opportunityHistory", 300, HistoryCsvFuzzTest::readOpportunities);
    }

    @Test
    void mutatedLeadHistoriesGiveRowsOrAOneLineUserError() {
        FuzzCorpus.check(getClass(), "leadHistory", 300, HistoryCsvFuzzTest::readLeads);
    }

    @Test
    void aGigabyteLineIsRefusedAtTheFieldLimitWithoutBeingBuffered() throws IOException {
        // given: a header, then one line of 1 GiB (a sparse file: no disk is used)
        Path file = folder.resolve("huge-line.csv");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(0);
            raf.write("OpportunityId,StageName,CreatedDate\n".getBytes(UTF_8));
            raf.setLength(raf.length() + GIGABYTE);
        }
        OpportunityHistoryCsv history = OpportunityHistoryCsv.open(file, "huge-line.csv");

        // when / then
        assertThatThrownBy(() -> history.forEach(event -> { }))
                .isInstanceOfSatisfying(L2oException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_HISTORY);
                    ResultOrUserError.assertUserError(e);
                })
                .hasMessage("huge-line.csv:2: a field is longer than " + HistoryCsv.MAX_FIELD_CHARACTERS
                        + " characters (is a quote left open?)");
    }

    @Test
    void anEndlessHeaderIsRefusedWhenTheFileIsOpened() throws IOException {
        // given: a quote that is never closed, twice as long as the limit
        Path file = Files.writeString(folder.resolve("huge-header.csv"), "\"OpportunityId" + "x".repeat(2 * HistoryCsv.MAX_FIELD_CHARACTERS));

        // when / then
        assertThatThrownBy(() -> LeadHistoryCsv.open(file, "huge-header.csv"))
                .isInstanceOf(L2oException.class)
                .hasMessage("huge-header.csv:1: a field is longer than " + HistoryCsv.MAX_FIELD_CHARACTERS
                        + " characters (is a quote left open?)");
    }

    @Test
    void tenThousandColumnsAreReadByName() throws Exception {
        // given
        byte[] wide = FuzzCorpus.seeds(getClass(), "opportunityHistory").stream()
                .filter(seed -> seed.length > 60_000)
                .findFirst()
                .orElseThrow();
        Path file = Files.write(folder.resolve("wide.csv"), wide);
        List<StageEvent> events = new ArrayList<>();

        // when
        OpportunityHistoryCsv.open(file, "wide.csv").forEach(events::add);

        // then
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.recordId()).isEqualTo("c");
            assertThat(event.at()).isEqualTo(Instant.parse("2026-03-01T10:15:30Z"));
        });
    }

    @Test
    void moreColumnsThanTheLimitAreAOneLineUserError() throws IOException {
        // given
        Path file = Files.writeString(folder.resolve("too-wide.csv"), "OpportunityId,StageName,CreatedDate\n" + ",".repeat(20_000) + "\n");
        OpportunityHistoryCsv history = OpportunityHistoryCsv.open(file, "too-wide.csv");

        // when / then
        assertThatThrownBy(() -> history.forEach(event -> { }))
                .isInstanceOf(L2oException.class)
                .hasMessage("too-wide.csv:2: Record starting at line 2 has surpassed the maximum limit of 16384 fields");
    }

    @Test
    void invalidUtf8IsReadAsWindows1252() throws IOException {
        // given
        Path file = Files.write(folder.resolve("latin.csv"),
                "OpportunityId,StageName,CreatedDate\n006,N\u00e9gociation,2026-03-01T10:15:30Z\n".getBytes(CsvCharset.WINDOWS_1252));
        List<StageEvent> events = new ArrayList<>();

        // when
        OpportunityHistoryCsv history = OpportunityHistoryCsv.open(file, "latin.csv");
        history.forEach(events::add);

        // then
        assertThat(history.charset()).isEqualTo(CsvCharset.WINDOWS_1252);
        assertThat(events).singleElement().extracting(StageEvent::stage).isEqualTo("N\u00e9gociation");
    }

    private static void readOpportunities(byte[] input) throws Exception {
        Path file = Files.write(folder.resolve("OpportunityHistory.csv"), input);
        ResultOrUserError.check(() -> OpportunityHistoryCsv.open(file, "data/OpportunityHistory.csv").forEach(event -> { }));
    }

    private static void readLeads(byte[] input) throws Exception {
        Path file = Files.write(folder.resolve("LeadHistory.csv"), input);
        ResultOrUserError.check(() -> LeadHistoryCsv.open(file, "data/LeadHistory.csv",
                lead -> lead.hashCode() % 2 == 0 ? Instant.parse("2026-01-01T00:00:00Z") : null).forEach(event -> { }));
    }
}
