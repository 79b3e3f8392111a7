package io.datajax.runtime.kernel;

import io.datajax.ir.DataType;
import io.datajax.ir.expr.Comparison;
import io.datajax.ir.expr.ComparisonOp;
import io.datajax.runtime.column.BooleanColumn;
import io.datajax.runtime.column.Column;
import io.datajax.runtime.column.NullMasks;
import io.datajax.runtime.column.StringColumn;

/**
 * Evaluates {@link Comparison} over two operand columns after promotion to
 * {@link Comparison#operandType()}, in the order of {@link ValueOrder}: numbers numerically (NaN equal to
 * NaN and above every number, {@code -0.0 = 0.0}), strings by {@link String#compareTo}, false before
 * true, dates and timestamps chronologically. Null in, null out.
 */
public final class ComparisonKernel {
    private ComparisonKernel() {
    }

    /** The value of {@code expr} given its evaluated operands (of equal length). */
    public static Column apply(Comparison expr, Column left, Column right) {
        DataType type = expr.operandType();
        int n = left.length();
        if (type == DataType.NULL) {
            return Column.nulls(DataType.BOOLEAN, n);
        }
        Column a = CastKernel.promote(left, type);
        Column b = CastKernel.promote(right, type);
        boolean[] nulls = NullMasks.or(a.nulls(), b.nulls());
        boolean[] out = new boolean[n];
        ComparisonOp op = expr.op();
        if (type == DataType.FLOAT64) {
            double[] x = a.doubleValues();
            double[] y = b.doubleValues();
            for (int i = 0; i < n; i++) {
                out[i] = op.test(ValueOrder.compareDoubles(x[i], y[i]));
            }
        } else if (type == DataType.STRING) {
            String[] x = ((StringColumn) a).values();
            String[] y = ((StringColumn) b).values();
            for (int i = 0; i < n; i++) {
                out[i] = (nulls == null || !nulls[i]) && op.test(x[i].compareTo(y[i]));
            }
        } else {
            long[] x = a.longValues();
            long[] y = b.longValues();
            for (int i = 0; i < n; i++) {
                out[i] = op.test(Long.compare(x[i], y[i]));
            }
        }
        return new BooleanColumn(out, nulls);
    }
}
