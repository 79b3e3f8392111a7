package io.datajax.runtime.column;

import static java.util.Objects.requireNonNull;

import io.datajax.ir.DataType;

/** An INT64 column, or a TIMESTAMP column of microseconds since 1970-01-01T00:00, over a {@code long[]}. */
public final class LongColumn extends Column {
    private final long[] values;

    /** A column of type INT64 or TIMESTAMP. */
    public LongColumn(DataType type, long[] values, boolean[] nulls) {
        super(type, requireNonNull(values, "values is null").length, nulls);
        if (type != DataType.INT64 && type != DataType.TIMESTAMP) {
            throw new IllegalArgumentException("LongColumn holds INT64 or TIMESTAMP, not " + type);
        }
        this.values = values;
    }

    /** The backing values; read-only. */
    public long[] values() {
        return values;
    }

    /** The value of a row (unspecified at null rows). */
    public long get(int row) {
        return values[row];
    }

    @Override
    public Object value(int row) {
        if (isNull(row)) {
            return null;
        }
        return type() == DataType.TIMESTAMP ? fromEpochMicros(values[row]) : (Object) values[row];
    }

    @Override
    public long longAt(int row) {
        return values[row];
    }

    @Override
    public double doubleAt(int row) {
        return values[row];
    }

    @Override
    public long[] longValues() {
        return values;
    }

    @Override
    public LongColumn gather(int[] rows) {
        long[] out = new long[rows.length];
        for (int i = 0; i < rows.length; i++) {
            int row = rows[i];
            out[i] = row >= 0 ? values[row] : 0;
        }
        return new LongColumn(type(), out, gatherNulls(rows));
    }

    @Override
    public LongColumn concat(Column other) {
        boolean[] mask = concatNulls(other);
        long[] out = java.util.Arrays.copyOf(values, length() + other.length());
        System.arraycopy(((LongColumn) other).values, 0, out, length(), other.length());
        return new LongColumn(type(), out, mask);
    }

    @Override
    public long estimatedBytes() {
        return super.estimatedBytes() + 8L * values.length;
    }
}
