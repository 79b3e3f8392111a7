package io.datajax.runtime.kernel;

import io.datajax.ir.plan.SortKey;
import io.datajax.runtime.column.Batch;
import java.util.ArrayList;
import java.util.List;

/**
 * Orders rows by sort keys with a stable merge sort over row ids (ties keep input order). Each key is
 * ascending or descending with nulls first or last; NaN sorts above every number.
 */
public final class SortKernel {
    private static final int INSERTION_SORT_LIMIT = 16;

    private SortKernel() {
    }

    /** The rows of {@code input} in key order. */
    public static Batch sort(Batch input, List<SortKey> keys) {
        return input.gather(order(input, keys));
    }

    /** The row ids of {@code input} in key order. */
    public static int[] order(Batch input, List<SortKey> keys) {
        List<RowComparator> comparators = new ArrayList<>(keys.size());
        for (SortKey key : keys) {
            comparators.add(RowComparator.of(input.column(key.column()), key.ascending(), key.nullsFirst()));
        }
        int[] rows = new int[input.rowCount()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i;
        }
        sort(rows, RowComparator.lexicographic(comparators));
        return rows;
    }

    /** Sorts row ids in place by {@code comparator}, stably. */
    public static void sort(int[] rows, RowComparator comparator) {
        if (rows.length < 2) {
            return;
        }
        int[] scratch = rows.clone();
        mergeSort(scratch, rows, 0, rows.length, comparator);
    }

    /** Sorts {@code dst[from, to)}, using {@code src} (holding the same values) as scratch. */
    private static void mergeSort(int[] src, int[] dst, int from, int to, RowComparator comparator) {
        if (to - from <= INSERTION_SORT_LIMIT) {
            for (int i = from + 1; i < to; i++) {
                int row = dst[i];
                int j = i - 1;
                while (j >= from && comparator.compare(dst[j], row) > 0) {
                    dst[j + 1] = dst[j];
                    j--;
                }
                dst[j + 1] = row;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(dst, src, from, mid, comparator);
        mergeSort(dst, src, mid, to, comparator);
        if (comparator.compare(src[mid - 1], src[mid]) <= 0) {
            System.arraycopy(src, from, dst, from, to - from);
            return;
        }
        int left = from;
        int right = mid;
        for (int i = from; i < to; i++) {
            if (right >= to || (left < mid && comparator.compare(src[left], src[right]) <= 0)) {
                dst[i] = src[left++];
            } else {
                dst[i] = src[right++];
            }
        }
    }
}
