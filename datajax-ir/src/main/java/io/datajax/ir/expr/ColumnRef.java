package io.datajax.ir.expr;

import static java.util.Objects.requireNonNull;

import io.datajax.ir.DataType;
import io.datajax.ir.Field;
import java.util.List;

/** A reference to a column of the input, by name, with the type it had when traced. */
public record ColumnRef(String name, DataType type, boolean nullable) implements Expr {
    public ColumnRef {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
    }

    /** A reference to the given field. */
    public static ColumnRef of(Field field) {
        return new ColumnRef(field.name(), field.type(), field.nullable());
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
        return visitor.visitColumnRef(this);
    }

    @Override
    public String toString() {
        return name;
    }
}
