package io.datajax.ir.expr;

/** Comparison operators. Values compare after promotion; NaN is greater than every number and equals NaN. */
public enum ComparisonOp {
    EQ("="),
    NE("<>"),
    LT("<"),
    LE("<="),
    GT(">"),
    GE(">=");

    private final String symbol;

    ComparisonOp(String symbol) {
        this.symbol = symbol;
    }

    /** The operator as written in SQL, e.g. {@code "<="}. */
    public String symbol() {
        return symbol;
    }

    /** The operator with operands swapped: {@code a < b} is {@code b > a}. */
    public ComparisonOp flip() {
        return switch (this) {
            case EQ, NE -> this;
            case LT -> GT;
            case LE -> GE;
            case GT -> LT;
            case GE -> LE;
        };
    }

    /** The logical negation for non-null operands: {@code not (a < b)} is {@code a >= b}. */
    public ComparisonOp negate() {
        return switch (this) {
            case EQ -> NE;
            case NE -> EQ;
            case LT -> GE;
            case LE -> GT;
            case GT -> LE;
            case GE -> LT;
        };
    }

    /** Whether {@code compare(a, b)} (negative, zero, positive) satisfies this operator. */
    public boolean test(int comparison) {
        return switch (this) {
            case EQ -> comparison == 0;
            case NE -> comparison != 0;
            case LT -> comparison < 0;
            case LE -> comparison <= 0;
            case GT -> comparison > 0;
            case GE -> comparison >= 0;
        };
    }
}
