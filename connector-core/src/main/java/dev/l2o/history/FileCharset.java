package dev.l2o.history;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The charset of one export file ({@link CsvCharset#detect}), detected only when a text to decode needs it: ASCII
 * bytes are the same characters in UTF-8 and in Windows-1252, and most exports are ASCII throughout, so a file whose
 * decoded fields (the header, stage names, record ids) are all ASCII is never scanned as a whole. The scan of a
 * 230 MB file took 0.17 s of a 1.8 s metrics run, before the first row could be read. Thread-safe: the block
 * readers decode on their own threads.
 */
final class FileCharset {
    private final Path file;
    private final String displayName;
    private volatile Charset detected;

    /** The charset of {@code file}, named {@code displayName} in errors, not detected yet. */
    FileCharset(Path file, String displayName) {
        this.file = file;
        this.displayName = displayName;
    }

    /**
     * The file's charset, detected on the first call.
     *
     * @throws dev.l2o.error.L2oException {@link dev.l2o.error.ErrorCode#UNREADABLE_FILE} when the file cannot be read
     */
    Charset get() {
        Charset charset = detected;
        if (charset == null) {
            synchronized (this) {
                charset = detected;
                if (charset == null) {
                    charset = CsvCharset.detect(file, displayName);
                    detected = charset;
                }
            }
        }
        return charset;
    }

    /** The text of {@code bytes[from..to)} in the file's charset, which ASCII bytes do not need to know. */
    String decode(byte[] bytes, int from, int to) {
        return new String(bytes, from, to - from,
                CsvCharset.isAscii(bytes, from, to) ? StandardCharsets.ISO_8859_1 : get());
    }

    /** Whether {@code text}, read as ISO 8859-1 (a character a byte), holds only ASCII, which reads the same in any charset. */
    static boolean isAscii(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
