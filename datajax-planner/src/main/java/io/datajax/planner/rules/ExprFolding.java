package io.datajax.planner.rules;

import io.datajax.ir.DataType;
import io.datajax.ir.expr.Arithmetic;
import io.datajax.ir.expr.ArithmeticOp;
import io.datajax.ir.expr.Cast;
import io.datajax.ir.expr.Comparison;
import io.datajax.ir.expr.ComparisonOp;
import io.datajax.ir.expr.Expr;
import io.datajax.ir.expr.Exprs;
import io.datajax.ir.expr.IsNull;
import io.datajax.ir.expr.Literal;
import io.datajax.ir.expr.Logical;
import io.datajax.ir.expr.LogicalOp;
import io.datajax.ir.expr.Not;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Constant folding of expressions with the runtime's semantics, for {@link FoldConstants}.
 *
 * <p>Every folded literal has the type of the expression it replaces. Whatever would raise an error at
 * run time (integer overflow, a narrowing cast out of range) is left unfolded for the runtime to report.
 * Folding returns the very same object when nothing folds.
 */
final class ExprFolding {
    private ExprFolding() {
    }

    /** {@code expr} with every constant sub-expression evaluated. */
    static Expr fold(Expr expr) {
        return Exprs.transformUp(expr, ExprFolding::foldNode);
    }

    private static Expr foldNode(Expr expr) {
        if (expr instanceof Logical logical) {
            return foldLogical(logical);
        }
        if (expr.children().isEmpty() || !expr.children().stream().allMatch(c -> c instanceof Literal)) {
            return expr;
        }
        if (expr instanceof Arithmetic arithmetic) {
            return foldArithmetic(arithmetic);
        }
        if (expr instanceof Comparison comparison) {
            return foldComparison(comparison);
        }
        if (expr instanceof Not not) {
            Literal input = (Literal) not.input();
            return input.isNull() ? Literal.nullOf(DataType.BOOLEAN) : Literal.of(!(Boolean) input.value());
        }
        if (expr instanceof IsNull isNull) {
            return Literal.of(((Literal) isNull.input()).isNull() != isNull.negated());
        }
        if (expr instanceof Cast cast) {
            return foldCast(cast);
        }
        return expr;
    }

    /** Three-valued AND/OR, including the shortcuts that hold whatever the other operand is. */
    private static Expr foldLogical(Logical logical) {
        boolean isAnd = logical.op() == LogicalOp.AND;
        Boolean left = truth(logical.left());
        Boolean right = truth(logical.right());
        // false AND x is false, true OR x is true, even when x is null or unknown.
        if (Boolean.valueOf(!isAnd).equals(left) || Boolean.valueOf(!isAnd).equals(right)) {
            return Literal.of(!isAnd);
        }
        // true AND x is x, false OR x is x (also in three-valued logic).
        if (Boolean.valueOf(isAnd).equals(left) && logical.right().type() == DataType.BOOLEAN) {
            return logical.right();
        }
        if (Boolean.valueOf(isAnd).equals(right) && logical.left().type() == DataType.BOOLEAN) {
            return logical.left();
        }
        if (logical.left() instanceof Literal && logical.right() instanceof Literal) {
            // Both literal, neither decides: at least one is null, so the result is null.
            return Literal.nullOf(DataType.BOOLEAN);
        }
        return logical;
    }

    /** TRUE/FALSE for a non-null boolean literal, else null (not a literal, or a null literal). */
    private static Boolean truth(Expr expr) {
        return expr instanceof Literal literal && literal.value() instanceof Boolean b ? b : null;
    }

    private static Expr foldArithmetic(Arithmetic arithmetic) {
        Literal left = (Literal) arithmetic.left();
        Literal right = (Literal) arithmetic.right();
        DataType type = arithmetic.type();
        if (left.isNull() || right.isNull()) {
            return Literal.nullOf(type);
        }
        ArithmeticOp op = arithmetic.op();
        if (type == DataType.FLOAT64) {
            double a = asDouble(left.value());
            double b = asDouble(right.value());
            double result = switch (op) {
                case ADD -> a + b;
                case SUBTRACT -> a - b;
                case MULTIPLY -> a * b;
                case DIVIDE -> a / b;
                case MODULO -> a % b;
            };
            return new Literal(result, DataType.FLOAT64);
        }
        long a = ((Number) left.value()).longValue();
        long b = ((Number) right.value()).longValue();
        if (op == ArithmeticOp.MODULO && b == 0) {
            return Literal.nullOf(type);
        }
        try {
            if (type == DataType.INT32) {
                int x = (int) a;
                int y = (int) b;
                int result = switch (op) {
                    case ADD -> Math.addExact(x, y);
                    case SUBTRACT -> Math.subtractExact(x, y);
                    case MULTIPLY -> Math.multiplyExact(x, y);
                    case MODULO -> x % y;
                    case DIVIDE -> throw new IllegalStateException("division is FLOAT64");
                };
                return new Literal(result, DataType.INT32);
            }
            long result = switch (op) {
                case ADD -> Math.addExact(a, b);
                case SUBTRACT -> Math.subtractExact(a, b);
                case MULTIPLY -> Math.multiplyExact(a, b);
                case MODULO -> a % b;
                case DIVIDE -> throw new IllegalStateException("division is FLOAT64");
            };
            return new Literal(result, DataType.INT64);
        } catch (ArithmeticException overflow) {
            // Overflow is a run-time error; leave it for the runtime to raise with its context.
            return arithmetic;
        }
    }

    private static Expr foldComparison(Comparison comparison) {
        Literal left = (Literal) comparison.left();
        Literal right = (Literal) comparison.right();
        if (left.isNull() || right.isNull()) {
            return Literal.nullOf(DataType.BOOLEAN);
        }
        DataType type = comparison.operandType();
        ComparisonOp op = comparison.op();
        int order;
        if (type == DataType.FLOAT64) {
            order = compareDoubles(asDouble(left.value()), asDouble(right.value()));
        } else if (type.isInteger()) {
            order = Long.compare(((Number) left.value()).longValue(), ((Number) right.value()).longValue());
        } else if (type == DataType.BOOLEAN) {
            order = Boolean.compare((Boolean) left.value(), (Boolean) right.value());
        } else if (type == DataType.DATE) {
            order = ((LocalDate) left.value()).compareTo((LocalDate) right.value());
        } else if (type == DataType.TIMESTAMP) {
            order = ((LocalDateTime) left.value()).compareTo((LocalDateTime) right.value());
        } else if (type == DataType.STRING && (op == ComparisonOp.EQ || op == ComparisonOp.NE)) {
            // Only equality: string order (collation) is the runtime's business.
            order = left.value().equals(right.value()) ? 0 : 1;
        } else {
            return comparison;
        }
        return Literal.of(op.test(order));
    }

    /** NaN is above every number and equal to itself; -0.0 equals 0.0. */
    private static int compareDoubles(double a, double b) {
        boolean aNaN = Double.isNaN(a);
        boolean bNaN = Double.isNaN(b);
        if (aNaN || bNaN) {
            return aNaN == bNaN ? 0 : aNaN ? 1 : -1;
        }
        return a < b ? -1 : a > b ? 1 : 0;
    }

    /** Casts that are exact and cannot fail: nulls, identity, widening between numbers, in-range narrowing. */
    private static Expr foldCast(Cast cast) {
        Literal input = (Literal) cast.input();
        DataType to = cast.type();
        if (to == DataType.NULL) {
            return cast;
        }
        if (input.isNull()) {
            return Literal.nullOf(to);
        }
        DataType from = input.type();
        if (from == to) {
            return input;
        }
        if (from.isInteger() && to == DataType.INT64) {
            return new Literal(((Number) input.value()).longValue(), DataType.INT64);
        }
        if (from.isInteger() && to == DataType.FLOAT64) {
            return new Literal(((Number) input.value()).doubleValue(), DataType.FLOAT64);
        }
        if (from == DataType.INT64 && to == DataType.INT32) {
            long value = (Long) input.value();
            return value == (int) value ? new Literal((int) value, DataType.INT32) : cast;
        }
        return cast;
    }

    private static double asDouble(Object value) {
        return ((Number) value).doubleValue();
    }
}
