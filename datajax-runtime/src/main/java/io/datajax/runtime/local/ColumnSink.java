package io.datajax.runtime.local;

import io.datajax.ir.DataType;
import io.datajax.runtime.column.BooleanColumn;
import io.datajax.runtime.column.Column;
import io.datajax.runtime.column.DoubleColumn;
import io.datajax.runtime.column.IntColumn;
import io.datajax.runtime.column.LongColumn;
import io.datajax.runtime.column.StringColumn;
import io.datajax.runtime.vector.Vec;

/**
 * An output column being filled vector by vector, possibly by several threads writing disjoint ranges;
 * holds the physical array of its type (INT32 and DATE as {@code int[]}, no widening). The null mask is
 * allocated up front only when the expression can produce nulls, and dropped when none was written.
 */
final class ColumnSink {
    private final DataType type;
    private final int length;
    private int[] ints;
    private long[] longs;
    private double[] doubles;
    private boolean[] bools;
    private String[] strings;
    private final boolean[] nulls;

    ColumnSink(DataType type, int length, boolean nullable) {
        this.type = type;
        this.length = length;
        switch (type) {
            case INT32, DATE -> ints = new int[length];
            case INT64, TIMESTAMP -> longs = new long[length];
            case FLOAT64 -> doubles = new double[length];
            case BOOLEAN -> bools = new boolean[length];
            case STRING -> strings = new String[length];
            case NULL -> {
            }
        }
        nulls = nullable || type == DataType.NULL ? new boolean[length] : null;
    }

    /** Writes {@code vec[0..n)} to rows {@code [offset, offset + n)}. */
    void write(Vec vec, int n, int offset) {
        switch (type) {
            case INT32, DATE -> {
                long[] v = vec.longs;
                int[] o = ints;
                for (int i = 0; i < n; i++) {
                    o[offset + i] = (int) v[i];
                }
            }
            case INT64, TIMESTAMP -> System.arraycopy(vec.longs, 0, longs, offset, n);
            case FLOAT64 -> System.arraycopy(vec.doubles, 0, doubles, offset, n);
            case BOOLEAN -> System.arraycopy(vec.bools, 0, bools, offset, n);
            case STRING -> System.arraycopy(vec.strings, 0, strings, offset, n);
            case NULL -> {
            }
        }
        if (vec.hasNulls) {
            if (nulls == null) {
                throw new IllegalStateException("an expression compiled as never null produced a null");
            }
            System.arraycopy(vec.nulls, 0, nulls, offset, n);
        }
    }

    /** The filled column. */
    Column column() {
        boolean[] mask = null;
        if (nulls != null) {
            for (boolean isNull : nulls) {
                if (isNull) {
                    mask = nulls;
                    break;
                }
            }
        }
        return switch (type) {
            case INT32, DATE -> new IntColumn(type, ints, mask);
            case INT64, TIMESTAMP -> new LongColumn(type, longs, mask);
            case FLOAT64 -> new DoubleColumn(doubles, mask);
            case BOOLEAN -> new BooleanColumn(bools, mask);
            case STRING -> new StringColumn(strings, mask);
            case NULL -> Column.nulls(DataType.NULL, length);
        };
    }
}
