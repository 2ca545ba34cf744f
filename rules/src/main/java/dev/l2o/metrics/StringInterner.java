package dev.l2o.metrics;

import java.util.Arrays;

/**
 * Numbers distinct strings 0, 1, 2… in order of first appearance, with one table slot and one reference per
 * distinct string (no boxed integers, no map entries), so that history rows can be kept as int columns.
 */
final class StringInterner {
    private static final int EMPTY = -1;

    private String[] values = new String[64];
    private int[] table = filled(128);
    private int size;

    /** The number of {@code value}, assigning the next one when it is new. */
    int intern(String value) {
        int mask = table.length - 1;
        int slot = spread(value.hashCode()) & mask;
        while (true) {
            int index = table[slot];
            if (index == EMPTY) {
                break;
            }
            if (values[index].equals(value)) {
                return index;
            }
            slot = (slot + 1) & mask;
        }
        if (size == values.length) {
            values = Arrays.copyOf(values, size + (size >> 1));
        }
        values[size] = value;
        table[slot] = size;
        size++;
        if (size * 2 > table.length) {
            rehash();
        }
        return size - 1;
    }

    String value(int index) {
        return values[index];
    }

    int size() {
        return size;
    }

    /** The table and reference array; the strings themselves are the ids the records keep anyway. */
    long retainedBytes() {
        return (long) table.length * Integer.BYTES + (long) values.length * Integer.BYTES;
    }

    private void rehash() {
        int[] bigger = filled(table.length * 2);
        int mask = bigger.length - 1;
        for (int index = 0; index < size; index++) {
            int slot = spread(values[index].hashCode()) & mask;
            while (bigger[slot] != EMPTY) {
                slot = (slot + 1) & mask;
            }
            bigger[slot] = index;
        }
        table = bigger;
    }

    private static int spread(int hash) {
        return hash ^ (hash >>> 16) ^ (hash >>> 7);
    }

    private static int[] filled(int length) {
        int[] table = new int[length];
        Arrays.fill(table, EMPTY);
        return table;
    }
}
