package io.datajax.api;

import io.datajax.ir.DataType;
import io.datajax.ir.plan.AggFunction;
import java.util.Optional;

/** Static factories for columns, literals, aggregates and sort keys; meant for {@code import static}. */
public final class Functions {
    private Functions() {
    }

    /** A reference to a column by name. */
    public static Column col(String name) {
        return Column.ref(name);
    }

    /**
     * A literal: Boolean, Integer (INT32), Long (INT64), Double (FLOAT64), String, LocalDate, LocalDateTime,
     * or null (an untyped null that takes the type of what it meets; use {@link #nullOf} for a column).
     */
    public static Column lit(Object value) {
        return Column.literal(value);
    }

    /** A null of the given type. */
    public static Column nullOf(DataType type) {
        return Column.typedNull(type);
    }

    /** Sum of non-null values; INT32/INT64 sum to INT64. */
    public static Agg sum(String column) {
        return sum(col(column));
    }

    /** Sum of an expression's non-null values. */
    public static Agg sum(Column expr) {
        return new Agg(AggFunction.SUM, Optional.of(expr), Optional.empty());
    }

    /** Mean of non-null values, FLOAT64. */
    public static Agg mean(String column) {
        return mean(col(column));
    }

    /** Mean of an expression's non-null values. */
    public static Agg mean(Column expr) {
        return new Agg(AggFunction.MEAN, Optional.of(expr), Optional.empty());
    }

    /** Smallest non-null value. */
    public static Agg min(String column) {
        return min(col(column));
    }

    /** Smallest non-null value of an expression. */
    public static Agg min(Column expr) {
        return new Agg(AggFunction.MIN, Optional.of(expr), Optional.empty());
    }

    /** Largest non-null value. */
    public static Agg max(String column) {
        return max(col(column));
    }

    /** Largest non-null value of an expression. */
    public static Agg max(Column expr) {
        return new Agg(AggFunction.MAX, Optional.of(expr), Optional.empty());
    }

    /** Number of non-null values. */
    public static Agg count(String column) {
        return count(col(column));
    }

    /** Number of non-null values of an expression. */
    public static Agg count(Column expr) {
        return new Agg(AggFunction.COUNT, Optional.of(expr), Optional.empty());
    }

    /** Number of rows, named {@code count}. */
    public static Agg count() {
        return new Agg(AggFunction.COUNT_ALL, Optional.empty(), Optional.empty());
    }

    /** Ascending sort key, nulls last. */
    public static SortOrder asc(String column) {
        return new SortOrder(column, true, false);
    }

    /** Descending sort key, nulls last. */
    public static SortOrder desc(String column) {
        return new SortOrder(column, false, false);
    }

    /**
     * The first non-null of {@code values} (Columns or Java values), like SQL {@code COALESCE}: numeric arguments
     * promote to the widest type, other types must match; NaN is a value, not null. Named after its first argument
     * when that is a column: {@code coalesce(col("total"), 0)} is {@code total}.
     */
    public static Column coalesce(Object... values) {
        if (values.length < 2) {
            throw new io.datajax.ir.error.SchemaException(io.datajax.ir.error.ErrorCode.INVALID_ARGUMENT,
                    "coalesce needs at least two arguments, got " + values.length + ".");
        }
        return Column.coalesce(values);
    }
}
