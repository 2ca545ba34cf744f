package dev.l2o.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvCharsetTest {
    private static final int BLOCK = 64 * 1024;

    @TempDir
    Path folder;

    @Test
    void asciiBlocksThenACharacterAcrossABlockBoundaryAreUtf8() throws IOException {
        for (int offset = -3; offset <= 1; offset++) {
            // given: a four-byte character whose bytes straddle the end of the first 64 KB block
            String text = "a".repeat(BLOCK + offset) + "\uD83D\uDE00" + "b".repeat(BLOCK);

            // when / then
            assertThat(detect(text.getBytes(StandardCharsets.UTF_8))).as("offset " + offset).isEqualTo(StandardCharsets.UTF_8);
        }
    }

    @Test
    void anInvalidByteAfterManyAsciiBlocksOrACutSequenceAtTheEndIsWindows1252() throws IOException {
        byte[] late = ("a".repeat(3 * BLOCK) + "\u00e9").getBytes(CsvCharset.WINDOWS_1252);
        byte[] cut = ("a".repeat(BLOCK - 1) + "\u00e9").getBytes(StandardCharsets.UTF_8);
        byte[] truncated = Arrays.copyOf(cut, cut.length - 1);

        assertThat(detect(late)).isEqualTo(CsvCharset.WINDOWS_1252);
        assertThat(detect(cut)).isEqualTo(StandardCharsets.UTF_8);
        assertThat(detect(truncated)).isEqualTo(CsvCharset.WINDOWS_1252);
        assertThat(detect("ascii only".getBytes(StandardCharsets.US_ASCII))).isEqualTo(StandardCharsets.UTF_8);
        assertThat(detect(new byte[0])).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void aLargeFileCheckedInTwoHalvesGivesTheCharsetOfTheWhole() throws IOException {
        int half = 5 << 20;
        for (int at : new int[] {10, half - 1, half, half + 1, 2 * half - 2}) {
            // given: ten megabytes of ASCII with one e-acute at {@code at}, in UTF-8 and in Windows-1252
            String text = "a".repeat(at) + "\u00e9" + "a".repeat(2 * half - at);

            // when / then
            assertThat(detect(text.getBytes(StandardCharsets.UTF_8))).as("UTF-8 at " + at).isEqualTo(StandardCharsets.UTF_8);
            assertThat(detect(text.getBytes(CsvCharset.WINDOWS_1252))).as("Windows-1252 at " + at)
                    .isEqualTo(CsvCharset.WINDOWS_1252);
        }
    }

    private Charset detect(byte[] bytes) throws IOException {
        return CsvCharset.detect(Files.write(folder.resolve("export.csv"), bytes), "export.csv");
    }
}
