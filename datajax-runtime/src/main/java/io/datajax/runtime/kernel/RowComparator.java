package io.datajax.runtime.kernel;

import io.datajax.ir.DataType;
import io.datajax.runtime.column.Column;
import io.datajax.runtime.column.StringColumn;
import java.util.List;

/** Compares two rows (by id) of some columns; built once per column, not per row. */
@FunctionalInterface
public interface RowComparator {
    /** Negative, zero or positive as row {@code a} sorts before, with, or after row {@code b}. */
    int compare(int a, int b);

    /**
     * Orders rows by one column in {@link ValueOrder} (NaN above every number), ascending or descending,
     * with nulls first or last regardless of direction.
     */
    static RowComparator of(Column column, boolean ascending, boolean nullsFirst) {
        RowComparator values;
        if (column.type() == DataType.FLOAT64) {
            double[] v = column.doubleValues();
            values = (a, b) -> ValueOrder.compareDoubles(v[a], v[b]);
        } else if (column.type() == DataType.STRING) {
            String[] v = ((StringColumn) column).values();
            values = (a, b) -> v[a].compareTo(v[b]);
        } else if (column.type() == DataType.NULL) {
            values = (a, b) -> 0;
        } else {
            long[] v = column.longValues();
            values = (a, b) -> Long.compare(v[a], v[b]);
        }
        RowComparator directed = ascending ? values : (a, b) -> values.compare(b, a);
        if (!column.hasNulls()) {
            return directed;
        }
        boolean[] nulls = column.nulls();
        int nullSide = nullsFirst ? -1 : 1;
        return (a, b) -> {
            if (nulls[a]) {
                return nulls[b] ? 0 : nullSide;
            }
            return nulls[b] ? -nullSide : directed.compare(a, b);
        };
    }

    /** The lexicographic combination of several comparators. */
    static RowComparator lexicographic(List<RowComparator> comparators) {
        if (comparators.size() == 1) {
            return comparators.get(0);
        }
        RowComparator[] all = comparators.toArray(new RowComparator[0]);
        return (a, b) -> {
            for (RowComparator comparator : all) {
                int c = comparator.compare(a, b);
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        };
    }
}
