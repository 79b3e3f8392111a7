package io.datajax.ir.expr;

import static java.util.Objects.requireNonNull;

import io.datajax.ir.DataType;
import java.util.List;

/** Logical negation; {@code NOT null} is null. */
public record Not(Expr input) implements Expr {
    public Not {
        requireNonNull(input, "input is null");
        Exprs.requireBoolean(input, "NOT");
    }

    @Override
    public DataType type() {
        return DataType.BOOLEAN;
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
        return new Not(children.get(0));
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitNot(this);
    }

    @Override
    public String toString() {
        return "(NOT " + input + ")";
    }
}
