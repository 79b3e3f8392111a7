package io.datajax.runtime.kernel;

import java.util.Arrays;

/**
 * Assigns dense int codes (0, 1, 2, ... in first-seen order) to distinct strings with an open-addressing
 * table, so string keys can be hashed and compared as longs. Not thread-safe.
 */
public final class StringDictionary {
    private String[] strings = new String[16];
    private int[] hashes = new int[16];
    private int[] slots = new int[32]; // code + 1, or 0 when empty
    private int mask = 31;
    private int size;

    /** The code of {@code value}, assigning the next code when it is new. */
    public int codeOf(String value) {
        int hash = LongHashTable.mix(value.hashCode());
        int slot = hash & mask;
        while (true) {
            int entry = slots[slot];
            if (entry == 0) {
                return insert(value, hash, slot);
            }
            if (hashes[entry - 1] == hash && strings[entry - 1].equals(value)) {
                return entry - 1;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** The code of {@code value}, or -1 when it has none. */
    public int find(String value) {
        int hash = LongHashTable.mix(value.hashCode());
        int slot = hash & mask;
        while (true) {
            int entry = slots[slot];
            if (entry == 0) {
                return -1;
            }
            if (hashes[entry - 1] == hash && strings[entry - 1].equals(value)) {
                return entry - 1;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** The string with a code. */
    public String string(int code) {
        return strings[code];
    }

    /** The number of distinct strings. */
    public int size() {
        return size;
    }

    /** An estimate of the heap bytes held (excluding the strings, which the input columns own). */
    public long estimatedBytes() {
        return 4L * slots.length + 12L * strings.length;
    }

    private int insert(String value, int hash, int slot) {
        int code = size;
        if (code == strings.length) {
            strings = Arrays.copyOf(strings, code * 2);
            hashes = Arrays.copyOf(hashes, code * 2);
        }
        strings[code] = value;
        hashes[code] = hash;
        slots[slot] = code + 1;
        size++;
        if (size * 2 > slots.length) {
            slots = new int[slots.length * 2];
            mask = slots.length - 1;
            for (int c = 0; c < size; c++) {
                int s = hashes[c] & mask;
                while (slots[s] != 0) {
                    s = (s + 1) & mask;
                }
                slots[s] = c + 1;
            }
        }
        return code;
    }
}
