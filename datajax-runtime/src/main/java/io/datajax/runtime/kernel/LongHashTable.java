package io.datajax.runtime.kernel;

import java.util.Arrays;

/**
 * An open-addressing hash map from {@code long} keys to non-negative {@code int} values (linear probing,
 * load at most one half, no boxing). Not thread-safe.
 */
public final class LongHashTable {
    private static final int EMPTY = -1;

    private long[] keys;
    private int[] values;
    private int mask;
    private int size;

    /** An empty table sized for about {@code expectedSize} keys without resizing. */
    public LongHashTable(int expectedSize) {
        int capacity = capacityFor(expectedSize);
        keys = new long[capacity];
        values = new int[capacity];
        Arrays.fill(values, EMPTY);
        mask = capacity - 1;
    }

    static int capacityFor(int expectedSize) {
        long wanted = Math.max(16, 2L * Math.max(expectedSize, 1));
        return (int) Math.min(1 << 30, Long.highestOneBit(wanted - 1) << 1);
    }

    /** A well-mixed 32-bit hash of a long (the murmur3 finaliser). */
    public static int mix(long key) {
        key ^= key >>> 33;
        key *= 0xff51afd7ed558ccdL;
        key ^= key >>> 33;
        key *= 0xc4ceb9fe1a85ec53L;
        key ^= key >>> 33;
        return (int) key;
    }

    /** The value of {@code key}, or -1 when absent. */
    public int get(long key) {
        int slot = mix(key) & mask;
        while (true) {
            int value = values[slot];
            if (value == EMPTY) {
                return -1;
            }
            if (keys[slot] == key) {
                return value;
            }
            slot = (slot + 1) & mask;
        }
    }

    /**
     * Maps {@code key} to {@code value} unless it is already present.
     *
     * @param value the value to store, non-negative
     * @return the value already stored, or -1 when {@code value} was inserted
     */
    public int putIfAbsent(long key, int value) {
        if (value < 0) {
            throw new IllegalArgumentException("negative value " + value);
        }
        int slot = mix(key) & mask;
        while (true) {
            int existing = values[slot];
            if (existing == EMPTY) {
                keys[slot] = key;
                values[slot] = value;
                if (++size * 2 > keys.length) {
                    grow();
                }
                return -1;
            }
            if (keys[slot] == key) {
                return existing;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** The number of keys. */
    public int size() {
        return size;
    }

    /** An estimate of the heap bytes held. */
    public long estimatedBytes() {
        return 12L * keys.length;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        Arrays.fill(values, EMPTY);
        mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] != EMPTY) {
                int slot = mix(oldKeys[i]) & mask;
                while (values[slot] != EMPTY) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                values[slot] = oldValues[i];
            }
        }
    }
}
