package io.datajax.runtime.vector;

import io.datajax.ir.DataType;
import io.datajax.ir.expr.Comparison;
import io.datajax.ir.expr.ComparisonOp;
import io.datajax.ir.expr.Expr;
import io.datajax.ir.expr.Logical;
import io.datajax.runtime.column.DoubleColumn;
import io.datajax.runtime.column.IntColumn;
import io.datajax.runtime.column.LongColumn;

/**
 * A compiled filter predicate: narrows a selection vector to the rows where the predicate is TRUE (not
 * false, not null), keeping order. A conjunction narrows step by step, so later terms run only on rows the
 * earlier ones kept; a column compared with a constant reads the column's array directly, without a copy.
 * One instance serves one thread.
 */
public abstract class Selector {
    /**
     * Writes the ids of {@code sel[0..n)} that pass to {@code out} (which may be {@code sel}), in order, and
     * returns how many there are.
     */
    public abstract int select(int[] sel, int n, int[] out);

    static Selector of(Expr predicate, VectorCompiler compiler) {
        if (predicate instanceof Logical and && VectorCompiler.isAnd(and)) {
            return new Conjunction(of(and.left(), compiler), of(and.right(), compiler));
        }
        VectorExpr compiled = compiler.compile(predicate);
        if (compiled instanceof Constant c) {
            return new ConstantSelector(!c.isNull() && c.longValue() != 0);
        }
        if (predicate instanceof Comparison comparison) {
            Selector fast = columnConstant(comparison, compiler);
            if (fast != null) {
                return fast;
            }
        }
        return new Generic(compiled);
    }

    /** The fast path {@code column OP constant} over an unmapped INT32/INT64/DATE/TIMESTAMP/FLOAT64 column. */
    private static Selector columnConstant(Comparison comparison, VectorCompiler compiler) {
        DataType type = comparison.operandType();
        if (Vec.Kind.of(type) != Vec.Kind.LONG && type != DataType.FLOAT64) {
            return null;
        }
        VectorExpr left = VectorCompiler.promote(compiler.compile(comparison.left()), type);
        VectorExpr right = VectorCompiler.promote(compiler.compile(comparison.right()), type);
        ComparisonOp op = comparison.op();
        if (left instanceof Constant && !(right instanceof Constant)) {
            VectorExpr swap = left;
            left = right;
            right = swap;
            op = op.flip();
        }
        if (!(right instanceof Constant constant) || constant.isNull()) {
            return null;
        }
        ColumnRead read = left instanceof ColumnRead r ? r : null;
        if (read == null || read.map() != null || (type == DataType.FLOAT64 && Double.isNaN(constant.doubleValue()))) {
            return null;
        }
        if (read.base() instanceof DoubleColumn doubles && doubles.nullsAreNaN()) {
            // the column's nulls are its NaNs: comparisons that are false on NaN reject them, no mask needed
            return new DoubleCompare(doubles.values(), op, constant.doubleValue(), true);
        }
        boolean[] nulls = read.base().nulls();
        Selector compare;
        if (read.base() instanceof IntColumn ints && type != DataType.FLOAT64) {
            compare = new IntCompare(ints.values(), op, constant.longValue());
        } else if (read.base() instanceof LongColumn longs && type != DataType.FLOAT64) {
            compare = new LongCompare(longs.values(), op, constant.longValue());
        } else if (read.base() instanceof DoubleColumn doubles) {
            compare = new DoubleCompare(doubles.values(), op, constant.doubleValue(), false);
        } else {
            return null;
        }
        return nulls == null ? compare : new Conjunction(new NotNull(nulls), compare);
    }

    private static final class Conjunction extends Selector {
        private final Selector first;
        private final Selector second;

        Conjunction(Selector first, Selector second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public int select(int[] sel, int n, int[] out) {
            int m = first.select(sel, n, out);
            return m == 0 ? 0 : second.select(out, m, out);
        }
    }

    private static final class ConstantSelector extends Selector {
        private final boolean keep;

        ConstantSelector(boolean keep) {
            this.keep = keep;
        }

        @Override
        public int select(int[] sel, int n, int[] out) {
            if (!keep) {
                return 0;
            }
            if (out != sel) {
                System.arraycopy(sel, 0, out, 0, n);
            }
            return n;
        }
    }

    private static final class NotNull extends Selector {
        private final boolean[] nulls;

        NotNull(boolean[] nulls) {
            this.nulls = nulls;
        }

        @Override
        public int select(int[] sel, int n, int[] out) {
            int m = 0;
            for (int i = 0; i < n; i++) {
                int r = sel[i];
                out[m] = r;
                m += nulls[r] ? 0 : 1;
            }
            return m;
        }
    }

    /** Any predicate: evaluates it as a BOOLEAN vector and keeps TRUE rows. */
    private static final class Generic extends Selector {
        private final VectorExpr predicate;
        private Vec values;

        Generic(VectorExpr predicate) {
            this.predicate = predicate;
        }

        @Override
        public int select(int[] sel, int n, int[] out) {
            if (values == null || values.capacity() < n) {
                values = predicate.newVec(Math.max(n, sel.length));
            }
            predicate.eval(sel, n, values);
            boolean[] keep = values.bools;
            int m = 0;
            if (values.hasNulls) {
                boolean[] nulls = values.nulls;
                for (int i = 0; i < n; i++) {
                    out[m] = sel[i];
                    m += keep[i] & !nulls[i] ? 1 : 0;
                }
            } else {
                for (int i = 0; i < n; i++) {
                    out[m] = sel[i];
                    m += keep[i] ? 1 : 0;
                }
            }
            return m;
        }
    }

    private static final class IntCompare extends Selector {
        private final int[] v;
        private final ComparisonOp op;
        private final long c;

        IntCompare(int[] v, ComparisonOp op, long c) {
            this.v = v;
            this.op = op;
            this.c = c;
        }

        @Override
        public int select(int[] sel, int n, int[] out) {
            int[] v = this.v;
            long c = this.c;
            int m = 0;
            switch (op) {
                case EQ -> { for (int i = 0; i < n; i++) { int r = sel[i]; out[m] = r; m += v[r] == c ? 1 : 0; } }
                case NE -> { for (int i = 0; i < n; i++) { int r = sel[i]; out[m] = r; m += v[r] != c ? 1 : 0; } }
                case LT -> { for (int i = 0; i < n; i++) { int r = sel[i]; out[m] = r; m += v[r] < c ? 1 : 0; } }
                case LE -> { for (int i = 0; i < n; i++) { int r = sel[i]; out[m] = r; m += v[r] <= c ? 1 : 0; } }
                case GT -> { for (int i = 0; i < n; i++) { int r = sel[i]; out[m] = r; m += v[r] > c ? 1 : 0; } }
                case GE -> { for (int i = 0; i < n; i++) { int r = sel[i]; out[m] = r; m += v[r] >= c ? 1 : 0; } }
            }
            return m;
        }
    }

    private static final class LongCompare extends Selector {
        private final long[] v;
        private final ComparisonOp op;
        private final long c;

        LongCompare(long[] v, ComparisonOp op, long c) {
            this.v = v;
            this.op = op;
            this.c = c;
        }

        @Override
        public int select(int[] sel, int n, int[] out) {
            long[] v = this.v;
            long c = this.c;
            int m = 0;
            switch (op) {
                case EQ -> { for (int i = 0; i < n; i++) { int r = sel[i]; out[m] = r; m += v[r] == c ? 1 : 0; } }
                case NE -> { for (int i = 0; i < n; i++) { int r = sel[i]; out[m] = r; m += v[r] != c ? 1 : 0; } }
                case LT -> { for (int i = 0; i < n; i++) { int r = sel[i]; out[m] = r; m += v[r] < c ? 1 : 0; } }
                case LE -> { for (int i = 0; i < n; i++) { int r = sel[i]; out[m] = r; m += v[r] <= c ? 1 : 0; } }
                case GT -> { for (int i = 0; i < n; i++) { int r = sel[i]; out[m] = r; m += v[r] > c ? 1 : 0; } }
                case GE -> { for (int i = 0; i < n; i++) { int r = sel[i]; out[m] = r; m += v[r] >= c ? 1 : 0; } }
            }
            return m;
        }
    }

    /** Doubles against a non-NaN constant, in ValueOrder (NaN above every number). */
    /**
     * {@code v OP c} for a non-NaN constant. NaN is the highest value (ValueOrder), so it passes NE, GT and GE;
     * with {@code rejectNaN} (a column whose NaNs are its nulls) no NaN passes, as a null would not.
     */
    private static final class DoubleCompare extends Selector {
        private final double[] v;
        private final ComparisonOp op;
        private final double c;
        private final boolean rejectNaN;

        DoubleCompare(double[] v, ComparisonOp op, double c, boolean rejectNaN) {
            this.v = v;
            this.op = op;
            this.c = c;
            this.rejectNaN = rejectNaN;
        }

        @Override
        public int select(int[] sel, int n, int[] out) {
            double[] v = this.v;
            double c = this.c;
            int m = 0;
            if (rejectNaN) {
                switch (op) {
                    case EQ -> { for (int i = 0; i < n; i++) { int r = sel[i]; out[m] = r; m += v[r] == c ? 1 : 0; } }
                    case NE -> { for (int i = 0; i < n; i++) { int r = sel[i]; out[m] = r; m += v[r] < c || v[r] > c ? 1 : 0; } }
                    case LT -> { for (int i = 0; i < n; i++) { int r = sel[i]; out[m] = r; m += v[r] < c ? 1 : 0; } }
                    case LE -> { for (int i = 0; i < n; i++) { int r = sel[i]; out[m] = r; m += v[r] <= c ? 1 : 0; } }
                    case GT -> { for (int i = 0; i < n; i++) { int r = sel[i]; out[m] = r; m += v[r] > c ? 1 : 0; } }
                    case GE -> { for (int i = 0; i < n; i++) { int r = sel[i]; out[m] = r; m += v[r] >= c ? 1 : 0; } }
                }
                return m;
            }
            switch (op) {
                case EQ -> { for (int i = 0; i < n; i++) { int r = sel[i]; out[m] = r; m += v[r] == c ? 1 : 0; } }
                case NE -> { for (int i = 0; i < n; i++) { int r = sel[i]; out[m] = r; m += v[r] == c ? 0 : 1; } }
                case LT -> { for (int i = 0; i < n; i++) { int r = sel[i]; out[m] = r; m += v[r] < c ? 1 : 0; } }
                case LE -> { for (int i = 0; i < n; i++) { int r = sel[i]; out[m] = r; m += v[r] <= c ? 1 : 0; } }
                case GT -> { for (int i = 0; i < n; i++) { int r = sel[i]; out[m] = r; m += v[r] <= c ? 0 : 1; } }
                case GE -> { for (int i = 0; i < n; i++) { int r = sel[i]; out[m] = r; m += v[r] < c ? 0 : 1; } }
            }
            return m;
        }
    }
}
