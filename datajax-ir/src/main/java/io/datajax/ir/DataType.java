package io.datajax.ir;

import java.util.Optional;

/**
 * The value types of DataJax columns and expressions.
 *
 * <p>Numeric promotion is {@code INT32 < INT64 < FLOAT64}; {@link #NULL} is the type of an untyped null
 * literal and unifies with every type. DATE and STRING never convert implicitly.
 */
public enum DataType {
    BOOLEAN,
    INT32,
    INT64,
    FLOAT64,
    STRING,
    /** Calendar date, stored as days since 1970-01-01. */
    DATE,
    /** Local date-time without zone, stored as microseconds since 1970-01-01T00:00. */
    TIMESTAMP,
    /** The type of an untyped {@code null} literal; never the type of a materialised column. */
    NULL;

    /** Whether this is INT32, INT64 or FLOAT64. */
    public boolean isNumeric() {
        return this == INT32 || this == INT64 || this == FLOAT64;
    }

    /** Whether this is INT32 or INT64. */
    public boolean isInteger() {
        return this == INT32 || this == INT64;
    }

    /** Whether values of this type have a total order usable by comparisons, sorts, min and max. */
    public boolean isOrdered() {
        return this != NULL;
    }

    /**
     * The common type two operands are promoted to for arithmetic, comparison or a join key, if any.
     * Numeric types promote to the wider one; {@link #NULL} takes the other side's type; any other pair
     * unifies only with itself.
     */
    public Optional<DataType> unify(DataType other) {
        if (this == other) {
            return Optional.of(this);
        }
        if (this == NULL) {
            return Optional.of(other);
        }
        if (other == NULL) {
            return Optional.of(this);
        }
        if (isNumeric() && other.isNumeric()) {
            return Optional.of(ordinal() > other.ordinal() ? this : other);
        }
        return Optional.empty();
    }
}
