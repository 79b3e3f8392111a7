package io.datajax.ir.expr;

import static java.util.Objects.requireNonNull;

import io.datajax.ir.DataType;
import java.util.List;

/** {@code input IS NULL}, or {@code IS NOT NULL} when negated; never null itself. NaN is not null. */
public record IsNull(Expr input, boolean negated) implements Expr {
    public IsNull {
        requireNonNull(input, "input is null");
    }

    @Override
    public DataType type() {
        return DataType.BOOLEAN;
    }

    @Override
    public boolean nullable() {
        return false;
    }

    @Override
    public List<Expr> children() {
        return List.of(input);
    }

    @Override
    public Expr withChildren(List<Expr> children) {
        return new IsNull(children.get(0), negated);
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitIsNull(this);
    }

    @Override
    public String toString() {
        return "(" + input + (negated ? " IS NOT NULL)" : " IS NULL)");
    }
}
