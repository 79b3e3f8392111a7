package io.datajax.runtime.kernel;

import io.datajax.ir.DataType;
import io.datajax.ir.error.InternalException;
import io.datajax.ir.expr.Arithmetic;
import io.datajax.ir.expr.ArithmeticOp;
import io.datajax.runtime.column.Column;
import io.datajax.runtime.column.DoubleColumn;
import io.datajax.runtime.column.NullColumn;
import io.datajax.runtime.column.NullMasks;

/**
 * Evaluates {@link Arithmetic} over two operand columns. Operands are promoted to the result type;
 * INT32 and INT64 share one loop over widened longs with a per-width overflow check ({@code
 * INTEGER_OVERFLOW}); FLOAT64 follows IEEE 754 ({@code /} is always FLOAT64, so {@code 1 / 0} is
 * Infinity). An integer {@code %} by zero is null; {@code %} takes the sign of the dividend. Null in,
 * null out.
 */
public final class ArithmeticKernel {
    private ArithmeticKernel() {
    }

    /** The value of {@code expr} given its evaluated operands (of equal length). */
    public static Column apply(Arithmetic expr, Column left, Column right) {
        DataType type = expr.type();
        if (type == DataType.NULL) {
            return new NullColumn(left.length());
        }
        Column a = CastKernel.promote(left, type);
        Column b = CastKernel.promote(right, type);
        boolean[] nulls = NullMasks.or(a.nulls(), b.nulls());
        if (type == DataType.FLOAT64) {
            return new DoubleColumn(doubles(expr.op(), a.doubleValues(), b.doubleValues()), nulls);
        }
        long[] x = a.longValues();
        long[] y = b.longValues();
        long[] out = new long[x.length];
        boolean narrow = type == DataType.INT32;
        switch (expr.op()) {
            case ADD -> {
                for (int i = 0; i < out.length; i++) {
                    if (nulls != null && nulls[i]) {
                        continue;
                    }
                    long s = x[i] + y[i];
                    if (((x[i] ^ s) & (y[i] ^ s)) < 0 || (narrow && s != (int) s)) {
                        throw RuntimeErrors.overflow(expr.toString(), x[i], "+", y[i], type);
                    }
                    out[i] = s;
                }
            }
            case SUBTRACT -> {
                for (int i = 0; i < out.length; i++) {
                    if (nulls != null && nulls[i]) {
                        continue;
                    }
                    long d = x[i] - y[i];
                    if (((x[i] ^ y[i]) & (x[i] ^ d)) < 0 || (narrow && d != (int) d)) {
                        throw RuntimeErrors.overflow(expr.toString(), x[i], "-", y[i], type);
                    }
                    out[i] = d;
                }
            }
            case MULTIPLY -> {
                for (int i = 0; i < out.length; i++) {
                    if (nulls != null && nulls[i]) {
                        continue;
                    }
                    long p = x[i] * y[i];
                    if (Math.multiplyHigh(x[i], y[i]) != (p >> 63) || (narrow && p != (int) p)) {
                        throw RuntimeErrors.overflow(expr.toString(), x[i], "*", y[i], type);
                    }
                    out[i] = p;
                }
            }
            case MODULO -> {
                boolean[] modNulls = nulls;
                for (int i = 0; i < out.length; i++) {
                    if (modNulls != null && modNulls[i]) {
                        continue;
                    }
                    if (y[i] == 0) {
                        if (modNulls == nulls) {
                            modNulls = NullMasks.writableCopy(nulls, out.length);
                        }
                        modNulls[i] = true;
                        continue;
                    }
                    out[i] = x[i] % y[i];
                }
                nulls = modNulls;
            }
            case DIVIDE -> throw new InternalException("integer division in " + expr + "; '/' is always FLOAT64");
        }
        return Column.ofLongs(type, out, nulls);
    }

    private static double[] doubles(ArithmeticOp op, double[] x, double[] y) {
        double[] out = new double[x.length];
        switch (op) {
            case ADD -> {
                for (int i = 0; i < out.length; i++) {
                    out[i] = x[i] + y[i];
                }
            }
            case SUBTRACT -> {
                for (int i = 0; i < out.length; i++) {
                    out[i] = x[i] - y[i];
                }
            }
            case MULTIPLY -> {
                for (int i = 0; i < out.length; i++) {
                    out[i] = x[i] * y[i];
                }
            }
            case DIVIDE -> {
                for (int i = 0; i < out.length; i++) {
                    out[i] = x[i] / y[i];
                }
            }
            case MODULO -> {
                for (int i = 0; i < out.length; i++) {
                    out[i] = x[i] % y[i];
                }
            }
        }
        return out;
    }
}
