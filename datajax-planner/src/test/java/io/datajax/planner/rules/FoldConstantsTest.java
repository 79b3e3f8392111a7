package io.datajax.planner.rules;

import static io.datajax.planner.PlanFixtures.agg;
import static io.datajax.planner.PlanFixtures.cmp;
import static io.datajax.planner.PlanFixtures.col;
import static io.datajax.planner.PlanFixtures.keep;
import static io.datajax.planner.PlanFixtures.lit;
import static io.datajax.planner.PlanFixtures.named;
import static io.datajax.planner.PlanFixtures.orders;
import static org.assertj.core.api.Assertions.assertThat;

import io.datajax.ir.DataType;
import io.datajax.ir.expr.Arithmetic;
import io.datajax.ir.expr.ArithmeticOp;
import io.datajax.ir.expr.Cast;
import io.datajax.ir.expr.ComparisonOp;
import io.datajax.ir.expr.Expr;
import io.datajax.ir.expr.IsNull;
import io.datajax.ir.expr.Literal;
import io.datajax.ir.expr.Logical;
import io.datajax.ir.expr.LogicalOp;
import io.datajax.ir.expr.Not;
import io.datajax.ir.plan.AggCall;
import io.datajax.ir.plan.AggFunction;
import io.datajax.ir.plan.Aggregate;
import io.datajax.ir.plan.Filter;
import io.datajax.ir.plan.PlanNode;
import io.datajax.ir.plan.PlanPrinter;
import io.datajax.ir.plan.PlanVerifier;
import io.datajax.ir.plan.Project;
import io.datajax.ir.plan.Scan;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FoldConstantsTest {
    private final Rule rule = new FoldConstants();

    private static Expr arith(ArithmeticOp op, Expr left, Expr right) {
        return Arithmetic.of(op, left, right);
    }

    private static String folded(Expr expr) {
        Expr result = ExprFolding.fold(expr);
        assertThat(result.type()).as("type of folded " + expr).isEqualTo(expr.type());
        return result.toString();
    }

    @Test
    void foldsConstantSubExpressionsOfAProjection() {
        Scan orders = orders();
        Project plan = new Project(orders, List.of(keep(orders, "user_id"),
                named("scaled", arith(ArithmeticOp.MULTIPLY, col(orders, "qty"), arith(ArithmeticOp.ADD, lit(1), lit(2)))),
                named("half", arith(ArithmeticOp.DIVIDE, lit(1), lit(2)))));
        assertThat(PlanPrinter.print(plan)).isEqualTo("""
                Project[user_id, scaled := (qty * (1 + 2)), half := (1 / 2)] -> (user_id INT64, scaled INT64, half FLOAT64 NOT NULL)
                  Scan[0: orders (user_id INT64, unit_price FLOAT64, qty INT64, note STRING), blocks] -> (user_id INT64, unit_price FLOAT64, qty INT64, note STRING)
                """);

        PlanNode after = rule.apply(plan).orElseThrow();

        PlanVerifier.verify(after);
        assertThat(PlanPrinter.print(after)).isEqualTo("""
                Project[user_id, scaled := (qty * 3), half := 0.5] -> (user_id INT64, scaled INT64, half FLOAT64 NOT NULL)
                  Scan[0: orders (user_id INT64, unit_price FLOAT64, qty INT64, note STRING), blocks] -> (user_id INT64, unit_price FLOAT64, qty INT64, note STRING)
                """);
        assertThat(rule.apply(after)).isEmpty();
    }

    @Test
    void removesAFilterThatIsAlwaysTrue() {
        Scan orders = orders();
        Filter plan = new Filter(orders, new Logical(LogicalOp.OR, cmp(lit(2), ComparisonOp.GT, lit(1)),
                cmp(col(orders, "qty"), ComparisonOp.GT, lit(0L))));

        assertThat(rule.apply(plan)).containsSame(orders);
    }

    @Test
    void foldsAggregateArguments() {
        Scan orders = orders();
        Aggregate plan = new Aggregate(orders, List.of("user_id"), List.of(new AggCall(AggFunction.SUM,
                Optional.of(arith(ArithmeticOp.MULTIPLY, col(orders, "qty"), arith(ArithmeticOp.SUBTRACT, lit(5L), lit(3L)))),
                "s"), agg(AggFunction.MAX, orders, "qty", "m")));

        assertThat(rule.apply(plan).orElseThrow().toString())
                .isEqualTo("Aggregate[keys=[user_id], s := sum((qty * 2L)), m := max(qty)]");
    }

    @Test
    void leavesIntegerOverflowForTheRuntime() {
        Scan orders = orders();
        Project plan = new Project(orders, List.of(named("big", arith(ArithmeticOp.ADD, lit(Long.MAX_VALUE), lit(1L))),
                named("small", arith(ArithmeticOp.MULTIPLY, lit(Integer.MAX_VALUE), lit(2)))));

        assertThat(rule.apply(plan)).isEmpty();
    }

    @Test
    void doesNotFireWithoutConstants() {
        Scan orders = orders();
        Filter plan = new Filter(orders, cmp(col(orders, "qty"), ComparisonOp.GT, lit(0L)));

        assertThat(rule.apply(plan)).isEmpty();
        assertThat(rule.apply(orders)).isEmpty();
    }

    @Test
    void arithmeticFollowsRuntimeSemantics() {
        assertThat(folded(arith(ArithmeticOp.ADD, lit(1), lit(2L)))).isEqualTo("3L");
        assertThat(folded(arith(ArithmeticOp.SUBTRACT, lit(1.5), lit(2)))).isEqualTo("-0.5");
        assertThat(folded(arith(ArithmeticOp.MODULO, lit(-7L), lit(3L)))).isEqualTo("-1L");
        assertThat(folded(arith(ArithmeticOp.MODULO, lit(5L), lit(0L)))).isEqualTo("NULL::INT64");
        assertThat(folded(arith(ArithmeticOp.MODULO, lit(5), lit(0)))).isEqualTo("NULL::INT32");
        assertThat(folded(arith(ArithmeticOp.MODULO, lit(5.5), lit(2.0)))).isEqualTo("1.5");
        assertThat(folded(arith(ArithmeticOp.DIVIDE, lit(1), lit(0)))).isEqualTo("'Infinity'::FLOAT64");
        assertThat(folded(arith(ArithmeticOp.DIVIDE, lit(0.0), lit(0.0)))).isEqualTo("'NaN'::FLOAT64");
        assertThat(folded(arith(ArithmeticOp.ADD, lit(1L), Literal.nullOf(DataType.INT64)))).isEqualTo("NULL::INT64");
        assertThat(folded(arith(ArithmeticOp.ADD, lit(1), lit(null)))).isEqualTo("NULL::INT32");
        assertThat(folded(arith(ArithmeticOp.MULTIPLY, lit(Long.MAX_VALUE), lit(2L))))
                .isEqualTo("(9223372036854775807L * 2L)");
    }

    @Test
    void comparisonsOrderNaNAboveNumbersAndEqualToItself() {
        Literal nan = lit(Double.NaN);
        assertThat(folded(cmp(nan, ComparisonOp.EQ, nan))).isEqualTo("true");
        assertThat(folded(cmp(nan, ComparisonOp.GT, lit(Double.POSITIVE_INFINITY)))).isEqualTo("true");
        assertThat(folded(cmp(lit(1L), ComparisonOp.LT, nan))).isEqualTo("true");
        assertThat(folded(cmp(lit(-0.0), ComparisonOp.EQ, lit(0.0)))).isEqualTo("true");
        assertThat(folded(cmp(lit(3), ComparisonOp.LE, lit(2.5)))).isEqualTo("false");
        assertThat(folded(cmp(lit(1L), ComparisonOp.EQ, lit(null)))).isEqualTo("NULL::BOOLEAN");
        assertThat(folded(cmp(lit("a"), ComparisonOp.NE, lit("b")))).isEqualTo("true");
        assertThat(folded(cmp(lit("a"), ComparisonOp.LT, lit("b")))).isEqualTo("('a' < 'b')");
    }

    @Test
    void logicIsThreeValued() {
        Scan orders = orders();
        Expr unknown = cmp(col(orders, "qty"), ComparisonOp.GT, lit(0L));
        Literal nullBool = Literal.nullOf(DataType.BOOLEAN);
        assertThat(folded(new Logical(LogicalOp.AND, lit(false), unknown))).isEqualTo("false");
        assertThat(folded(new Logical(LogicalOp.AND, unknown, lit(false)))).isEqualTo("false");
        assertThat(folded(new Logical(LogicalOp.OR, unknown, lit(true)))).isEqualTo("true");
        assertThat(folded(new Logical(LogicalOp.AND, lit(true), unknown))).isEqualTo("(qty > 0L)");
        assertThat(folded(new Logical(LogicalOp.OR, lit(false), unknown))).isEqualTo("(qty > 0L)");
        assertThat(folded(new Logical(LogicalOp.AND, lit(false), nullBool))).isEqualTo("false");
        assertThat(folded(new Logical(LogicalOp.AND, lit(true), nullBool))).isEqualTo("NULL::BOOLEAN");
        assertThat(folded(new Logical(LogicalOp.OR, nullBool, lit(false)))).isEqualTo("NULL::BOOLEAN");
        assertThat(folded(new Logical(LogicalOp.AND, unknown, nullBool))).isEqualTo("((qty > 0L) AND NULL::BOOLEAN)");
        assertThat(folded(new Not(lit(true)))).isEqualTo("false");
        assertThat(folded(new Not(nullBool))).isEqualTo("NULL::BOOLEAN");
        assertThat(folded(new IsNull(lit(null), false))).isEqualTo("true");
        assertThat(folded(new IsNull(lit(Double.NaN), false))).isEqualTo("false");
        assertThat(folded(new IsNull(lit(1L), true))).isEqualTo("true");
    }

    @Test
    void castsFoldOnlyWhenExact() {
        assertThat(folded(new Cast(lit(7), DataType.INT64))).isEqualTo("7L");
        assertThat(folded(new Cast(lit(7L), DataType.FLOAT64))).isEqualTo("7.0");
        assertThat(folded(new Cast(lit(7L), DataType.INT32))).isEqualTo("7");
        assertThat(folded(new Cast(lit(null), DataType.DATE))).isEqualTo("NULL::DATE");
        assertThat(folded(new Cast(lit(Long.MAX_VALUE), DataType.INT32))).isEqualTo("CAST(9223372036854775807L AS INT32)");
        assertThat(folded(new Cast(lit(2.5), DataType.INT64))).isEqualTo("CAST(2.5 AS INT64)");
        assertThat(folded(new Cast(lit("12"), DataType.INT64))).isEqualTo("CAST('12' AS INT64)");
    }
}
