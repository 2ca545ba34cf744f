package dev.l2o.history;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The charset of a CRM export: Salesforce's API and Data Loader write UTF-8, its weekly Data Export
 * Windows-1252. A file that decodes as UTF-8 from start to end (a byte order mark included) is UTF-8,
 * anything else Windows-1252, which maps every byte. Reads the file once, in blocks; thread-safe.
 */
public final class CsvCharset {
    /** Windows-1252, the charset of Salesforce's weekly Data Export. */
    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;

    private CsvCharset() {}

    /** Whether {@code bytes[0..length)} are all below 128, read eight at a time. */
    private static boolean isAscii(byte[] bytes, int length) {
        int i = 0;
        long high = 0;
        for (; i + Long.BYTES <= length; i += Long.BYTES) {
            high |= (long) LONGS.get(bytes, i);
        }
        for (; i < length; i++) {
            high |= bytes[i];
        }
        return (high & HIGH_BITS) == 0;
    }

    /**
     * Detects the charset of a file.
     *
     * @param displayName how an error names the file
     * @throws dev.l2o.error.L2oException {@link dev.l2o.error.ErrorCode#UNREADABLE_FILE} when it cannot be read
     */
    public static Charset detect(Path file, String displayName) {
        requireNonNull(file, "file is null");
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(64 * 1024);
        // Each byte decodes to at most one char, so the output never overflows.
        CharBuffer out = CharBuffer.allocate(64 * 1024);
        try (InputStream stream = Files.newInputStream(file)) {
            boolean end = false;
            while (!end) {
                int read = stream.read(in.array(), in.position(), in.remaining());
                end = read < 0;
                if (!end) {
                    in.position(in.position() + read);
                }
                in.flip();
                // Most exports are ASCII: a block of it (with no sequence left open before it) needs no decoding.
                if (isAscii(in.array(), in.limit())) {
                    in.clear();
                    continue;
                }
                CoderResult result = decoder.decode(in, out, end);
                if (result.isError()) {
                    return WINDOWS_1252;
                }
                in.compact();
                out.clear();
            }
            in.flip();
            return decoder.decode(in, out, true).isError() || decoder.flush(out).isError() ? WINDOWS_1252 : StandardCharsets.UTF_8;
        } catch (IOException e) {
            throw HistoryCsv.unreadable(displayName, e);
        }
    }
}
