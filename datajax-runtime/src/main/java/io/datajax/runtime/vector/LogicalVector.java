package io.datajax.runtime.vector;

import io.datajax.ir.DataType;
import io.datajax.ir.expr.LogicalOp;

/**
 * SQL three-valued AND / OR, NOT and IS [NOT] NULL over BOOLEAN operands (an untyped null operand is a
 * BOOLEAN null), as {@link io.datajax.runtime.kernel.LogicalKernel}.
 */
abstract class LogicalVector extends VectorExpr {
    LogicalVector(boolean nullable) {
        super(DataType.BOOLEAN, nullable);
    }

    static Vec scratch(Vec current, VectorExpr input, int n, Vec out) {
        return current != null && current.capacity() >= n ? current : input.newVec(Math.max(n, out.capacity()));
    }

    /** {@code left AND right} or {@code left OR right}. */
    static final class Binary extends LogicalVector {
        private final LogicalOp op;
        private final VectorExpr left;
        private final VectorExpr right;
        private Vec a;
        private Vec b;

        Binary(LogicalOp op, VectorExpr left, VectorExpr right) {
            super(left.nullable() || right.nullable());
            this.op = op;
            this.left = left;
            this.right = right;
        }

        @Override
        public void eval(int[] sel, int n, Vec out) {
            a = scratch(a, left, n, out);
            b = scratch(b, right, n, out);
            left.eval(sel, n, a);
            right.eval(sel, n, b);
            boolean[] x = a.bools;
            boolean[] y = b.bools;
            boolean[] o = out.bools;
            if (!a.hasNulls && !b.hasNulls) {
                if (op == LogicalOp.AND) {
                    for (int i = 0; i < n; i++) {
                        o[i] = x[i] & y[i];
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        o[i] = x[i] | y[i];
                    }
                }
                out.hasNulls = false;
                return;
            }
            boolean dominant = op == LogicalOp.OR;
            boolean[] nulls = out.nulls;
            for (int i = 0; i < n; i++) {
                boolean aNull = a.isNull(i);
                boolean bNull = b.isNull(i);
                nulls[i] = false;
                if ((!aNull && x[i] == dominant) || (!bNull && y[i] == dominant)) {
                    o[i] = dominant;
                } else if (aNull || bNull) {
                    o[i] = false;
                    nulls[i] = true;
                } else {
                    o[i] = !dominant;
                }
            }
            out.hasNulls = true;
        }
    }

    /** {@code NOT input}. */
    static final class Negation extends LogicalVector {
        private final VectorExpr input;
        private Vec a;

        Negation(VectorExpr input) {
            super(input.nullable());
            this.input = input;
        }

        @Override
        public void eval(int[] sel, int n, Vec out) {
            a = scratch(a, input, n, out);
            input.eval(sel, n, a);
            for (int i = 0; i < n; i++) {
                out.bools[i] = !a.bools[i];
            }
            ToDouble.copyNulls(a, out, n);
        }
    }

    /** {@code input IS NULL} or {@code IS NOT NULL}; never null. */
    static final class NullTest extends LogicalVector {
        private final VectorExpr input;
        private final boolean negated;
        private Vec a;

        NullTest(VectorExpr input, boolean negated) {
            super(false);
            this.input = input;
            this.negated = negated;
        }

        @Override
        public void eval(int[] sel, int n, Vec out) {
            a = scratch(a, input, n, out);
            input.eval(sel, n, a);
            for (int i = 0; i < n; i++) {
                out.bools[i] = a.isNull(i) != negated;
            }
            out.hasNulls = false;
        }
    }
}
