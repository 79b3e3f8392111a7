package io.datajax.runtime.vector;

import io.datajax.ir.DataType;
import io.datajax.ir.error.InternalException;
import io.datajax.ir.expr.Arithmetic;
import io.datajax.ir.expr.Cast;
import io.datajax.ir.expr.Coalesce;
import io.datajax.ir.expr.ColumnRef;
import io.datajax.ir.expr.Comparison;
import io.datajax.ir.expr.Expr;
import io.datajax.ir.expr.ExprVisitor;
import io.datajax.ir.expr.IsNull;
import io.datajax.ir.expr.Literal;
import io.datajax.ir.expr.Logical;
import io.datajax.ir.expr.LogicalOp;
import io.datajax.ir.expr.Not;
import io.datajax.runtime.column.Relation;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles expressions over a {@link Relation} into {@link VectorExpr}s and filter predicates into
 * {@link Selector}s. Construct once per relation (it scans row maps once); {@link #compile} and
 * {@link #selector} are then cheap and safe to call from several threads, each result serving one thread.
 */
public final class VectorCompiler {
    private final Relation input;
    private final boolean[] mapMisses;

    /** A compiler for expressions over {@code input}. */
    public VectorCompiler(Relation input) {
        this.input = input;
        this.mapMisses = new boolean[input.schema().size()];
        java.util.Map<int[], Boolean> seen = new java.util.IdentityHashMap<>();
        for (int i = 0; i < mapMisses.length; i++) {
            int[] map = input.rowMap(i);
            mapMisses[i] = map != null && seen.computeIfAbsent(map, ColumnRead::hasNegative);
        }
    }

    /** The input relation. */
    public Relation input() {
        return input;
    }

    /** A read of the named input column. */
    public ColumnRead read(String name) {
        int index = input.schema().indexOf(name);
        if (index < 0) {
            throw new InternalException("column '" + name + "' is not in the stage input " + input.schema());
        }
        return new ColumnRead(input.base(index), input.rowMap(index), mapMisses[index]);
    }

    /** {@code expr} compiled for one thread. */
    public VectorExpr compile(Expr expr) {
        VectorExpr out = expr.accept(new Visitor());
        if (out.type() != expr.type()) {
            throw new InternalException("compiled '" + expr + "' as " + out.type() + ", expected " + expr.type());
        }
        return out;
    }

    /** {@code expr} compiled and promoted to {@code target} (a numeric widening or the same type). */
    public VectorExpr compile(Expr expr, DataType target) {
        return promote(compile(expr), target);
    }

    /** A selector keeping the rows where {@code predicate} is TRUE, for one thread. */
    public Selector selector(Expr predicate) {
        return Selector.of(predicate, this);
    }

    static VectorExpr promote(VectorExpr e, DataType target) {
        if (e.type() == target) {
            return e;
        }
        if (e.type() == DataType.NULL || (e instanceof Constant c && c.isNull())) {
            return new Constant(target, null);
        }
        if (Vec.Kind.of(e.type()) == Vec.Kind.of(target)) {
            return e instanceof Constant c ? new Constant(target, Column1.longObject(target, c.longValue())) : new Retyped(e, target);
        }
        if (target == DataType.FLOAT64) {
            return e instanceof Constant c ? new Constant(DataType.FLOAT64, c.doubleValue()) : new ToDouble(e);
        }
        throw new InternalException("cannot promote " + e.type() + " to " + target);
    }

    /** Boxing of long constants for retyping between long-valued types (only numeric widening occurs). */
    private static final class Column1 {
        static Object longObject(DataType type, long value) {
            return switch (type) {
                case INT32 -> (int) value;
                case INT64 -> value;
                default -> throw new InternalException("promotion to " + type);
            };
        }
    }

    /** The same values under a wider long-valued type (INT32 to INT64). */
    private static final class Retyped extends VectorExpr {
        private final VectorExpr input;

        Retyped(VectorExpr input, DataType type) {
            super(type, input.nullable());
            this.input = input;
        }

        @Override
        public void eval(int[] sel, int n, Vec out) {
            input.eval(sel, n, out);
        }
    }

    private final class Visitor implements ExprVisitor<VectorExpr> {
        @Override
        public VectorExpr visitColumnRef(ColumnRef expr) {
            ColumnRead read = read(expr.name());
            if (read.type() != expr.type()) {
                throw new InternalException("column '" + expr.name() + "' is " + read.type()
                        + " at run time but was traced as " + expr.type());
            }
            return read;
        }

        @Override
        public VectorExpr visitLiteral(Literal expr) {
            return new Constant(expr.type(), expr.value());
        }

        @Override
        public VectorExpr visitArithmetic(Arithmetic expr) {
            DataType type = expr.type();
            if (type == DataType.NULL) {
                return new Constant(DataType.NULL, null);
            }
            VectorExpr left = promote(expr.left().accept(this), type);
            VectorExpr right = promote(expr.right().accept(this), type);
            if ((left instanceof Constant l && l.isNull()) || (right instanceof Constant r && r.isNull())) {
                return new Constant(type, null);
            }
            return new ArithmeticVector(expr.op(), type, left, right, expr.toString());
        }

        @Override
        public VectorExpr visitComparison(Comparison expr) {
            DataType type = expr.operandType();
            if (type == DataType.NULL) {
                return new Constant(DataType.BOOLEAN, null);
            }
            VectorExpr left = promote(expr.left().accept(this), type);
            VectorExpr right = promote(expr.right().accept(this), type);
            if ((left instanceof Constant l && l.isNull()) || (right instanceof Constant r && r.isNull())) {
                return new Constant(DataType.BOOLEAN, null);
            }
            if (left instanceof Constant && !(right instanceof Constant)) {
                return new ComparisonVector(expr.op().flip(), right, left);
            }
            return new ComparisonVector(expr.op(), left, right);
        }

        @Override
        public VectorExpr visitLogical(Logical expr) {
            return new LogicalVector.Binary(expr.op(), expr.left().accept(this), expr.right().accept(this));
        }

        @Override
        public VectorExpr visitNot(Not expr) {
            return new LogicalVector.Negation(expr.input().accept(this));
        }

        @Override
        public VectorExpr visitIsNull(IsNull expr) {
            return new LogicalVector.NullTest(expr.input().accept(this), expr.negated());
        }

        @Override
        public VectorExpr visitCast(Cast expr) {
            VectorExpr input = expr.input().accept(this);
            if (input.type() == expr.type()) {
                return input;
            }
            if (input.type() == DataType.NULL) {
                return new Constant(expr.type(), null);
            }
            return new CastVector(input, expr.type(), expr.toString());
        }

        @Override
        public VectorExpr visitCoalesce(Coalesce expr) {
            List<VectorExpr> arguments = new ArrayList<>();
            for (Expr argument : expr.arguments()) {
                arguments.add(argument.accept(this));
            }
            return new CoalesceVector(expr.type(), arguments);
        }
    }

    /** Whether an expression is a conjunction, for selectors that narrow step by step. */
    static boolean isAnd(Expr expr) {
        return expr instanceof Logical logical && logical.op() == LogicalOp.AND;
    }
}
