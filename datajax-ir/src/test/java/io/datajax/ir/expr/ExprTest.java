package io.datajax.ir.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datajax.ir.DataType;
import io.datajax.ir.error.SchemaException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExprTest {
    private static final ColumnRef QTY = new ColumnRef("qty", DataType.INT64, true);
    private static final ColumnRef PRICE = new ColumnRef("price", DataType.FLOAT64, true);
    private static final ColumnRef NAME = new ColumnRef("name", DataType.STRING, true);
    private static final ColumnRef DAY = new ColumnRef("day", DataType.DATE, true);

    @Test
    void arithmeticPromotesAndDivisionIsAlwaysFloat() {
        assertThat(Arithmetic.of(ArithmeticOp.ADD, QTY, Literal.of(1)).type()).isEqualTo(DataType.INT64);
        assertThat(Arithmetic.of(ArithmeticOp.MULTIPLY, QTY, PRICE).type()).isEqualTo(DataType.FLOAT64);
        assertThat(Arithmetic.of(ArithmeticOp.DIVIDE, Literal.of(1), Literal.of(2)).type()).isEqualTo(DataType.FLOAT64);
    }

    @Test
    void arithmeticOnStringsIsATypeError() {
        assertThatThrownBy(() -> Arithmetic.of(ArithmeticOp.ADD, NAME, Literal.of(1)))
                .isInstanceOf(SchemaException.class)
                .hasMessageContaining("Type mismatch in 'name + 1'")
                .hasMessageContaining("needs numeric operands (INT32, INT64, FLOAT64), got STRING and INT32");
    }

    @Test
    void comparingDateWithStringIsATypeError() {
        assertThatThrownBy(() -> new Comparison(ComparisonOp.LT, DAY, Literal.of("2024-01-01")))
                .hasMessageContaining("cannot compare DATE with STRING");
    }

    @Test
    void logicalOperandsMustBeBoolean() {
        assertThatThrownBy(() -> new Logical(LogicalOp.AND, QTY, Literal.of(true)))
                .hasMessageContaining("operand 'qty' is INT64, but AND needs BOOLEAN");
    }

    @Test
    void literalsPrintCanonically() {
        assertThat(Literal.of(1)).hasToString("1");
        assertThat(Literal.of(1L)).hasToString("1L");
        assertThat(Literal.of(2.5)).hasToString("2.5");
        assertThat(Literal.of("it's")).hasToString("'it''s'");
        assertThat(Literal.of(null)).hasToString("NULL");
        assertThat(Literal.nullOf(DataType.INT64)).hasToString("NULL::INT64");
        assertThat(Literal.of(LocalDate.of(2024, 1, 2))).hasToString("DATE '2024-01-02'");
    }

    @Test
    void castsFollowTheAllowedMatrix() {
        assertThat(new Cast(QTY, DataType.STRING).type()).isEqualTo(DataType.STRING);
        assertThat(new Cast(DAY, DataType.TIMESTAMP).type()).isEqualTo(DataType.TIMESTAMP);
        assertThatThrownBy(() -> new Cast(DAY, DataType.INT64)).hasMessageContaining("cannot cast DATE to INT64");
    }

    @Test
    void conjunctsSplitAndRejoin() {
        Expr a = new Comparison(ComparisonOp.GT, QTY, Literal.of(1L));
        Expr b = new IsNull(PRICE, true);
        Expr c = new Not(new Comparison(ComparisonOp.EQ, NAME, Literal.of("x")));
        Expr all = Exprs.and(List.of(a, b, c));
        assertThat(Exprs.conjuncts(all)).containsExactly(a, b, c);
        assertThat(Exprs.columns(all)).containsExactly("qty", "price", "name");
    }

    @Test
    void transformUpRebuildsOnlyChangedNodes() {
        Expr expr = Arithmetic.of(ArithmeticOp.ADD, QTY, Literal.of(1L));
        Expr renamed = Exprs.transformUp(expr, e -> e instanceof ColumnRef ref
                ? new ColumnRef("q2", ref.type(), ref.nullable()) : e);
        assertThat(renamed).hasToString("(q2 + 1L)");
        assertThat(Exprs.transformUp(expr, e -> e)).isSameAs(expr);
    }
}
