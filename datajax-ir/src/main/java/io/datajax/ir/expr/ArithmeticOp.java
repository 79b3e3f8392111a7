package io.datajax.ir.expr;

import io.datajax.ir.DataType;
import java.util.Optional;

/** Binary arithmetic operators with their result-type rule. */
public enum ArithmeticOp {
    ADD("+"),
    SUBTRACT("-"),
    MULTIPLY("*"),
    /** Always FLOAT64; division by zero follows IEEE 754. */
    DIVIDE("/"),
    /** Remainder with the sign of the dividend; an integer remainder by zero is null. */
    MODULO("%");

    private final String symbol;

    ArithmeticOp(String symbol) {
        this.symbol = symbol;
    }

    /** The operator as written, e.g. {@code "+"}. */
    public String symbol() {
        return symbol;
    }

    /** The result type for numeric operands, or empty when the operands are not both numeric (or NULL). */
    public Optional<DataType> resultType(DataType left, DataType right) {
        boolean leftOk = left.isNumeric() || left == DataType.NULL;
        boolean rightOk = right.isNumeric() || right == DataType.NULL;
        if (!leftOk || !rightOk) {
            return Optional.empty();
        }
        if (this == DIVIDE) {
            return Optional.of(DataType.FLOAT64);
        }
        return left.unify(right);
    }
}
