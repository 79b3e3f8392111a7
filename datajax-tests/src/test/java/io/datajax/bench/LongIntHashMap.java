package io.datajax.bench;

import java.util.Arrays;

/**
 * A primitive open-addressing hash map from {@code long} keys to dense slot numbers 0, 1, 2, ... in first-seen
 * order: what a hand-written group-by or hash join uses instead of {@code HashMap<Long, ...>}. Linear probing,
 * power-of-two capacity, load factor at most 1/2; empty cells hold {@link Long#MIN_VALUE}, and that key itself
 * gets a slot kept aside. Not thread-safe.
 */
final class LongIntHashMap {
    private static final long EMPTY = Long.MIN_VALUE;

    private long[] keys;
    private int[] slots;
    private int mask;
    private int size;
    private int emptyKeySlot = -1;

    LongIntHashMap(int expectedSize) {
        allocate(Integer.highestOneBit(Math.max(4, expectedSize) * 2 - 1) << 1);
    }

    /** The number of distinct keys. */
    int size() {
        return size;
    }

    /** The slot of {@code key}, adding it with the next slot number if it is new. */
    int slotOf(long key) {
        if (key == EMPTY) {
            if (emptyKeySlot < 0) {
                emptyKeySlot = size++;
            }
            return emptyKeySlot;
        }
        int i = hash(key) & mask;
        long k;
        while ((k = keys[i]) != EMPTY) {
            if (k == key) {
                return slots[i];
            }
            i = (i + 1) & mask;
        }
        keys[i] = key;
        slots[i] = size++;
        if (size * 2 > keys.length) {
            grow();
        }
        return size - 1;
    }

    /** The slot of {@code key}, or -1 if it is absent. */
    int find(long key) {
        if (key == EMPTY) {
            return emptyKeySlot;
        }
        int i = hash(key) & mask;
        long k;
        while ((k = keys[i]) != EMPTY) {
            if (k == key) {
                return slots[i];
            }
            i = (i + 1) & mask;
        }
        return -1;
    }

    /** The keys by slot number. */
    long[] keysBySlot() {
        long[] out = new long[size];
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY) {
                out[slots[i]] = keys[i];
            }
        }
        if (emptyKeySlot >= 0) {
            out[emptyKeySlot] = EMPTY;
        }
        return out;
    }

    private static int hash(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        Arrays.fill(keys, EMPTY);
        slots = new int[capacity];
        mask = capacity - 1;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldSlots = slots;
        allocate(oldKeys.length * 2);
        for (int j = 0; j < oldKeys.length; j++) {
            long key = oldKeys[j];
            if (key != EMPTY) {
                int i = hash(key) & mask;
                while (keys[i] != EMPTY) {
                    i = (i + 1) & mask;
                }
                keys[i] = key;
                slots[i] = oldSlots[j];
            }
        }
    }
}
