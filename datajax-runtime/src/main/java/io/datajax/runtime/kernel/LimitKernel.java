package io.datajax.runtime.kernel;

import io.datajax.runtime.column.Column;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.datajax.runtime.column.Batch;

/** Keeps the first {@code count} rows in input order, of the whole input or of every key group. */
public final class LimitKernel {
    private LimitKernel() {
    }

    /** The first {@code count} rows of {@code input} (all of them when there are fewer). */
    public static Batch limit(Batch input, long count) {
        if (count >= input.rowCount()) {
            return input;
        }
        int[] rows = new int[(int) count];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i;
        }
        return input.gather(rows);
    }

    /**
     * The first {@code count} rows of every group of {@code keys} (null keys form a group), in input order; the
     * first {@code count} rows of all when there are no keys.
     */
    public static Batch limit(Batch input, long count, List<String> keys) {
        if (keys.isEmpty()) {
            return limit(input, count);
        }
        int rows = input.rowCount();
        List<Column> keyColumns = new ArrayList<>(keys.size());
        for (String key : keys) {
            keyColumns.add(input.column(key));
        }
        EncodedKeys encoded = new KeyEncoder(keys.size()).encode(keyColumns, true);
        KeyTable table = new KeyTable(keys.size(), Math.min(rows, 1 << 16));
        int[] taken = new int[16];
        IntArrayBuilder kept = new IntArrayBuilder(16);
        for (int row = 0; row < rows; row++) {
            int group = table.findOrInsert(encoded, row);
            if (group >= taken.length) {
                taken = Arrays.copyOf(taken, Math.max(group + 1, taken.length * 2));
            }
            if (taken[group] < count) {
                taken[group]++;
                kept.add(row);
            }
        }
        return kept.size() == rows ? input : input.gather(kept.toArray());
    }
}
