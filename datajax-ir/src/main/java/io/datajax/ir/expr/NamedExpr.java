package io.datajax.ir.expr;

import static java.util.Objects.requireNonNull;

import io.datajax.ir.DataType;
import io.datajax.ir.Field;
import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.SchemaException;
import java.io.Serializable;

/** An output column of a projection: {@code name := expr}. */
public record NamedExpr(String name, Expr expr) implements Serializable {
    public NamedExpr {
        requireNonNull(name, "name is null");
        requireNonNull(expr, "expr is null");
        if (expr.type() == DataType.NULL) {
            throw new SchemaException(ErrorCode.TYPE_MISMATCH, "Column '" + name + "' would have no type: '"
                    + expr + "' is an untyped null. Give it one, e.g. lit(null).cast(DataType.INT64).");
        }
    }

    /** The output field this produces. */
    public Field field() {
        return new Field(name, expr.type(), expr.nullable());
    }

    /** Whether this passes a column through unchanged under its own name. */
    public boolean isIdentity() {
        return expr instanceof ColumnRef ref && ref.name().equals(name);
    }

    @Override
    public String toString() {
        return isIdentity() ? name : name + " := " + expr;
    }
}
