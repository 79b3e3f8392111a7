package io.datajax.runtime.kernel;

/**
 * Assigns dense ids (0, 1, 2, ... in first-seen order) to distinct encoded key tuples, a null key being a
 * value of its own. One key column uses a {@link LongHashTable} plus one id for null; several use a
 * {@link LongTupleHashTable} over the codes and the row's null bits.
 */
final class KeyTable {
    private final int width;
    private final LongHashTable single;
    private final LongTupleHashTable multi;
    private final long[] scratch;
    private int nullId = -1;
    private int size;

    KeyTable(int width, int expectedSize) {
        this.width = width;
        if (width == 1) {
            single = new LongHashTable(expectedSize);
            multi = null;
            scratch = null;
        } else {
            single = null;
            multi = new LongTupleHashTable(width + 1, expectedSize);
            scratch = new long[width + 1];
        }
    }

    /** The id of the row's key, assigning the next id when it is new. */
    int findOrInsert(EncodedKeys keys, int row) {
        if (single != null) {
            if (keys.anyNull(row)) {
                if (nullId < 0) {
                    nullId = size++;
                }
                return nullId;
            }
            int existing = single.putIfAbsent(keys.codes()[0][row], size);
            return existing >= 0 ? existing : size++;
        }
        int id = multi.findOrInsert(tuple(keys, row));
        size = multi.size();
        return id;
    }

    /** The id of the row's key, or -1 when it was never inserted. */
    int find(EncodedKeys keys, int row) {
        if (single != null) {
            return keys.anyNull(row) ? nullId : single.get(keys.codes()[0][row]);
        }
        return multi.find(tuple(keys, row));
    }

    /** The number of distinct keys. */
    int size() {
        return size;
    }

    /** An estimate of the heap bytes held. */
    long estimatedBytes() {
        return single != null ? single.estimatedBytes() : multi.estimatedBytes();
    }

    private long[] tuple(EncodedKeys keys, int row) {
        long[][] codes = keys.codes();
        for (int k = 0; k < width; k++) {
            scratch[k] = codes[k][row];
        }
        scratch[width] = keys.nullBits(row);
        return scratch;
    }
}
