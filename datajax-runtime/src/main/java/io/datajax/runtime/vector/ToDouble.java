package io.datajax.runtime.vector;

import io.datajax.ir.DataType;

/** Numeric promotion of a long-valued or BOOLEAN expression to FLOAT64 (exact per {@code (double)}). */
final class ToDouble extends VectorExpr {
    private final VectorExpr input;
    private Vec scratch;

    ToDouble(VectorExpr input) {
        super(DataType.FLOAT64, input.nullable());
        this.input = input;
    }

    @Override
    public void eval(int[] sel, int n, Vec out) {
        if (scratch == null || scratch.capacity() < n) {
            scratch = input.newVec(Math.max(n, out.capacity()));
        }
        input.eval(sel, n, scratch);
        double[] o = out.doubles;
        if (scratch.longs != null) {
            long[] x = scratch.longs;
            for (int i = 0; i < n; i++) {
                o[i] = x[i];
            }
        } else {
            boolean[] x = scratch.bools;
            for (int i = 0; i < n; i++) {
                o[i] = x[i] ? 1 : 0;
            }
        }
        copyNulls(scratch, out, n);
    }

    static void copyNulls(Vec from, Vec to, int n) {
        to.hasNulls = from.hasNulls;
        if (from.hasNulls) {
            System.arraycopy(from.nulls, 0, to.nulls, 0, n);
        }
    }
}
