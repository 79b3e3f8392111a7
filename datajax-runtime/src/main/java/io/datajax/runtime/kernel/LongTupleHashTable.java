package io.datajax.runtime.kernel;

import java.util.Arrays;

/**
 * An open-addressing hash table of fixed-width {@code long} tuples, each given a dense id (0, 1, 2, ... in
 * insertion order). Tuples are stored flat in one array; no boxing. Not thread-safe.
 */
public final class LongTupleHashTable {
    private final int width;
    private long[] tuples;
    private int[] hashes;
    private int[] slots; // id + 1, or 0 when empty
    private int mask;
    private int size;

    /** An empty table of tuples of {@code width} longs, sized for about {@code expectedSize} tuples. */
    public LongTupleHashTable(int width, int expectedSize) {
        if (width < 1) {
            throw new IllegalArgumentException("width must be at least 1, got " + width);
        }
        this.width = width;
        int capacity = LongHashTable.capacityFor(expectedSize);
        slots = new int[capacity];
        mask = capacity - 1;
        tuples = new long[width * Math.max(16, Math.min(expectedSize, 1 << 20))];
        hashes = new int[tuples.length / width];
    }

    /** The id of {@code tuple} (of {@link #width} longs), inserting it with the next id when absent. */
    public int findOrInsert(long[] tuple) {
        int hash = hash(tuple);
        int slot = hash & mask;
        while (true) {
            int entry = slots[slot];
            if (entry == 0) {
                return insert(tuple, hash, slot);
            }
            if (hashes[entry - 1] == hash && equalsAt(entry - 1, tuple)) {
                return entry - 1;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** The id of {@code tuple}, or -1 when absent. */
    public int find(long[] tuple) {
        int hash = hash(tuple);
        int slot = hash & mask;
        while (true) {
            int entry = slots[slot];
            if (entry == 0) {
                return -1;
            }
            if (hashes[entry - 1] == hash && equalsAt(entry - 1, tuple)) {
                return entry - 1;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** The number of tuples per key. */
    public int width() {
        return width;
    }

    /** Element {@code k} of the tuple with id {@code id}. */
    public long at(int id, int k) {
        return tuples[id * width + k];
    }

    /** The number of distinct tuples. */
    public int size() {
        return size;
    }

    /** An estimate of the heap bytes held. */
    public long estimatedBytes() {
        return 4L * slots.length + 8L * tuples.length + 4L * hashes.length;
    }

    private int insert(long[] tuple, int hash, int slot) {
        int id = size;
        if ((id + 1) * width > tuples.length) {
            tuples = Arrays.copyOf(tuples, tuples.length * 2);
            hashes = Arrays.copyOf(hashes, hashes.length * 2);
        }
        System.arraycopy(tuple, 0, tuples, id * width, width);
        hashes[id] = hash;
        slots[slot] = id + 1;
        size++;
        if (size * 2 > slots.length) {
            grow();
        }
        return id;
    }

    private boolean equalsAt(int id, long[] tuple) {
        int base = id * width;
        for (int i = 0; i < width; i++) {
            if (tuples[base + i] != tuple[i]) {
                return false;
            }
        }
        return true;
    }

    private int hash(long[] tuple) {
        long h = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < width; i++) {
            h = (h ^ tuple[i]) * 0xff51afd7ed558ccdL;
            h ^= h >>> 29;
        }
        return LongHashTable.mix(h);
    }

    private void grow() {
        slots = new int[slots.length * 2];
        mask = slots.length - 1;
        for (int id = 0; id < size; id++) {
            int slot = hashes[id] & mask;
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = id + 1;
        }
    }
}
