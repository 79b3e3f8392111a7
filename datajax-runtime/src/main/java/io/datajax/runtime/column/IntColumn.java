package io.datajax.runtime.column;

import static java.util.Objects.requireNonNull;

import io.datajax.ir.DataType;
import java.time.LocalDate;

/** An INT32 column, or a DATE column of days since 1970-01-01, over an {@code int[]}. */
public final class IntColumn extends Column {
    private final int[] values;

    /** A column of type INT32 or DATE. */
    public IntColumn(DataType type, int[] values, boolean[] nulls) {
        super(type, requireNonNull(values, "values is null").length, nulls);
        if (type != DataType.INT32 && type != DataType.DATE) {
            throw new IllegalArgumentException("IntColumn holds INT32 or DATE, not " + type);
        }
        this.values = values;
    }

    /** The backing values; read-only. */
    public int[] values() {
        return values;
    }

    /** The value of a row (unspecified at null rows). */
    public int get(int row) {
        return values[row];
    }

    @Override
    public Object value(int row) {
        if (isNull(row)) {
            return null;
        }
        return type() == DataType.DATE ? LocalDate.ofEpochDay(values[row]) : (Object) values[row];
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
    public IntColumn gather(int[] rows) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            int row = rows[i];
            out[i] = row >= 0 ? values[row] : 0;
        }
        return new IntColumn(type(), out, gatherNulls(rows));
    }

    @Override
    public IntColumn concat(Column other) {
        boolean[] mask = concatNulls(other);
        int[] out = java.util.Arrays.copyOf(values, length() + other.length());
        System.arraycopy(((IntColumn) other).values, 0, out, length(), other.length());
        return new IntColumn(type(), out, mask);
    }

    @Override
    public long estimatedBytes() {
        return super.estimatedBytes() + 4L * values.length;
    }
}
