package io.datajax.runtime.column;

import static java.util.Objects.requireNonNull;

import io.datajax.ir.DataType;

/** A FLOAT64 column over a {@code double[]}. NaN is a value, distinct from null. */
public final class DoubleColumn extends Column {
    private final double[] values;

    public DoubleColumn(double[] values, boolean[] nulls) {
        super(DataType.FLOAT64, requireNonNull(values, "values is null").length, nulls);
        this.values = values;
    }

    /** The backing values; read-only. */
    public double[] values() {
        return values;
    }

    /** The value of a row (unspecified at null rows). */
    public double get(int row) {
        return values[row];
    }

    @Override
    public Object value(int row) {
        return isNull(row) ? null : values[row];
    }

    @Override
    public double doubleAt(int row) {
        return values[row];
    }

    @Override
    public double[] doubleValues() {
        return values;
    }

    @Override
    public DoubleColumn gather(int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            int row = rows[i];
            out[i] = row >= 0 ? values[row] : 0;
        }
        return new DoubleColumn(out, gatherNulls(rows));
    }

    @Override
    public DoubleColumn concat(Column other) {
        boolean[] mask = concatNulls(other);
        double[] out = java.util.Arrays.copyOf(values, length() + other.length());
        System.arraycopy(((DoubleColumn) other).values, 0, out, length(), other.length());
        return new DoubleColumn(out, mask);
    }

    @Override
    public long estimatedBytes() {
        return super.estimatedBytes() + 8L * values.length;
    }
}
