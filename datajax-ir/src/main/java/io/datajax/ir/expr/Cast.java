package io.datajax.ir.expr;

import static java.util.Objects.requireNonNull;

import io.datajax.ir.DataType;
import io.datajax.ir.error.SchemaException;
import java.util.List;

/**
 * An explicit conversion. Allowed: between numeric types (FLOAT64 to integer truncates toward zero;
 * out-of-range or NaN is an error), BOOLEAN to and from numbers, any type to and from STRING (parsing
 * errors are errors, never null), DATE to and from TIMESTAMP, and NULL to anything.
 */
public record Cast(Expr input, DataType type) implements Expr {
    public Cast {
        requireNonNull(input, "input is null");
        requireNonNull(type, "type is null");
        if (!allowed(input.type(), type)) {
            throw SchemaException.typeMismatch("cast of '" + input + "'", "cannot cast " + input.type() + " to "
                    + type + ". Allowed: numeric<->numeric, BOOLEAN<->numeric, any<->STRING, DATE<->TIMESTAMP.");
        }
    }

    /** Whether a cast from {@code from} to {@code to} is defined. */
    public static boolean allowed(DataType from, DataType to) {
        if (to == DataType.NULL) {
            return from == DataType.NULL;
        }
        if (from == to || from == DataType.NULL || from == DataType.STRING || to == DataType.STRING) {
            return true;
        }
        boolean fromNumberish = from.isNumeric() || from == DataType.BOOLEAN;
        boolean toNumberish = to.isNumeric() || to == DataType.BOOLEAN;
        if (fromNumberish && toNumberish) {
            return true;
        }
        return (from == DataType.DATE && to == DataType.TIMESTAMP) || (from == DataType.TIMESTAMP && to == DataType.DATE);
    }

    @Override
    public boolean nullable() {
        return input.nullable();
    }

    @Override
    public List<Expr> children() {
        return List.of(input);
    }

    @Override
    public Expr withChildren(List<Expr> children) {
        return new Cast(children.get(0), type);
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitCast(this);
    }

    @Override
    public String toString() {
        return "CAST(" + input + " AS " + type + ")";
    }
}
