package io.datajax.io.parquet;

import io.datajax.ir.DataType;
import io.datajax.ir.expr.ColumnRef;
import io.datajax.ir.expr.Comparison;
import io.datajax.ir.expr.ComparisonOp;
import io.datajax.ir.expr.Expr;
import io.datajax.ir.expr.IsNull;
import io.datajax.ir.expr.Literal;
import io.datajax.ir.expr.Logical;
import io.datajax.ir.expr.LogicalOp;
import io.datajax.ir.expr.Not;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * Decides from a row group's column statistics whether a predicate can be TRUE for any of its rows. Handles
 * {@code AND}/{@code OR}/{@code NOT} of comparisons between a column and a literal (either side, all six
 * operators), {@code IS NULL} and {@code IS NOT NULL}; anything else may match. SQL semantics: a comparison with
 * null is never TRUE, NaN is greater than every number (statistics do not count NaN, so a FLOAT64 column is only
 * ruled out by {@code =}, {@code <} and {@code <=}), and absent statistics rule nothing out.
 */
final class RowGroupFilter {
    private RowGroupFilter() {
    }

    /** Whether {@code predicate} may be TRUE for a row of a row group with {@code statistics} per column. */
    static boolean mayMatch(Expr predicate, Map<String, RowGroupStatistics> statistics) {
        return !impossible(predicate, false, statistics);
    }

    /** Whether {@code predicate} (negated when {@code negate}) is TRUE for no row. */
    private static boolean impossible(Expr predicate, boolean negate, Map<String, RowGroupStatistics> statistics) {
        if (predicate instanceof Not not) {
            return impossible(not.input(), !negate, statistics);
        } else if (predicate instanceof Logical logical) {
            boolean and = (logical.op() == LogicalOp.AND) != negate;
            boolean left = impossible(logical.left(), negate, statistics);
            boolean right = impossible(logical.right(), negate, statistics);
            return and ? left || right : left && right;
        } else if (predicate instanceof IsNull isNull && isNull.input() instanceof ColumnRef column) {
            RowGroupStatistics stats = statistics.get(column.name());
            if (stats == null) {
                return false;
            }
            boolean wantsNull = isNull.negated() == negate;
            return wantsNull ? stats.nulls() == 0 : stats.allNull();
        } else if (predicate instanceof Comparison comparison) {
            return impossible(comparison, negate, statistics);
        } else if (predicate instanceof Literal literal && literal.type() == DataType.BOOLEAN) {
            return literal.isNull() || (Boolean) literal.value() == negate;
        }
        return false;
    }

    private static boolean impossible(Comparison comparison, boolean negate, Map<String, RowGroupStatistics> all) {
        ComparisonOp op = negate ? comparison.op().negate() : comparison.op();
        ColumnRef column;
        Literal literal;
        if (comparison.left() instanceof ColumnRef ref && comparison.right() instanceof Literal lit) {
            column = ref;
            literal = lit;
        } else if (comparison.right() instanceof ColumnRef ref && comparison.left() instanceof Literal lit) {
            column = ref;
            literal = lit;
            op = op.flip();
        } else {
            return false;
        }
        if (literal.isNull()) {
            return true;
        }
        RowGroupStatistics stats = all.get(column.name());
        if (stats == null) {
            return false;
        }
        if (stats.allNull()) {
            return true;
        }
        if (stats.min() == null) {
            return false;
        }
        Object value = comparable(literal.value());
        if (value instanceof String text && !text.chars().allMatch(c -> c < 0xD800)) {
            return false;
        }
        boolean mayHoldNaN = stats.type() == DataType.FLOAT64;
        if (mayHoldNaN && (op == ComparisonOp.NE || op == ComparisonOp.GT || op == ComparisonOp.GE
                || (value instanceof Double d && d.isNaN()))) {
            return false;
        }
        int againstMin = compare(stats.min(), value);
        int againstMax = compare(stats.max(), value);
        if (againstMin == Integer.MIN_VALUE || againstMax == Integer.MIN_VALUE) {
            return false;
        }
        return switch (op) {
            case EQ -> againstMin > 0 || againstMax < 0;
            case NE -> againstMin == 0 && againstMax == 0;
            case LT -> againstMin >= 0;
            case LE -> againstMin > 0;
            case GT -> againstMax <= 0;
            case GE -> againstMax < 0;
        };
    }

    /** A literal's value in the domain of {@link RowGroupStatistics}. */
    private static Object comparable(Object value) {
        if (value instanceof Integer i) {
            return (long) i;
        } else if (value instanceof LocalDate date) {
            return date.toEpochDay();
        } else if (value instanceof LocalDateTime time) {
            return time.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + time.getNano() / 1000;
        }
        return value;
    }

    /** Compares a statistic with a literal value; {@link Integer#MIN_VALUE} when they do not compare. */
    private static int compare(Object statistic, Object value) {
        if (statistic instanceof Long a && value instanceof Long b) {
            return Long.compare(a, b);
        } else if (statistic instanceof Number a && value instanceof Number b) {
            double x = a.doubleValue();
            double y = b.doubleValue();
            if (Double.isNaN(x) || Double.isNaN(y)) {
                return Double.isNaN(x) && Double.isNaN(y) ? 0 : Double.isNaN(x) ? 1 : -1;
            }
            return x < y ? -1 : x > y ? 1 : 0;
        } else if (statistic instanceof String a && value instanceof String b) {
            return Integer.signum(a.compareTo(b));
        } else if (statistic instanceof Boolean a && value instanceof Boolean b) {
            return Boolean.compare(a, b);
        }
        return Integer.MIN_VALUE;
    }
}
