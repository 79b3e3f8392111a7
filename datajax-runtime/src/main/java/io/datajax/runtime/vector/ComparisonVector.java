package io.datajax.runtime.vector;

import io.datajax.ir.DataType;
import io.datajax.ir.expr.ComparisonOp;

/**
 * A comparison of two operands promoted to one kind, in {@link io.datajax.runtime.kernel.ValueOrder} (NaN
 * equal to NaN and above every number, {@code -0.0 = 0.0}); null in, null out. A constant right operand is
 * read as a scalar (the compiler moves a constant to the right).
 */
final class ComparisonVector extends VectorExpr {
    private final ComparisonOp op;
    private final VectorExpr left;
    private final VectorExpr right;
    private final Constant rightConstant;
    private Vec a;
    private Vec b;

    ComparisonVector(ComparisonOp op, VectorExpr left, VectorExpr right) {
        super(DataType.BOOLEAN, left.nullable() || right.nullable());
        this.op = op;
        this.left = left;
        this.right = right;
        this.rightConstant = right instanceof Constant c ? c : null;
    }

    @Override
    public void eval(int[] sel, int n, Vec out) {
        if (a == null || a.capacity() < n) {
            a = left.newVec(Math.max(n, out.capacity()));
            b = right.newVec(Math.max(n, out.capacity()));
        }
        left.eval(sel, n, a);
        if (rightConstant == null) {
            right.eval(sel, n, b);
        } else {
            b.hasNulls = false;
        }
        boolean hasNulls = a.hasNulls || b.hasNulls;
        if (hasNulls) {
            for (int i = 0; i < n; i++) {
                out.nulls[i] = a.isNull(i) | b.isNull(i);
            }
        }
        out.hasNulls = hasNulls;
        boolean[] o = out.bools;
        switch (left.kind()) {
            case LONG -> {
                long[] x = a.longs;
                if (rightConstant != null) {
                    long c = rightConstant.longValue();
                    for (int i = 0; i < n; i++) {
                        o[i] = test(op, Long.compare(x[i], c));
                    }
                } else {
                    long[] y = b.longs;
                    for (int i = 0; i < n; i++) {
                        o[i] = test(op, Long.compare(x[i], y[i]));
                    }
                }
            }
            case DOUBLE -> {
                double[] x = a.doubles;
                if (rightConstant != null) {
                    double c = rightConstant.doubleValue();
                    for (int i = 0; i < n; i++) {
                        o[i] = testDoubles(op, x[i], c);
                    }
                } else {
                    double[] y = b.doubles;
                    for (int i = 0; i < n; i++) {
                        o[i] = testDoubles(op, x[i], y[i]);
                    }
                }
            }
            case BOOL -> {
                boolean[] x = a.bools;
                for (int i = 0; i < n; i++) {
                    boolean y = rightConstant != null ? rightConstant.longValue() != 0 : b.bools[i];
                    o[i] = test(op, Boolean.compare(x[i], y));
                }
            }
            case STRING -> {
                String[] x = a.strings;
                for (int i = 0; i < n; i++) {
                    String y = rightConstant != null ? rightConstant.stringValue() : b.strings[i];
                    o[i] = !(hasNulls && out.nulls[i]) && test(op, x[i].compareTo(y));
                }
            }
            case NULL -> throw new IllegalStateException("comparison of untyped nulls is folded at compile time");
        }
    }

    static boolean test(ComparisonOp op, int c) {
        return switch (op) {
            case EQ -> c == 0;
            case NE -> c != 0;
            case LT -> c < 0;
            case LE -> c <= 0;
            case GT -> c > 0;
            case GE -> c >= 0;
        };
    }

    /** {@code op} over doubles in ValueOrder, without a call per row. */
    static boolean testDoubles(ComparisonOp op, double x, double y) {
        return switch (op) {
            case EQ -> x == y || (x != x && y != y);
            case NE -> !(x == y || (x != x && y != y));
            case LT -> x < y || (y != y && x == x);
            case LE -> x <= y || y != y;
            case GT -> x > y || (x != x && y == y);
            case GE -> x >= y || x != x;
        };
    }
}
