package io.datajax.runtime.kernel;

import java.util.Arrays;

/**
 * An open-addressing hash map from {@code long} keys to non-negative {@code int} values (linear probing,
 * load at most one half, no boxing). Not thread-safe.
 */
public final class LongHashTable {
    private static final long EMPTY = -1;

    /** Slot {@code i} holds its key at {@code 2 i} and its value (or EMPTY) at {@code 2 i + 1}: one cache line per probe. */
    private long[] slots;
    private int mask;
    private int size;

    /** An empty table sized for about {@code expectedSize} keys without resizing. */
    public LongHashTable(int expectedSize) {
        allocate(capacityFor(expectedSize));
    }

    private void allocate(int capacity) {
        slots = new long[2 * capacity];
        for (int i = 1; i < slots.length; i += 2) {
            slots[i] = EMPTY;
        }
        mask = capacity - 1;
    }

    static int capacityFor(int expectedSize) {
        long wanted = Math.max(16, 2L * Math.max(expectedSize, 1));
        return (int) Math.min(1 << 29, Long.highestOneBit(wanted - 1) << 1);
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
        long[] t = slots;
        int slot = mix(key) & mask;
        while (true) {
            long value = t[2 * slot + 1];
            if (value == EMPTY) {
                return -1;
            }
            if (t[2 * slot] == key) {
                return (int) value;
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
        return putIfAbsent(key, mix(key), value);
    }

    /** As {@link #putIfAbsent(long, int)} with {@code hash == mix(key)} computed by the caller; {@code value >= 0}. */
    public int putIfAbsent(long key, int hash, int value) {
        long[] t = slots;
        int m = mask;
        int slot = hash & m;
        while (true) {
            long existing = t[2 * slot + 1];
            if (existing == EMPTY) {
                t[2 * slot] = key;
                t[2 * slot + 1] = value;
                if (++size * 2 > m + 1) {
                    grow();
                }
                return -1;
            }
            if (t[2 * slot] == key) {
                return (int) existing;
            }
            slot = (slot + 1) & m;
        }
    }

    /** The number of keys. */
    public int size() {
        return size;
    }

    /** An estimate of the heap bytes held. */
    public long estimatedBytes() {
        return 8L * slots.length;
    }

    private void grow() {
        long[] old = slots;
        allocate(old.length);
        long[] t = slots;
        for (int i = 0; i < old.length; i += 2) {
            if (old[i + 1] != EMPTY) {
                int slot = mix(old[i]) & mask;
                while (t[2 * slot + 1] != EMPTY) {
                    slot = (slot + 1) & mask;
                }
                t[2 * slot] = old[i];
                t[2 * slot + 1] = old[i + 1];
            }
        }
    }
}
