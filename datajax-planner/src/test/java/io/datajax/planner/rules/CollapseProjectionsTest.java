package io.datajax.planner.rules;

import static io.datajax.planner.PlanFixtures.col;
import static io.datajax.planner.PlanFixtures.keep;
import static io.datajax.planner.PlanFixtures.lit;
import static io.datajax.planner.PlanFixtures.named;
import static io.datajax.planner.PlanFixtures.orders;
import static org.assertj.core.api.Assertions.assertThat;

import io.datajax.ir.expr.Arithmetic;
import io.datajax.ir.expr.ArithmeticOp;
import io.datajax.ir.plan.PlanNode;
import io.datajax.ir.plan.PlanPrinter;
import io.datajax.ir.plan.PlanVerifier;
import io.datajax.ir.plan.Project;
import io.datajax.ir.plan.Scan;
import java.util.List;
import org.junit.jupiter.api.Test;

class CollapseProjectionsTest {
    private final Rule rule = new CollapseProjections();

    @Test
    void substitutesInnerExpressionsIntoTheOuterProjection() {
        Scan orders = orders();
        Project inner = new Project(orders, List.of(keep(orders, "user_id"),
                named("revenue", Arithmetic.of(ArithmeticOp.MULTIPLY, col(orders, "unit_price"), col(orders, "qty")))));
        Project outer = new Project(inner, List.of(named("uid", col(inner, "user_id")),
                named("total", Arithmetic.of(ArithmeticOp.ADD, col(inner, "revenue"), lit(1.5)))));
        assertThat(PlanPrinter.print(outer)).isEqualTo("""
                Project[uid := user_id, total := (revenue + 1.5)] -> (uid INT64, total FLOAT64)
                  Project[user_id, revenue := (unit_price * qty)] -> (user_id INT64, revenue FLOAT64)
                    Scan[0: orders (user_id INT64, unit_price FLOAT64, qty INT64, note STRING), blocks] -> (user_id INT64, unit_price FLOAT64, qty INT64, note STRING)
                """);

        PlanNode after = rule.apply(outer).orElseThrow();

        PlanVerifier.verify(after);
        assertThat(PlanPrinter.print(after)).isEqualTo("""
                Project[uid := user_id, total := ((unit_price * qty) + 1.5)] -> (uid INT64, total FLOAT64)
                  Scan[0: orders (user_id INT64, unit_price FLOAT64, qty INT64, note STRING), blocks] -> (user_id INT64, unit_price FLOAT64, qty INT64, note STRING)
                """);
    }

    @Test
    void shadowedColumnReadsTheOldValueOnce() {
        Scan orders = orders();
        Project inner = new Project(orders, List.of(named("qty", Arithmetic.of(ArithmeticOp.MULTIPLY, col(orders, "qty"), lit(10L)))));
        Project outer = new Project(inner, List.of(named("qty", Arithmetic.of(ArithmeticOp.ADD, col(inner, "qty"), lit(1L)))));

        PlanNode after = rule.apply(outer).orElseThrow();

        assertThat(PlanPrinter.print(after)).isEqualTo("""
                Project[qty := ((qty * 10L) + 1L)] -> (qty INT64)
                  Scan[0: orders (user_id INT64, unit_price FLOAT64, qty INT64, note STRING), blocks] -> (user_id INT64, unit_price FLOAT64, qty INT64, note STRING)
                """);
    }

    @Test
    void doesNotDuplicateAComputedColumnReadTwice() {
        Scan orders = orders();
        Project inner = new Project(orders, List.of(
                named("revenue", Arithmetic.of(ArithmeticOp.MULTIPLY, col(orders, "unit_price"), col(orders, "qty")))));
        Project outer = new Project(inner, List.of(
                named("squared", Arithmetic.of(ArithmeticOp.MULTIPLY, col(inner, "revenue"), col(inner, "revenue")))));

        assertThat(rule.apply(outer)).isEmpty();
    }

    @Test
    void mayDuplicateColumnsAndLiterals() {
        Scan orders = orders();
        Project inner = new Project(orders, List.of(keep(orders, "qty"), named("ten", lit(10L))));
        Project outer = new Project(inner, List.of(
                named("a", Arithmetic.of(ArithmeticOp.MULTIPLY, col(inner, "qty"), col(inner, "ten"))),
                named("b", Arithmetic.of(ArithmeticOp.ADD, col(inner, "qty"), col(inner, "ten")))));

        PlanNode after = rule.apply(outer).orElseThrow();

        assertThat(after.toString()).isEqualTo("Project[a := (qty * 10L), b := (qty + 10L)]");
    }
}
