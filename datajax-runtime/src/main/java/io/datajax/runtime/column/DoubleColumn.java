package io.datajax.runtime.column;

import static java.util.Objects.requireNonNull;

import io.datajax.ir.DataType;

/**
 * A FLOAT64 column over a {@code double[]}. NaN is a value, distinct from null, except in a column made by
 * {@link #withNaNAsNull}, whose NaNs are its nulls.
 */
public final class DoubleColumn extends Column {
    private static final long ABS = 0x7fff_ffff_ffff_ffffL;
    private static final long INFINITY_BITS = 0x7ff0_0000_0000_0000L;

    private final double[] values;
    /** For a column with NaN as null: the mask once built (null if no NaN), and whether it is built. */
    private volatile boolean[] nanMask;
    private volatile boolean nanMaskBuilt;

    public DoubleColumn(double[] values, boolean[] nulls) {
        super(DataType.FLOAT64, requireNonNull(values, "values is null").length, nulls);
        this.values = values;
    }

    private DoubleColumn(double[] values) {
        super(DataType.FLOAT64, requireNonNull(values, "values is null").length, null, true);
        this.values = values;
    }

    /**
     * A column whose null rows are exactly the NaN values of {@code values} (Tablesaw's missing-value
     * convention), so that it can share an input table's array. The null mask is built on first use (one scan);
     * readers that treat NaN as null never need it (see {@link #nullsAreNaN()}).
     */
    public static DoubleColumn withNaNAsNull(double[] values) {
        return new DoubleColumn(values);
    }

    @Override
    protected boolean[] deferredNulls() {
        if (nanMaskBuilt) {
            return nanMask;
        }
        synchronized (this) {
            if (!nanMaskBuilt) {
                double[] v = values;
                boolean[] mask = null;
                if (anyNaN(v, 0, v.length)) {
                    mask = new boolean[v.length];
                    for (int i = 0; i < v.length; i++) {
                        mask[i] = v[i] != v[i];
                    }
                }
                nanMask = mask;
                nanMaskBuilt = true;
            }
            return nanMask;
        }
    }

    /**
     * Whether {@code v[from, to)} holds a NaN (any bit pattern). Branch-free with no early exit, so that it runs
     * at memory speed.
     */
    public static boolean anyNaN(double[] v, int from, int to) {
        // x is NaN exactly when |bits(x)| > bits(+infinity): INFINITY_BITS - |bits| is then negative, and OR keeps
        // the sign bit.
        long acc = 0;
        for (int i = from; i < to; i++) {
            acc |= INFINITY_BITS - (Double.doubleToRawLongBits(v[i]) & ABS);
        }
        return acc < 0;
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
