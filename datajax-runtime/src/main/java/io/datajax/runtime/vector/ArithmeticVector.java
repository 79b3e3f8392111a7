package io.datajax.runtime.vector;

import io.datajax.ir.DataType;
import io.datajax.ir.expr.ArithmeticOp;
import io.datajax.runtime.kernel.RuntimeErrors;

/**
 * Arithmetic over operands already promoted to the result type (LONG or DOUBLE kind), with the semantics of
 * {@link io.datajax.runtime.kernel.ArithmeticKernel}: integer overflow is an error (checked per width), an
 * integer {@code %} by zero is null, FLOAT64 follows IEEE 754. A constant operand is read as a scalar.
 */
final class ArithmeticVector extends VectorExpr {
    private final ArithmeticOp op;
    private final VectorExpr left;
    private final VectorExpr right;
    private final Constant leftConstant;
    private final Constant rightConstant;
    private final String text;
    private Vec a;
    private Vec b;

    ArithmeticVector(ArithmeticOp op, DataType type, VectorExpr left, VectorExpr right, String text) {
        super(type, left.nullable() || right.nullable() || (op == ArithmeticOp.MODULO && type != DataType.FLOAT64));
        this.op = op;
        this.left = left;
        this.right = right;
        // With two constants the left one is evaluated as a vector: loops take at most one scalar side.
        this.leftConstant = left instanceof Constant c && !(right instanceof Constant) ? c : null;
        this.rightConstant = right instanceof Constant c ? c : null;
        this.text = text;
    }

    @Override
    public void eval(int[] sel, int n, Vec out) {
        if (a == null || a.capacity() < n) {
            a = left.newVec(Math.max(n, out.capacity()));
            b = right.newVec(Math.max(n, out.capacity()));
        }
        if (leftConstant == null) {
            left.eval(sel, n, a);
        } else {
            a.hasNulls = false;
        }
        if (rightConstant == null) {
            right.eval(sel, n, b);
        } else {
            b.hasNulls = false;
        }
        boolean hasNulls = a.hasNulls || b.hasNulls;
        if (hasNulls) {
            boolean[] o = out.nulls;
            for (int i = 0; i < n; i++) {
                o[i] = a.isNull(i) | b.isNull(i);
            }
        }
        out.hasNulls = hasNulls;
        if (kind() == Vec.Kind.DOUBLE) {
            doubles(n, out.doubles);
        } else {
            longs(n, out, hasNulls);
        }
    }

    private void doubles(int n, double[] o) {
        double[] x = a.doubles;
        double[] y = b.doubles;
        if (rightConstant != null) {
            double c = rightConstant.doubleValue();
            switch (op) {
                case ADD -> { for (int i = 0; i < n; i++) { o[i] = x[i] + c; } }
                case SUBTRACT -> { for (int i = 0; i < n; i++) { o[i] = x[i] - c; } }
                case MULTIPLY -> { for (int i = 0; i < n; i++) { o[i] = x[i] * c; } }
                case DIVIDE -> { for (int i = 0; i < n; i++) { o[i] = x[i] / c; } }
                case MODULO -> { for (int i = 0; i < n; i++) { o[i] = x[i] % c; } }
            }
        } else if (leftConstant != null) {
            double c = leftConstant.doubleValue();
            switch (op) {
                case ADD -> { for (int i = 0; i < n; i++) { o[i] = c + y[i]; } }
                case SUBTRACT -> { for (int i = 0; i < n; i++) { o[i] = c - y[i]; } }
                case MULTIPLY -> { for (int i = 0; i < n; i++) { o[i] = c * y[i]; } }
                case DIVIDE -> { for (int i = 0; i < n; i++) { o[i] = c / y[i]; } }
                case MODULO -> { for (int i = 0; i < n; i++) { o[i] = c % y[i]; } }
            }
        } else {
            switch (op) {
                case ADD -> { for (int i = 0; i < n; i++) { o[i] = x[i] + y[i]; } }
                case SUBTRACT -> { for (int i = 0; i < n; i++) { o[i] = x[i] - y[i]; } }
                case MULTIPLY -> { for (int i = 0; i < n; i++) { o[i] = x[i] * y[i]; } }
                case DIVIDE -> { for (int i = 0; i < n; i++) { o[i] = x[i] / y[i]; } }
                case MODULO -> { for (int i = 0; i < n; i++) { o[i] = x[i] % y[i]; } }
            }
        }
    }

    private void longs(int n, Vec out, boolean hasNulls) {
        long[] x = a.longs;
        long[] y = b.longs;
        long[] o = out.longs;
        boolean[] nulls = out.nulls;
        boolean lc = leftConstant != null;
        boolean rc = rightConstant != null;
        long lv = lc ? leftConstant.longValue() : 0;
        long rv = rc ? rightConstant.longValue() : 0;
        boolean narrow = type() == DataType.INT32;
        switch (op) {
            case ADD -> {
                for (int i = 0; i < n; i++) {
                    if (hasNulls && nulls[i]) {
                        continue;
                    }
                    long p = lc ? lv : x[i];
                    long q = rc ? rv : y[i];
                    long s = p + q;
                    if (((p ^ s) & (q ^ s)) < 0 || (narrow && s != (int) s)) {
                        throw RuntimeErrors.overflow(text, p, "+", q, type());
                    }
                    o[i] = s;
                }
            }
            case SUBTRACT -> {
                for (int i = 0; i < n; i++) {
                    if (hasNulls && nulls[i]) {
                        continue;
                    }
                    long p = lc ? lv : x[i];
                    long q = rc ? rv : y[i];
                    long d = p - q;
                    if (((p ^ q) & (p ^ d)) < 0 || (narrow && d != (int) d)) {
                        throw RuntimeErrors.overflow(text, p, "-", q, type());
                    }
                    o[i] = d;
                }
            }
            case MULTIPLY -> {
                for (int i = 0; i < n; i++) {
                    if (hasNulls && nulls[i]) {
                        continue;
                    }
                    long p = lc ? lv : x[i];
                    long q = rc ? rv : y[i];
                    long m = p * q;
                    if (Math.multiplyHigh(p, q) != (m >> 63) || (narrow && m != (int) m)) {
                        throw RuntimeErrors.overflow(text, p, "*", q, type());
                    }
                    o[i] = m;
                }
            }
            case MODULO -> {
                for (int i = 0; i < n; i++) {
                    if (out.hasNulls && nulls[i]) {
                        continue;
                    }
                    long p = lc ? lv : x[i];
                    long q = rc ? rv : y[i];
                    if (q == 0) {
                        if (!out.hasNulls) {
                            java.util.Arrays.fill(nulls, 0, n, false);
                            out.hasNulls = true;
                        }
                        nulls[i] = true;
                        continue;
                    }
                    o[i] = p % q;
                }
            }
            case DIVIDE -> throw new IllegalStateException("integer division in " + text + "; '/' is always FLOAT64");
        }
    }
}
