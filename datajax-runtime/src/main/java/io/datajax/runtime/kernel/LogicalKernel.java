package io.datajax.runtime.kernel;

import io.datajax.ir.DataType;
import io.datajax.ir.expr.LogicalOp;
import io.datajax.runtime.column.BooleanColumn;
import io.datajax.runtime.column.Column;

/**
 * SQL three-valued logic over BOOLEAN columns ({@code false AND null} is false, {@code true OR null} is
 * true, {@code NOT null} is null) and {@code IS [NOT] NULL}, which is never null. Untyped null operands
 * count as BOOLEAN nulls.
 */
public final class LogicalKernel {
    private LogicalKernel() {
    }

    /** {@code left AND right} or {@code left OR right}. */
    public static Column apply(LogicalOp op, Column left, Column right) {
        BooleanColumn a = asBoolean(left);
        BooleanColumn b = asBoolean(right);
        int n = a.length();
        boolean[] x = a.values();
        boolean[] y = b.values();
        boolean[] xn = a.nulls();
        boolean[] yn = b.nulls();
        boolean[] out = new boolean[n];
        if (xn == null && yn == null) {
            for (int i = 0; i < n; i++) {
                out[i] = op == LogicalOp.AND ? x[i] & y[i] : x[i] | y[i];
            }
            return new BooleanColumn(out, null);
        }
        boolean[] nulls = new boolean[n];
        boolean dominant = op == LogicalOp.OR; // the value that decides regardless of the other side
        for (int i = 0; i < n; i++) {
            boolean aNull = xn != null && xn[i];
            boolean bNull = yn != null && yn[i];
            if ((!aNull && x[i] == dominant) || (!bNull && y[i] == dominant)) {
                out[i] = dominant;
            } else if (aNull || bNull) {
                nulls[i] = true;
            } else {
                out[i] = !dominant;
            }
        }
        return new BooleanColumn(out, nulls);
    }

    /** {@code NOT input}. */
    public static Column not(Column input) {
        BooleanColumn a = asBoolean(input);
        boolean[] x = a.values();
        boolean[] out = new boolean[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = !x[i];
        }
        return new BooleanColumn(out, a.nulls());
    }

    /** {@code input IS NULL}, or {@code IS NOT NULL} when {@code negated}. */
    public static Column isNull(Column input, boolean negated) {
        boolean[] out = new boolean[input.length()];
        boolean[] nulls = input.nulls();
        for (int i = 0; i < out.length; i++) {
            out[i] = (nulls != null && nulls[i]) != negated;
        }
        return new BooleanColumn(out, null);
    }

    private static BooleanColumn asBoolean(Column column) {
        return column.type() == DataType.NULL ? (BooleanColumn) Column.nulls(DataType.BOOLEAN, column.length())
                : (BooleanColumn) column;
    }
}
