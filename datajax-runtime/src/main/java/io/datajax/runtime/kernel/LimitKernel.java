package io.datajax.runtime.kernel;

import io.datajax.runtime.column.Batch;

/** Keeps the first {@code count} rows in input order. */
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
}
