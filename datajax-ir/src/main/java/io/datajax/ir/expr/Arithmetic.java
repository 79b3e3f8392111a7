package io.datajax.ir.expr;

import static java.util.Objects.requireNonNull;

import io.datajax.ir.DataType;
import io.datajax.ir.error.SchemaException;
import java.util.List;

/** {@code left op right} over numbers, promoted per {@link ArithmeticOp#resultType}. Null in, null out. */
public record Arithmetic(ArithmeticOp op, Expr left, Expr right, DataType type) implements Expr {
    public Arithmetic {
        requireNonNull(op, "op is null");
        requireNonNull(left, "left is null");
        requireNonNull(right, "right is null");
        requireNonNull(type, "type is null");
        DataType expected = op.resultType(left.type(), right.type()).orElseThrow(() -> SchemaException.typeMismatch(
                "'" + left + " " + op.symbol() + " " + right + "'",
                "operator " + op.symbol() + " needs numeric operands (INT32, INT64, FLOAT64), got "
                        + left.type() + " and " + right.type() + ". Cast one side if that is what you mean."));
        if (expected != type) {
            throw new IllegalArgumentException("arithmetic " + op + " yields " + expected + ", not " + type);
        }
    }

    /** A type-checked arithmetic expression. */
    public static Arithmetic of(ArithmeticOp op, Expr left, Expr right) {
        DataType type = op.resultType(left.type(), right.type()).orElse(DataType.NULL);
        return new Arithmetic(op, left, right, type);
    }

    @Override
    public boolean nullable() {
        return left.nullable() || right.nullable() || (op == ArithmeticOp.MODULO && type.isInteger());
    }

    @Override
    public List<Expr> children() {
        return List.of(left, right);
    }

    @Override
    public Expr withChildren(List<Expr> children) {
        return of(op, children.get(0), children.get(1));
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitArithmetic(this);
    }

    @Override
    public String toString() {
        return "(" + left + " " + op.symbol() + " " + right + ")";
    }
}
