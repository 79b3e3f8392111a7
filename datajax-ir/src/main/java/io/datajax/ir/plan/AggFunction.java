package io.datajax.ir.plan;

import io.datajax.ir.DataType;
import java.util.Optional;

/** Aggregate functions. All skip nulls; over no non-null value they give null, except the counts (0). */
public enum AggFunction {
    /** INT32/INT64 sum to INT64 (overflow is an error); FLOAT64 to FLOAT64. */
    SUM("sum"),
    /** FLOAT64 mean of numbers. */
    MEAN("mean"),
    /** Smallest value; keeps the type. */
    MIN("min"),
    /** Largest value; keeps the type. */
    MAX("max"),
    /** Non-null values of the argument, INT64. */
    COUNT("count"),
    /** Rows, INT64; takes no argument; named {@code count} by default. */
    COUNT_ALL("count");

    private final String displayName;

    AggFunction(String displayName) {
        this.displayName = displayName;
    }

    /** The name as written by users, e.g. {@code "sum"}. */
    public String displayName() {
        return displayName;
    }

    /** The result type for an argument of the given type, or empty when the function does not accept it. */
    public Optional<DataType> resultType(DataType argument) {
        return switch (this) {
            case SUM -> argument.isInteger() ? Optional.of(DataType.INT64)
                    : argument == DataType.FLOAT64 ? Optional.of(DataType.FLOAT64) : Optional.empty();
            case MEAN -> argument.isNumeric() ? Optional.of(DataType.FLOAT64) : Optional.empty();
            case MIN, MAX -> argument == DataType.NULL ? Optional.empty() : Optional.of(argument);
            case COUNT, COUNT_ALL -> Optional.of(DataType.INT64);
        };
    }
}
