package dev.l2o.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import dev.l2o.model.StageEvent;
import dev.l2o.model.StageRowSink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileCharsetTest {
    @TempDir
    Path folder;

    @Test
    void asciiIsDecodedWithoutReadingTheFileTextOutsideAsciiDetectsItsCharset() {
        // given: a file that is not there, so that detecting its charset fails
        FileCharset charset = new FileCharset(folder.resolve("gone.csv"), "data/gone.csv");
        byte[] bytes = "0061000000AbCdE,Négociation".getBytes(CsvCharset.WINDOWS_1252);

        // when / then: ASCII needs no charset; an e-acute does
        assertThat(charset.decode(bytes, 0, 15)).isEqualTo("0061000000AbCdE");
        assertThatThrownBy(() -> charset.decode(bytes, 16, bytes.length))
                .isInstanceOfSatisfying(L2oException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNREADABLE_FILE))
                .hasMessageStartingWith("data/gone.csv: cannot read the file");
    }

    @Test
    void textOutsideAsciiIsDecodedInTheFilesCharset() throws IOException {
        String text = "Négociation, Qualifizierung →";
        Path utf8 = Files.writeString(folder.resolve("utf8.csv"), "a,b\n" + text + "\n", StandardCharsets.UTF_8);
        Path windows = Files.writeString(folder.resolve("w.csv"), "a,b\nNégociation\n", CsvCharset.WINDOWS_1252);
        byte[] utf8Bytes = text.getBytes(StandardCharsets.UTF_8);
        byte[] windowsBytes = "Négociation".getBytes(CsvCharset.WINDOWS_1252);

        assertThat(new FileCharset(utf8, "utf8.csv").decode(utf8Bytes, 0, utf8Bytes.length)).isEqualTo(text);
        assertThat(new FileCharset(windows, "w.csv").decode(windowsBytes, 0, windowsBytes.length)).isEqualTo("Négociation");
        assertThat(new FileCharset(windows, "w.csv").get()).isEqualTo(CsvCharset.WINDOWS_1252);
    }

    @Test
    void aHeaderOutsideAsciiIsReadInTheFilesCharset() throws IOException {
        // given: a Data Export in Windows-1252 with a column named in French before the ones read
        Path file = Files.writeString(folder.resolve("history.csv"), """
                Étape précédente,OpportunityId,StageName,CreatedDate
                Découverte,0061,Négociation,2025-11-03 14:05:09
                """, CsvCharset.WINDOWS_1252);
        OpportunityHistoryCsv history = OpportunityHistoryCsv.open(file, "history.csv");

        // when
        List<StageEvent> events = new ArrayList<>();
        history.forEach(events::add);
        List<String> rows = new ArrayList<>();
        history.forEachRow(new StageRowSink() {
            @Override
            public void row(byte[] bytes, int recordIdFrom, int recordIdTo, int stageFrom, int stageTo, long epochMillis,
                    double amount, int closeEpochDay) {
                rows.add(history.decode(bytes, recordIdFrom, recordIdTo) + "|" + history.decode(bytes, stageFrom, stageTo));
            }

            @Override
            public void event(StageEvent event) {
                rows.add("event " + event.stage());
            }
        });

        // then
        assertThat(events).extracting(StageEvent::stage).containsExactly("Négociation");
        assertThat(rows).containsExactly("0061|Négociation");
    }
}
