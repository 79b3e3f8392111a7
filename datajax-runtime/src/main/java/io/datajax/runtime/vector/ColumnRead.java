package io.datajax.runtime.vector;

import io.datajax.runtime.column.BooleanColumn;
import io.datajax.runtime.column.Column;
import io.datajax.runtime.column.DoubleColumn;
import io.datajax.runtime.column.IntColumn;
import io.datajax.runtime.column.LongColumn;
import io.datajax.runtime.column.StringColumn;

/**
 * Reads a column of the input relation, through its row map when it has one (a negative mapped row is
 * null). The only place that knows the physical array types; the null mask is consulted only when the
 * column has one or the map can miss.
 */
public final class ColumnRead extends VectorExpr {
    private final Column base;
    private final int[] map;
    private final boolean mapMisses;
    private final boolean[] baseNulls;
    /** Whether the base's nulls are its NaNs and its mask is not read: nulls are found in the values read. */
    private final boolean nanNulls;
    private int[] rows;

    /**
     * A read of {@code base} through {@code map} (null for identity); {@code mapMisses} says whether the map
     * holds negative row ids (see {@link #hasNegative}).
     */
    public ColumnRead(Column base, int[] map, boolean mapMisses) {
        super(base.type(), base.nullsAreNaN() || base.hasNulls() || mapMisses);
        this.base = base;
        this.map = map;
        this.mapMisses = mapMisses;
        this.nanNulls = base.nullsAreNaN() && base instanceof DoubleColumn;
        this.baseNulls = nanNulls ? null : base.nulls();
    }

    /** Whether the map has negative (missing) row ids. */
    public boolean mapMisses() {
        return mapMisses;
    }

    /** Whether a row map holds a negative (missing) row id. */
    public static boolean hasNegative(int[] map) {
        for (int row : map) {
            if (row < 0) {
                return true;
            }
        }
        return false;
    }

    /** The base column. */
    public Column base() {
        return base;
    }

    /** The row map, or null. */
    public int[] map() {
        return map;
    }

    /** Resolves {@code sel} through the map: the physical row ids (the argument itself without a map). */
    public int[] physicalRows(int[] sel, int n) {
        if (map == null) {
            return sel;
        }
        if (rows == null || rows.length < n) {
            rows = new int[Math.max(n, sel.length)];
        }
        int[] m = map;
        int[] r = rows;
        for (int i = 0; i < n; i++) {
            r[i] = m[sel[i]];
        }
        return r;
    }

    @Override
    public void eval(int[] sel, int n, Vec out) {
        int[] r = physicalRows(sel, n);
        if (mapMisses) {
            evalMissing(r, n, out);
            return;
        }
        if (base instanceof LongColumn c) {
            long[] v = c.values();
            long[] o = out.longs;
            for (int i = 0; i < n; i++) {
                o[i] = v[r[i]];
            }
        } else if (base instanceof IntColumn c) {
            int[] v = c.values();
            long[] o = out.longs;
            for (int i = 0; i < n; i++) {
                o[i] = v[r[i]];
            }
        } else if (base instanceof DoubleColumn c) {
            double[] v = c.values();
            double[] o = out.doubles;
            if (nanNulls) {
                // NaN exactly when |bits| > bits(+infinity); the OR keeps the sign bit of the difference
                long nan = 0;
                for (int i = 0; i < n; i++) {
                    double x = v[r[i]];
                    o[i] = x;
                    nan |= 0x7ff0_0000_0000_0000L - (Double.doubleToRawLongBits(x) & 0x7fff_ffff_ffff_ffffL);
                }
                if (nan < 0) {
                    markNaNNulls(o, n, out);
                } else {
                    out.hasNulls = false;
                }
                return;
            }
            for (int i = 0; i < n; i++) {
                o[i] = v[r[i]];
            }
        } else if (base instanceof BooleanColumn c) {
            boolean[] v = c.values();
            boolean[] o = out.bools;
            for (int i = 0; i < n; i++) {
                o[i] = v[r[i]];
            }
        } else if (base instanceof StringColumn c) {
            String[] o = out.strings;
            if (c.isDictionaryEncoded()) {
                int[] codes = c.dictionary().codes();
                String[] strings = c.dictionary().strings();
                boolean[] nulls = baseNulls;
                for (int i = 0; i < n; i++) {
                    int row = r[i];
                    o[i] = nulls != null && nulls[row] ? null : strings[codes[row]];
                }
            } else {
                String[] v = c.values();
                for (int i = 0; i < n; i++) {
                    o[i] = v[r[i]];
                }
            }
        } else {
            java.util.Arrays.fill(out.nulls, 0, n, true);
            out.hasNulls = true;
            return;
        }
        if (baseNulls == null) {
            out.hasNulls = false;
        } else {
            boolean[] nulls = baseNulls;
            boolean[] o = out.nulls;
            for (int i = 0; i < n; i++) {
                o[i] = nulls[r[i]];
            }
            out.hasNulls = true;
        }
    }

    /** Nulls of a read from a column whose NaNs are its nulls: NaN rows become null, with 0 as their value. */
    private static void markNaNNulls(double[] o, int n, Vec out) {
        boolean[] nulls = out.nulls;
        for (int i = 0; i < n; i++) {
            boolean nan = o[i] != o[i];
            nulls[i] = nan;
            o[i] = nan ? 0 : o[i];
        }
        out.hasNulls = true;
    }

    /** The slow path for maps with negative (missing) rows. */
    private void evalMissing(int[] r, int n, Vec out) {
        boolean[] o = out.nulls;
        for (int i = 0; i < n; i++) {
            int row = r[i];
            boolean isNull = row < 0 || base.isNull(row);
            o[i] = isNull;
            switch (out.longs != null ? 0 : out.doubles != null ? 1 : out.bools != null ? 2 : 3) {
                case 0 -> out.longs[i] = isNull ? 0 : base.longAt(row);
                case 1 -> out.doubles[i] = isNull ? 0 : base.doubleAt(row);
                case 2 -> out.bools[i] = !isNull && base.longAt(row) != 0;
                default -> out.strings[i] = isNull ? null : ((StringColumn) base).get(row);
            }
        }
        out.hasNulls = true;
    }
}
