package io.datajax.ir.expr;

import static java.util.Objects.requireNonNull;

import io.datajax.ir.DataType;
import io.datajax.ir.error.SchemaException;
import java.util.List;

/** {@code left op right}, BOOLEAN; null if either side is null. Operand types must unify. */
public record Comparison(ComparisonOp op, Expr left, Expr right) implements Expr {
    public Comparison {
        requireNonNull(op, "op is null");
        requireNonNull(left, "left is null");
        requireNonNull(right, "right is null");
        if (left.type().unify(right.type()).isEmpty()) {
            throw SchemaException.typeMismatch("'" + left + " " + op.symbol() + " " + right + "'",
                    "cannot compare " + left.type() + " with " + right.type()
                            + ". Numbers compare with numbers; other types only with themselves. Cast one side.");
        }
    }

    /** The type both operands are compared as. */
    public DataType operandType() {
        return left.type().unify(right.type()).orElseThrow();
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
        return new Comparison(op, children.get(0), children.get(1));
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitComparison(this);
    }

    @Override
    public String toString() {
        return "(" + left + " " + op.symbol() + " " + right + ")";
    }
}
