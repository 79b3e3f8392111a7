package io.datajax.planner.rules;

import static io.datajax.planner.PlanFixtures.cmp;
import static io.datajax.planner.PlanFixtures.col;
import static io.datajax.planner.PlanFixtures.lit;
import static io.datajax.planner.PlanFixtures.named;
import static io.datajax.planner.PlanFixtures.orders;
import static org.assertj.core.api.Assertions.assertThat;

import io.datajax.ir.expr.Arithmetic;
import io.datajax.ir.expr.ArithmeticOp;
import io.datajax.ir.expr.ComparisonOp;
import io.datajax.ir.expr.Exprs;
import io.datajax.ir.plan.Filter;
import io.datajax.ir.plan.PlanNode;
import io.datajax.ir.plan.PlanPrinter;
import io.datajax.ir.plan.PlanVerifier;
import io.datajax.ir.plan.Project;
import io.datajax.ir.plan.Scan;
import java.util.List;
import org.junit.jupiter.api.Test;

class PushFilterBelowProjectTest {
    private final Rule rule = new PushFilterBelowProject();

    private static Project renameAndCompute(Scan orders) {
        return new Project(orders, List.of(named("uid", col(orders, "user_id")),
                named("revenue", Arithmetic.of(ArithmeticOp.MULTIPLY, col(orders, "unit_price"), col(orders, "qty")))));
    }

    @Test
    void pushesConjunctsOnPassThroughColumnsAndKeepsTheRest() {
        Scan orders = orders();
        Project project = renameAndCompute(orders);
        Filter plan = new Filter(project, Exprs.and(List.of(
                cmp(col(project, "uid"), ComparisonOp.EQ, lit(7L)),
                cmp(col(project, "revenue"), ComparisonOp.GT, lit(100.0)))));
        assertThat(PlanPrinter.print(plan)).isEqualTo("""
                Filter[((uid = 7L) AND (revenue > 100.0))] -> (uid INT64, revenue FLOAT64)
                  Project[uid := user_id, revenue := (unit_price * qty)] -> (uid INT64, revenue FLOAT64)
                    Scan[0: orders (user_id INT64, unit_price FLOAT64, qty INT64, note STRING), blocks] -> (user_id INT64, unit_price FLOAT64, qty INT64, note STRING)
                """);

        PlanNode after = rule.apply(plan).orElseThrow();

        PlanVerifier.verify(after);
        assertThat(PlanPrinter.print(after)).isEqualTo("""
                Filter[(revenue > 100.0)] -> (uid INT64, revenue FLOAT64)
                  Project[uid := user_id, revenue := (unit_price * qty)] -> (uid INT64, revenue FLOAT64)
                    Filter[(user_id = 7L)] -> (user_id INT64, unit_price FLOAT64, qty INT64, note STRING)
                      Scan[0: orders (user_id INT64, unit_price FLOAT64, qty INT64, note STRING), blocks] -> (user_id INT64, unit_price FLOAT64, qty INT64, note STRING)
                """);
        assertThat(rule.apply(after)).isEmpty();
    }

    @Test
    void pushesTheWholeFilterWhenEveryConjunctQualifies() {
        Scan orders = orders();
        Project project = renameAndCompute(orders);
        Filter plan = new Filter(project, cmp(col(project, "uid"), ComparisonOp.GE, lit(7L)));

        PlanNode after = rule.apply(plan).orElseThrow();

        assertThat(PlanPrinter.print(after)).isEqualTo("""
                Project[uid := user_id, revenue := (unit_price * qty)] -> (uid INT64, revenue FLOAT64)
                  Filter[(user_id >= 7L)] -> (user_id INT64, unit_price FLOAT64, qty INT64, note STRING)
                    Scan[0: orders (user_id INT64, unit_price FLOAT64, qty INT64, note STRING), blocks] -> (user_id INT64, unit_price FLOAT64, qty INT64, note STRING)
                """);
    }

    @Test
    void doesNotPushAFilterReadingAComputedColumn() {
        Scan orders = orders();
        Project project = renameAndCompute(orders);
        Filter plan = new Filter(project, cmp(col(project, "revenue"), ComparisonOp.GT, lit(100.0)));

        assertThat(rule.apply(plan)).isEmpty();
    }

    @Test
    void doesNotPushAFilterOnAShadowedColumn() {
        Scan orders = orders();
        Project project = new Project(orders, List.of(
                named("qty", Arithmetic.of(ArithmeticOp.MULTIPLY, col(orders, "qty"), lit(10L)))));
        Filter plan = new Filter(project, cmp(col(project, "qty"), ComparisonOp.GT, lit(5L)));

        assertThat(rule.apply(plan)).isEmpty();
    }
}
