package dev.l2o.history;

import java.nio.charset.StandardCharsets;

/**
 * A field's bytes seen as characters, one a byte, for the readers of {@link HistoryCsv} that parse timestamps and
 * dates straight from a file's bytes. A byte above 127 reads as a character above 127, which no date or
 * timestamp shape accepts, so text outside ASCII is left to the reader of decoded text. Mutable and reused:
 * {@link #of} points it at another field; not thread-safe.
 */
final class AsciiSlice implements CharSequence {
    private byte[] bytes;
    private int from;
    private int length;

    /**
     * A slice of its own holding {@code text} a character a byte, every character outside ASCII as byte 0x80: for the
     * readers' text path, so that the parsers see one class of character sequence (C2 then compiles them for it
     * alone) and reject such a character as they reject any byte above 127.
     */
    static AsciiSlice ofText(String text) {
        byte[] bytes = new byte[text.length()];
        for (int i = 0; i < bytes.length; i++) {
            char c = text.charAt(i);
            bytes[i] = c < 0x80 ? (byte) c : (byte) 0x80;
        }
        return new AsciiSlice().of(bytes, 0, bytes.length);
    }

    /** Points this slice at {@code bytes[from..to)} and returns it. */
    AsciiSlice of(byte[] bytes, int from, int to) {
        this.bytes = bytes;
        this.from = from;
        this.length = to - from;
        return this;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public char charAt(int index) {
        return (char) (bytes[from + index] & 0xFF);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new String(bytes, from + start, end - start, StandardCharsets.ISO_8859_1);
    }

    @Override
    public String toString() {
        return subSequence(0, length).toString();
    }
}
