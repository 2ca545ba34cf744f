package dev.l2o.metrics;

import java.util.Arrays;

/**
 * Numbers distinct strings 0, 1, 2… in order of first appearance, so that history rows can be kept as int
 * columns. The strings are copied into one char arena ({@code [index high, index low, length, chars…]}) and
 * found through an open-addressing table of {@code hash << 32 | arena offset}: a lookup reads the table and
 * the arena, two cache misses at most, where a map of String objects reads table, entry, String and its
 * array. With hundreds of thousands of record ids in random order, those misses are the cost of the lookup.
 *
 * <p>Short ids of ASCII letters and digits (Salesforce's 15/18-character ids, HubSpot's numeric ids: up to
 * {@value #PACKED_CHARS} characters) skip even the arena: they are packed, six bits a character, into two longs
 * kept in a second table next to their number, so a lookup is one cache miss. They are not copied to the arena:
 * {@link #value} unpacks them from the two longs kept by number (16 bytes an id, where the arena took 42 for an
 * 18-character id).
 */
final class StringInterner {
    private static final long EMPTY = 0;
    private static final int HEADER = 3;

    static final int PACKED_CHARS = 20;
    private static final int PACKED_HALF = PACKED_CHARS / 2;
    /** Slot stride of {@link #packed}: the id's first ten characters, the rest, its number + 1 (0: empty slot). */
    private static final int STRIDE = 3;

    private long[] table = new long[1024];
    private long[] packed = new long[1024 * STRIDE];
    private int packedSize;
    private char[] arena = new char[4096];
    /**
     * By number, two longs: a packed id's halves ({@link #packedFirst}, {@link #packedRest}), or -1 and the arena
     * offset of a string kept there.
     */
    private long[] numbers = new long[2 * 256];
    /** Offset 0 is never used, so that an empty table slot is 0. */
    private int arenaSize = 1;
    private int size;
    private int unpackedSize;

    /** The number of {@code value}, assigning the next one when it is new. */
    int intern(String value) {
        return intern(value, packedFirst(value), packedRest(value));
    }

    /**
     * The first half of {@code value} packed for {@link #intern(String, long, long)}; negative when the string is
     * kept in the arena instead. Needs no interner, so another thread can compute it.
     */
    static long packedFirst(String value) {
        int length = value.length();
        return length > 0 && length <= PACKED_CHARS ? pack(value, 0, Math.min(length, PACKED_HALF)) : -1;
    }

    /** The second half of {@code value} packed (0 when it is short); negative when the string is not packable. */
    static long packedRest(String value) {
        int length = value.length();
        return length > PACKED_HALF && length <= PACKED_CHARS ? pack(value, PACKED_HALF, length) : 0;
    }

    /** {@link #packedFirst(String)} of the ASCII text {@code bytes[from..to)}, one character a byte. */
    static long packedFirst(byte[] bytes, int from, int to) {
        int length = to - from;
        return length > 0 && length <= PACKED_CHARS ? pack(bytes, from, from + Math.min(length, PACKED_HALF)) : -1;
    }

    /** {@link #packedRest(String)} of the ASCII text {@code bytes[from..to)}. */
    static long packedRest(byte[] bytes, int from, int to) {
        int length = to - from;
        return length > PACKED_HALF && length <= PACKED_CHARS ? pack(bytes, from + PACKED_HALF, to) : 0;
    }

    /** The string that {@link #packedFirst} and {@link #packedRest} packed into {@code first} and {@code rest}. */
    static String unpack(long first, long rest) {
        char[] chars = new char[PACKED_CHARS];
        int length = unpack(first, chars, 0);
        length = unpack(rest, chars, length);
        return new String(chars, 0, length);
    }

    /** Writes the characters of one packed half at {@code at}; digits are never 0, so the length is in the value. */
    private static int unpack(long half, char[] chars, int at) {
        int count = half == 0 ? 0 : (63 - Long.numberOfLeadingZeros(half)) / 6 + 1;
        for (int i = 0; i < count; i++) {
            int digit = (int) (half >>> (6 * (count - 1 - i))) & 0x3F;
            chars[at + i] = (char) (digit <= 10 ? '0' + digit - 1 : digit <= 36 ? 'A' + digit - 11 : 'a' + digit - 37);
        }
        return at + count;
    }

    /**
     * Reads the table slot where {@code value} (packed as {@code first}, {@code rest}) would start its probe, and
     * returns what it read, for the caller to fold into a sum the JIT cannot drop. Touching the slots of a batch
     * of ids before interning them lets the processor wait for their cache misses at once instead of in turn.
     */
    long touch(long first, long rest) {
        if (first < 0 || rest < 0) {
            return 0;
        }
        return packed[packedSlotOf(first, rest, packed.length / STRIDE) * STRIDE + 2];
    }

    /**
     * {@link #intern(String)} with the halves {@link #packedFirst} and {@link #packedRest} already computed;
     * {@code value} may be null when the halves are a packed id.
     */
    int intern(String value, long first, long rest) {
        if (first >= 0 && rest >= 0) {
            return internPacked(first, rest);
        }
        int hash = value.hashCode();
        int mask = table.length - 1;
        int slot = slotOf(hash);
        while (true) {
            long entry = table[slot];
            if (entry == EMPTY) {
                break;
            }
            if ((int) (entry >>> 32) == hash) {
                int offset = (int) entry;
                if (matches(offset, value)) {
                    return (arena[offset] << 16) | arena[offset + 1];
                }
            }
            slot = (slot + 1) & mask;
        }
        int index = newNumber(-1, append(value));
        table[slot] = ((long) hash << 32) | numbers[2 * index + 1];
        unpackedSize++;
        if (unpackedSize * 2 > table.length) {
            rehash();
        }
        return index;
    }

    /**
     * Characters {@code from}..{@code to} of {@code value} as base-64 digits 1..62 (0-9, A-Z, a-z), so that no
     * two strings of up to ten such characters share a number; -1 when a character is something else.
     */
    private static long pack(String value, int from, int to) {
        long packedValue = 0;
        for (int i = from; i < to; i++) {
            int digit = digit(value.charAt(i));
            if (digit < 0) {
                return -1;
            }
            packedValue = packedValue << 6 | digit;
        }
        return packedValue;
    }

    private static long pack(byte[] bytes, int from, int to) {
        long packedValue = 0;
        for (int i = from; i < to; i++) {
            int digit = digit(bytes[i]);
            if (digit < 0) {
                return -1;
            }
            packedValue = packedValue << 6 | digit;
        }
        return packedValue;
    }

    /** A character as a base-64 digit 1..62 (0-9, A-Z, a-z), or -1. */
    private static int digit(int c) {
        if (c >= '0' && c <= '9') {
            return c - '0' + 1;
        } else if (c >= 'A' && c <= 'Z') {
            return c - 'A' + 11;
        } else if (c >= 'a' && c <= 'z') {
            return c - 'a' + 37;
        }
        return -1;
    }

    private int internPacked(long first, long rest) {
        int slots = packed.length / STRIDE;
        int mask = slots - 1;
        int slot = packedSlotOf(first, rest, slots);
        while (true) {
            int at = slot * STRIDE;
            long number = packed[at + 2];
            if (number == 0) {
                break;
            }
            if (packed[at] == first && packed[at + 1] == rest) {
                return (int) number - 1;
            }
            slot = (slot + 1) & mask;
        }
        int index = newNumber(first, rest);
        int at = slot * STRIDE;
        packed[at] = first;
        packed[at + 1] = rest;
        packed[at + 2] = index + 1L;
        packedSize++;
        if (packedSize * 2 > slots) {
            rehashPacked();
        }
        return index;
    }

    private static int packedSlotOf(long first, long rest, int slots) {
        long mixed = (first * 0x9E3779B97F4A7C15L) ^ (rest * 0xC2B2AE3D27D4EB4FL);
        mixed ^= mixed >>> 29;
        return (int) ((mixed * 0x9E3779B97F4A7C15L) >>> (64 - Integer.numberOfTrailingZeros(slots)));
    }

    private void rehashPacked() {
        long[] old = packed;
        packed = new long[old.length * 2];
        int slots = packed.length / STRIDE;
        int mask = slots - 1;
        for (int at = 0; at < old.length; at += STRIDE) {
            if (old[at + 2] != 0) {
                int slot = packedSlotOf(old[at], old[at + 1], slots);
                while (packed[slot * STRIDE + 2] != 0) {
                    slot = (slot + 1) & mask;
                }
                System.arraycopy(old, at, packed, slot * STRIDE, STRIDE);
            }
        }
    }

    /** Gives the next number to a packed id ({@code first}, {@code rest}) or to the arena string at {@code rest} (first -1). */
    private int newNumber(long first, long rest) {
        if (2 * size == numbers.length) {
            numbers = Arrays.copyOf(numbers, 2 * (size + (size >> 1)));
        }
        numbers[2 * size] = first;
        numbers[2 * size + 1] = rest;
        return size++;
    }

    String value(int index) {
        long first = numbers[2 * index];
        if (first >= 0) {
            return unpack(first, numbers[2 * index + 1]);
        }
        int offset = (int) numbers[2 * index + 1];
        return new String(arena, offset + HEADER, arena[offset + 2]);
    }

    int size() {
        return size;
    }

    /** The bytes of tables, arena and numbers (their capacity). */
    long retainedBytes() {
        return (long) table.length * Long.BYTES + (long) packed.length * Long.BYTES + (long) arena.length * Character.BYTES
                + (long) numbers.length * Long.BYTES;
    }

    private boolean matches(int offset, String value) {
        int length = value.length();
        if (arena[offset + 2] != length) {
            return false;
        }
        int start = offset + HEADER;
        for (int i = 0; i < length; i++) {
            if (arena[start + i] != value.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private int append(String value) {
        int length = value.length();
        if (length > Character.MAX_VALUE) {
            throw new IllegalArgumentException("id longer than " + (int) Character.MAX_VALUE + " characters");
        }
        int needed = arenaSize + HEADER + length;
        if (needed > arena.length) {
            arena = Arrays.copyOf(arena, Math.max(needed, arena.length + (arena.length >> 1)));
        }
        int offset = arenaSize;
        arena[offset] = (char) (size >>> 16);
        arena[offset + 1] = (char) size;
        arena[offset + 2] = (char) length;
        value.getChars(0, length, arena, offset + HEADER);
        arenaSize = needed;
        return offset;
    }

    private void rehash() {
        long[] old = table;
        table = new long[old.length * 2];
        int mask = table.length - 1;
        for (long entry : old) {
            if (entry != EMPTY) {
                int slot = slotOf((int) (entry >>> 32));
                while (table[slot] != EMPTY) {
                    slot = (slot + 1) & mask;
                }
                table[slot] = entry;
            }
        }
    }

    /**
     * Fibonacci hashing: the top bits of the hash times 2^32/φ. Record ids that differ in their last characters
     * have nearly consecutive String hashes, which would pile up in one run of an open-addressing table.
     */
    private int slotOf(int hash) {
        return (hash * 0x9E3779B9) >>> (32 - Integer.numberOfTrailingZeros(table.length));
    }
}
