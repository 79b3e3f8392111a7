package io.datajax.ir.expr;

import static java.util.Objects.requireNonNull;

import io.datajax.ir.DataType;
import java.util.List;

/**
 * {@code left AND right} or {@code left OR right} with SQL three-valued logic: {@code false AND null}
 * is false, {@code true OR null} is true, otherwise null taints.
 */
public record Logical(LogicalOp op, Expr left, Expr right) implements Expr {
    public Logical {
        requireNonNull(op, "op is null");
        requireNonNull(left, "left is null");
        requireNonNull(right, "right is null");
        Exprs.requireBoolean(left, op.name());
        Exprs.requireBoolean(right, op.name());
    }

    @Override
    public DataType type() {
        return DataType.BOOLEAN;
    }

    @Override
    public boolean nullable() {
        return left.nullable() || right.nullable();
    }

    @Override
    public List<Expr> children() {
        return List.of(left, right);
    }

    @Override
    public Expr withChildren(List<Expr> children) {
        return new Logical(op, children.get(0), children.get(1));
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitLogical(this);
    }

    @Override
    public String toString() {
        return "(" + left + " " + op + " " + right + ")";
    }

}
