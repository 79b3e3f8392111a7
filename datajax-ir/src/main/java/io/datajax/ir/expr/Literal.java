package io.datajax.ir.expr;

import static java.util.Objects.requireNonNull;

import io.datajax.ir.DataType;
import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.SchemaException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A constant. Java value classes per type: Boolean, Integer (INT32), Long (INT64), Double (FLOAT64),
 * String, LocalDate (DATE), LocalDateTime (TIMESTAMP); {@code null} for a null of any type.
 */
public record Literal(Object value, DataType type) implements Expr {
    public Literal {
        requireNonNull(type, "type is null");
        if (value != null && !javaClass(type).isInstance(value)) {
            throw new IllegalArgumentException("literal " + value + " (" + value.getClass().getSimpleName()
                    + ") is not a " + type);
        }
    }

    /** A literal of a Java value, typed by its class. */
    public static Literal of(Object value) {
        if (value == null) {
            return new Literal(null, DataType.NULL);
        }
        return new Literal(value, typeOf(value));
    }

    /** A null of the given type. */
    public static Literal nullOf(DataType type) {
        return new Literal(null, type);
    }

    /** The DataJax type of a supported Java value. */
    public static DataType typeOf(Object value) {
        if (value instanceof Boolean) {
            return DataType.BOOLEAN;
        } else if (value instanceof Integer) {
            return DataType.INT32;
        } else if (value instanceof Long) {
            return DataType.INT64;
        } else if (value instanceof Double) {
            return DataType.FLOAT64;
        } else if (value instanceof String) {
            return DataType.STRING;
        } else if (value instanceof LocalDate) {
            return DataType.DATE;
        } else if (value instanceof LocalDateTime) {
            return DataType.TIMESTAMP;
        }
        throw new SchemaException(ErrorCode.TYPE_MISMATCH, "Unsupported literal " + value + " of class "
                + value.getClass().getName() + ". Valid: Boolean, Integer, Long, Double, String, LocalDate,"
                + " LocalDateTime, or null.");
    }

    private static Class<?> javaClass(DataType type) {
        return switch (type) {
            case BOOLEAN -> Boolean.class;
            case INT32 -> Integer.class;
            case INT64 -> Long.class;
            case FLOAT64 -> Double.class;
            case STRING -> String.class;
            case DATE -> LocalDate.class;
            case TIMESTAMP -> LocalDateTime.class;
            case NULL -> Void.class;
        };
    }

    /** Whether this is a null. */
    public boolean isNull() {
        return value == null;
    }

    @Override
    public boolean nullable() {
        return value == null;
    }

    @Override
    public List<Expr> children() {
        return List.of();
    }

    @Override
    public Expr withChildren(List<Expr> children) {
        return this;
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitLiteral(this);
    }

    @Override
    public String toString() {
        if (value == null) {
            return type == DataType.NULL ? "NULL" : "NULL::" + type;
        }
        return switch (type) {
            case INT64 -> value + "L";
            case FLOAT64 -> {
                double d = (Double) value;
                yield Double.isNaN(d) || Double.isInfinite(d) ? "'" + d + "'::FLOAT64" : Double.toString(d);
            }
            case STRING -> "'" + ((String) value).replace("'", "''") + "'";
            case DATE -> "DATE '" + value + "'";
            case TIMESTAMP -> "TIMESTAMP '" + value + "'";
            default -> value.toString();
        };
    }
}
