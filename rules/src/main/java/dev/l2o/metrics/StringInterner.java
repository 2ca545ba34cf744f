package dev.l2o.metrics;

import java.util.Arrays;

/**
 * Numbers distinct strings 0, 1, 2… in order of first appearance, so that history rows can be kept as int
 * columns. The strings are copied into one char arena ({@code [index high, index low, length, chars…]}) and
 * found through an open-addressing table of {@code hash << 32 | arena offset}: a lookup reads the table and
 * the arena, two cache misses at most, where a map of String objects reads table, entry, String and its
 * array. With hundreds of thousands of record ids in random order, those misses are the cost of the lookup.
 */
final class StringInterner {
    private static final long EMPTY = 0;
    private static final int HEADER = 3;

    private long[] table = new long[1024];
    private char[] arena = new char[4096];
    /** Arena offset of each string, by number. */
    private int[] offsets = new int[256];
    /** Offset 0 is never used, so that an empty table slot is 0. */
    private int arenaSize = 1;
    private int size;

    /** The number of {@code value}, assigning the next one when it is new. */
    int intern(String value) {
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
        int offset = append(value);
        table[slot] = ((long) hash << 32) | offset;
        if (size == offsets.length) {
            offsets = Arrays.copyOf(offsets, size + (size >> 1));
        }
        offsets[size] = offset;
        size++;
        if (size * 2 > table.length) {
            rehash();
        }
        return size - 1;
    }

    String value(int index) {
        int offset = offsets[index];
        return new String(arena, offset + HEADER, arena[offset + 2]);
    }

    int size() {
        return size;
    }

    /** The bytes of table, arena and offsets (their capacity). */
    long retainedBytes() {
        return (long) table.length * Long.BYTES + (long) arena.length * Character.BYTES + (long) offsets.length * Integer.BYTES;
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
