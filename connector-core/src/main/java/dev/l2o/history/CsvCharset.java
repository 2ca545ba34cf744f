package dev.l2o.history;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The charset of a CRM export: Salesforce's API and Data Loader write UTF-8, its weekly Data Export
 * Windows-1252. A file that decodes as UTF-8 from start to end (a byte order mark included) is UTF-8,
 * anything else Windows-1252, which maps every byte. Reads the file once, in blocks (a large file in two halves
 * on two threads); thread-safe.
 */
public final class CsvCharset {
    /** Windows-1252, the charset of Salesforce's weekly Data Export. */
    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;

    private CsvCharset() {}

    /** Whether {@code bytes[from..to)} are all below 128, read eight at a time. */
    static boolean isAscii(byte[] bytes, int from, int to) {
        int i = from;
        long high = 0;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            high |= (long) LONGS.get(bytes, i);
        }
        for (; i < to; i++) {
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
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            long split = size > PARALLEL_BYTES && Runtime.getRuntime().availableProcessors() >= 2
                    ? asciiAfter(channel, size / 2) : -1;
            boolean utf8;
            if (split < 0) {
                utf8 = isUtf8(channel, 0, size);
            } else {
                // A character never spans an ASCII byte, so the file is UTF-8 exactly when both halves are.
                CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(() -> isUtf8Unchecked(channel, split, size));
                utf8 = isUtf8(channel, 0, split) & second.join();
            }
            return utf8 ? StandardCharsets.UTF_8 : WINDOWS_1252;
        } catch (IOException e) {
            throw HistoryCsv.unreadable(displayName, e);
        } catch (CompletionException e) {
            throw HistoryCsv.unreadable(displayName, e.getCause() instanceof UncheckedIOException io ? io.getCause()
                    : new IOException(e.getCause()));
        }
    }

    /** Files above this size are checked in two halves on two threads. */
    private static final long PARALLEL_BYTES = 8L << 20;
    private static final int BLOCK = 64 * 1024;

    /** The offset of the first ASCII byte at or after {@code from} within a block, or -1. */
    private static long asciiAfter(FileChannel channel, long from) throws IOException {
        ByteBuffer window = ByteBuffer.allocate(BLOCK);
        channel.read(window, from);
        for (int i = 0; i < window.position(); i++) {
            if (window.get(i) >= 0) {
                return from + i;
            }
        }
        return -1;
    }

    private static boolean isUtf8Unchecked(FileChannel channel, long from, long to) {
        try {
            return isUtf8(channel, from, to);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether bytes {@code from..to} of the file decode as UTF-8, as a whole. */
    private static boolean isUtf8(FileChannel channel, long from, long to) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(BLOCK);
        // Each byte decodes to at most one char, so the output never overflows.
        CharBuffer out = CharBuffer.allocate(BLOCK);
        long position = from;
        boolean end = false;
        while (!end) {
            in.limit((int) Math.min(in.capacity(), in.position() + (to - position)));
            int read = in.hasRemaining() ? channel.read(in, position) : -1;
            end = read < 0 || position + read >= to;
            if (read > 0) {
                position += read;
            }
            in.flip();
            // Most exports are ASCII: a block of it (with no sequence left open before it) needs no decoding.
            if (isAscii(in.array(), 0, in.limit())) {
                in.clear();
                continue;
            }
            if (decoder.decode(in, out, end).isError()) {
                return false;
            }
            in.compact();
            out.clear();
        }
        in.flip();
        return !decoder.decode(in, out, true).isError() && !decoder.flush(out).isError();
    }
}
