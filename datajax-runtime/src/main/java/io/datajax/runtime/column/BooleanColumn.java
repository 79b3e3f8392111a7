package io.datajax.runtime.column;

import static java.util.Objects.requireNonNull;

import io.datajax.ir.DataType;

/** A BOOLEAN column over a {@code boolean[]}. */
public final class BooleanColumn extends Column {
    private final boolean[] values;

    public BooleanColumn(boolean[] values, boolean[] nulls) {
        super(DataType.BOOLEAN, requireNonNull(values, "values is null").length, nulls);
        this.values = values;
    }

    /** The backing values; read-only. */
    public boolean[] values() {
        return values;
    }

    /** The value of a row (false at null rows). */
    public boolean get(int row) {
        return values[row];
    }

    @Override
    public Object value(int row) {
        return isNull(row) ? null : values[row];
    }

    @Override
    public long longAt(int row) {
        return values[row] ? 1 : 0;
    }

    @Override
    public double doubleAt(int row) {
        return values[row] ? 1 : 0;
    }

    @Override
    public BooleanColumn gather(int[] rows) {
        boolean[] out = new boolean[rows.length];
        for (int i = 0; i < rows.length; i++) {
            int row = rows[i];
            out[i] = row >= 0 && values[row];
        }
        return new BooleanColumn(out, gatherNulls(rows));
    }

    @Override
    public BooleanColumn concat(Column other) {
        boolean[] mask = concatNulls(other);
        boolean[] out = java.util.Arrays.copyOf(values, length() + other.length());
        System.arraycopy(((BooleanColumn) other).values, 0, out, length(), other.length());
        return new BooleanColumn(out, mask);
    }

    @Override
    public long estimatedBytes() {
        return super.estimatedBytes() + values.length;
    }
}
