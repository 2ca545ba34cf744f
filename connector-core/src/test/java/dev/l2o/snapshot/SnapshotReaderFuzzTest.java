package dev.l2o.snapshot;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import dev.l2o.model.Snapshot;
import dev.l2o.testing.FuzzCorpus;
import dev.l2o.testing.ReaderFuzzTest;
import dev.l2o.testing.ResultOrUserError;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotReaderFuzzTest {
    @TempDir
    static Path folder;

    @ReaderFuzzTest
    void snapshot(byte[] input) throws Exception {
        read(input);
    }

    @Test
    void mutatedSeedsGiveASnapshotOrAOneLineUserError() {
        FuzzCorpus.check(getClass(), "snapshot", 100, SnapshotReaderFuzzTest::read);
    }

    @Test
    void aGzipBombIsRefusedLongBeforeItIsExpanded() throws IOException {
        // given: 1.1 MB of gzip that expands to 1 GiB of JSON whitespace inside a snapshot
        Path bomb = folder.resolve("bomb.json.gz");
        byte[] spaces = gzip(" ".repeat(1 << 20).getBytes(UTF_8));
        try (OutputStream out = Files.newOutputStream(bomb)) {
            out.write(gzip("{\"format\":\"l2o-snapshot\",\"version\":1,\"source\":".getBytes(UTF_8)));
            for (int i = 0; i < 1024; i++) {
                out.write(spaces);
            }
        }
        assertThat(Files.size(bomb)).isLessThan(2_000_000);

        // when / then
        assertThatThrownBy(() -> SnapshotReader.read(bomb))
                .isInstanceOfSatisfying(L2oException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.BAD_SNAPSHOT);
                    ResultOrUserError.assertUserError(e);
                })
                .hasMessageContaining("expands to more than")
                .hasMessageContaining("times its size");
    }

    @Test
    void aSnapshotThatExpandsWithinTheLimitIsRead() throws IOException {
        // given
        Path sample = folder.resolve("sample.json.gz");
        Files.write(sample, gzip(getClass().getResourceAsStream("sample-snapshot.json").readAllBytes()));

        // when
        Snapshot snapshot = SnapshotReader.read(sample);

        // then
        assertThat(snapshot.crm()).isEqualTo("salesforce");
    }

    @Test
    void deepNestingIsAOneLineUserError() throws IOException {
        // given: 100,000 nested arrays in a record value
        Path deep = Files.writeString(folder.resolve("deep.json"), "{\"format\":\"l2o-snapshot\",\"version\":1,\"records\":[{\"object\":\"Lead\",\"id\":\"1\",\"values\":{\"a\":"
                + "[".repeat(100_000) + "]".repeat(100_000) + "}}]}");

        // when / then
        assertThatThrownBy(() -> SnapshotReader.read(deep))
                .isInstanceOfSatisfying(L2oException.class, ResultOrUserError::assertUserError)
                .hasMessageContaining("deep.json, line 1, column");
    }

    private static void read(byte[] input) throws Exception {
        Path file = Files.write(folder.resolve("snapshot.json.gz"), input);
        ResultOrUserError.check(() -> {
            Snapshot snapshot = SnapshotReader.read(file);
            if (snapshot.history() != null) {
                snapshot.history().forEach(event -> { });
            }
        });
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.toByteArray();
    }
}
