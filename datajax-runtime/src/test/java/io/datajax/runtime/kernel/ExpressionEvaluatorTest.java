package io.datajax.runtime.kernel;

import static io.datajax.runtime.column.TestData.batch;
import static io.datajax.runtime.column.TestData.col;
import static io.datajax.runtime.column.TestData.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datajax.ir.DataType;
import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.ExecutionException;
import io.datajax.ir.expr.Arithmetic;
import io.datajax.ir.expr.ArithmeticOp;
import io.datajax.ir.expr.ColumnRef;
import io.datajax.ir.expr.Comparison;
import io.datajax.ir.expr.ComparisonOp;
import io.datajax.ir.expr.Expr;
import io.datajax.ir.expr.IsNull;
import io.datajax.ir.expr.Literal;
import io.datajax.ir.expr.Logical;
import io.datajax.ir.expr.LogicalOp;
import io.datajax.ir.expr.Not;
import io.datajax.runtime.column.Batch;
import io.datajax.runtime.column.Column;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpressionEvaluatorTest {
    private static ColumnRef ref(String name, DataType type) {
        return new ColumnRef(name, type, true);
    }

    private static List<Object> eval(Expr expr, Batch batch) {
        Column result = ExpressionEvaluator.evaluate(expr, batch);
        assertThat(result.type()).isEqualTo(expr.type());
        return values(result);
    }

    private final Batch numbers = batch(
            col("i", DataType.INT32, 7, -7, null, 0),
            col("l", DataType.INT64, 2L, 2L, 2L, null),
            col("d", DataType.FLOAT64, 0.5, 0.0, 1.0, Double.NaN));

    @Test
    void arithmeticPromotesToTheWiderTypeAndNullGivesNull() {
        assertThat(eval(Arithmetic.of(ArithmeticOp.ADD, ref("i", DataType.INT32), ref("l", DataType.INT64)), numbers))
                .containsExactly(9L, -5L, null, null);
        assertThat(eval(Arithmetic.of(ArithmeticOp.MULTIPLY, ref("i", DataType.INT32), ref("d", DataType.FLOAT64)), numbers))
                .containsExactly(3.5, -0.0, null, Double.NaN);
    }

    @Test
    void divisionIsAlwaysFloat64AndFollowsIeeeForZeroDivisors() {
        Batch b = batch(col("x", DataType.INT32, 1, -1, 0, 7), col("z", DataType.INT32, 0, 0, 0, 2));
        assertThat(eval(Arithmetic.of(ArithmeticOp.DIVIDE, ref("x", DataType.INT32), ref("z", DataType.INT32)), b))
                .containsExactly(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, 3.5);
        Batch d = batch(col("x", DataType.FLOAT64, 1.0, 0.0), col("z", DataType.FLOAT64, -0.0, 0.0));
        assertThat(eval(Arithmetic.of(ArithmeticOp.DIVIDE, ref("x", DataType.FLOAT64), ref("z", DataType.FLOAT64)), d))
                .containsExactly(Double.NEGATIVE_INFINITY, Double.NaN);
    }

    @Test
    void int32OverflowIsAnErrorNamingTheExpressionAndOperands() {
        Batch b = batch(col("x", DataType.INT32, 1, Integer.MAX_VALUE));
        Expr plusOne = Arithmetic.of(ArithmeticOp.ADD, ref("x", DataType.INT32), Literal.of(1));
        assertThatThrownBy(() -> ExpressionEvaluator.evaluate(plusOne, b))
                .isInstanceOf(ExecutionException.class)
                .hasMessageContaining("INTEGER_OVERFLOW")
                .hasMessageContaining("(x + 1)")
                .hasMessageContaining("2147483647 + 1 does not fit in INT32")
                .satisfies(e -> assertThat(((ExecutionException) e).code()).isEqualTo(ErrorCode.INTEGER_OVERFLOW));
        Expr timesTwo = Arithmetic.of(ArithmeticOp.MULTIPLY, ref("x", DataType.INT32), Literal.of(2));
        assertThatThrownBy(() -> ExpressionEvaluator.evaluate(timesTwo, b)).hasMessageContaining("INT32");
    }

    @Test
    void int64OverflowIsAnErrorInItsOwnWidth() {
        Batch b = batch(col("x", DataType.INT64, Long.MIN_VALUE), col("y", DataType.INT32, Integer.MAX_VALUE));
        assertThatThrownBy(() -> ExpressionEvaluator.evaluate(
                Arithmetic.of(ArithmeticOp.SUBTRACT, ref("x", DataType.INT64), Literal.of(1L)), b))
                .hasMessageContaining("-9223372036854775808 - 1 does not fit in INT64");
        assertThatThrownBy(() -> ExpressionEvaluator.evaluate(
                Arithmetic.of(ArithmeticOp.MULTIPLY, ref("x", DataType.INT64), Literal.of(-1L)), b))
                .hasMessageContaining("INT64");
        // INT32 + INT64 is computed in INT64, so it does not overflow.
        assertThat(eval(Arithmetic.of(ArithmeticOp.ADD, ref("y", DataType.INT32), Literal.of(1L)), b))
                .containsExactly(2147483648L);
    }

    @Test
    void overflowInANullRowIsNotAnError() {
        Batch b = batch(col("x", DataType.INT32, (Object) null));
        Expr plus = Arithmetic.of(ArithmeticOp.ADD, ref("x", DataType.INT32), Literal.of(Integer.MAX_VALUE));
        assertThat(eval(plus, b)).containsExactly((Object) null);
    }

    @Test
    void integerModuloByZeroIsNullAndTakesTheDividendsSign() {
        Batch b = batch(col("x", DataType.INT32, 7, -7, 7, 5), col("y", DataType.INT32, 3, 3, -3, 0));
        assertThat(eval(Arithmetic.of(ArithmeticOp.MODULO, ref("x", DataType.INT32), ref("y", DataType.INT32)), b))
                .containsExactly(1, -1, 1, null);
        Batch d = batch(col("x", DataType.FLOAT64, -7.5, 1.0), col("y", DataType.FLOAT64, 2.0, 0.0));
        assertThat(eval(Arithmetic.of(ArithmeticOp.MODULO, ref("x", DataType.FLOAT64), ref("y", DataType.FLOAT64)), d))
                .containsExactly(-1.5, Double.NaN);
    }

    @Test
    void comparisonsPromoteAndNullGivesNull() {
        assertThat(eval(new Comparison(ComparisonOp.LT, ref("i", DataType.INT32), ref("d", DataType.FLOAT64)), numbers))
                .containsExactly(false, true, null, true);
        assertThat(eval(new Comparison(ComparisonOp.EQ, ref("l", DataType.INT64), Literal.of(2)), numbers))
                .containsExactly(true, true, true, null);
    }

    @Test
    void nanEqualsNanAndIsAboveEveryNumberAndNegativeZeroEqualsZero() {
        Batch b = batch(col("x", DataType.FLOAT64, Double.NaN, Double.NaN, -0.0, Double.POSITIVE_INFINITY),
                col("y", DataType.FLOAT64, Double.NaN, 1e300, 0.0, Double.NaN));
        assertThat(eval(new Comparison(ComparisonOp.EQ, ref("x", DataType.FLOAT64), ref("y", DataType.FLOAT64)), b))
                .containsExactly(true, false, true, false);
        assertThat(eval(new Comparison(ComparisonOp.GT, ref("x", DataType.FLOAT64), ref("y", DataType.FLOAT64)), b))
                .containsExactly(false, true, false, false);
    }

    @Test
    void stringsBooleansAndDatesCompareInTheirNaturalOrder() {
        Batch b = batch(col("s", DataType.STRING, "B", "a"), col("t", DataType.STRING, "a", "a"),
                col("p", DataType.BOOLEAN, false, true), col("q", DataType.BOOLEAN, true, true),
                col("u", DataType.DATE, LocalDate.of(2020, 1, 1), LocalDate.of(1960, 1, 1)),
                col("v", DataType.DATE, LocalDate.of(2019, 12, 31), LocalDate.of(1960, 1, 1)));
        assertThat(eval(new Comparison(ComparisonOp.LT, ref("s", DataType.STRING), ref("t", DataType.STRING)), b))
                .containsExactly(true, false);
        assertThat(eval(new Comparison(ComparisonOp.LT, ref("p", DataType.BOOLEAN), ref("q", DataType.BOOLEAN)), b))
                .containsExactly(true, false);
        assertThat(eval(new Comparison(ComparisonOp.GE, ref("u", DataType.DATE), ref("v", DataType.DATE)), b))
                .containsExactly(true, true);
    }

    @Test
    void andOrFollowThreeValuedLogic() {
        Batch b = batch(
                col("p", DataType.BOOLEAN, true, true, true, false, false, false, null, null, null),
                col("q", DataType.BOOLEAN, true, false, null, true, false, null, true, false, null));
        Expr p = ref("p", DataType.BOOLEAN);
        Expr q = ref("q", DataType.BOOLEAN);
        assertThat(eval(new Logical(LogicalOp.AND, p, q), b))
                .containsExactly(true, false, null, false, false, false, null, false, null);
        assertThat(eval(new Logical(LogicalOp.OR, p, q), b))
                .containsExactly(true, true, true, true, false, null, true, null, null);
        assertThat(eval(new Not(p), b)).containsExactly(false, false, false, true, true, true, null, null, null);
    }

    @Test
    void isNullIsNeverNullAndNanIsNotNull() {
        Expr d = ref("d", DataType.FLOAT64);
        Batch b = batch(col("d", DataType.FLOAT64, Double.NaN, null, 1.0));
        assertThat(eval(new IsNull(d, false), b)).containsExactly(false, true, false);
        assertThat(eval(new IsNull(d, true), b)).containsExactly(true, false, true);
    }

    @Test
    void nullLiteralsTypedAndUntypedPropagate() {
        Batch b = batch(col("i", DataType.INT32, 1, 2));
        assertThat(eval(Arithmetic.of(ArithmeticOp.ADD, ref("i", DataType.INT32), Literal.of(null)), b))
                .containsExactly(null, null);
        assertThat(eval(Arithmetic.of(ArithmeticOp.ADD, ref("i", DataType.INT32), Literal.nullOf(DataType.INT64)), b))
                .containsExactly(null, null);
        assertThat(eval(new Comparison(ComparisonOp.EQ, Literal.of(null), Literal.of(null)), b)).containsExactly(null, null);
        assertThat(eval(new Logical(LogicalOp.AND, Literal.of(false), Literal.of(null)), b)).containsExactly(false, false);
        assertThat(eval(new Logical(LogicalOp.OR, Literal.of(true), Literal.of(null)), b)).containsExactly(true, true);
        assertThat(eval(new Not(Literal.of(null)), b)).containsExactly(null, null);
        assertThat(eval(new IsNull(Literal.of(null), false), b)).containsExactly(true, true);
    }

    @Test
    void evaluatesUnderASelectionVectorInItsOrder() {
        Batch b = batch(col("x", DataType.INT64, 10L, 20L, 30L));
        Column result = ExpressionEvaluator.evaluate(
                Arithmetic.of(ArithmeticOp.ADD, ref("x", DataType.INT64), ref("x", DataType.INT64)), b, new int[] {2, 0});
        assertThat(values(result)).containsExactly(60L, 20L);
    }

    @Test
    void evaluatesOverAnEmptyBatch() {
        Batch b = batch(col("x", DataType.INT64));
        assertThat(eval(new Comparison(ComparisonOp.GT, ref("x", DataType.INT64), Literal.of(1)), b)).isEmpty();
    }
}
