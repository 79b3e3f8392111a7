package io.datajax.planner.rules;

import static io.datajax.planner.PlanFixtures.cmp;
import static io.datajax.planner.PlanFixtures.col;
import static io.datajax.planner.PlanFixtures.keep;
import static io.datajax.planner.PlanFixtures.lit;
import static io.datajax.planner.PlanFixtures.orders;
import static org.assertj.core.api.Assertions.assertThat;

import io.datajax.ir.expr.ComparisonOp;
import io.datajax.ir.plan.Filter;
import io.datajax.ir.plan.PlanNode;
import io.datajax.ir.plan.PlanPrinter;
import io.datajax.ir.plan.PlanVerifier;
import io.datajax.ir.plan.Project;
import io.datajax.ir.plan.Scan;
import java.util.List;
import org.junit.jupiter.api.Test;

class MergeFiltersTest {
    private final Rule rule = new MergeFilters();

    @Test
    void mergesStackedFiltersInnerPredicateFirst() {
        Scan orders = orders();
        Filter plan = new Filter(new Filter(orders, cmp(col(orders, "qty"), ComparisonOp.GT, lit(0L))),
                cmp(col(orders, "unit_price"), ComparisonOp.LT, lit(10.0)));
        assertThat(PlanPrinter.print(plan)).isEqualTo("""
                Filter[(unit_price < 10.0)] -> (user_id INT64, unit_price FLOAT64, qty INT64, note STRING)
                  Filter[(qty > 0L)] -> (user_id INT64, unit_price FLOAT64, qty INT64, note STRING)
                    Scan[0: orders (user_id INT64, unit_price FLOAT64, qty INT64, note STRING), blocks] -> (user_id INT64, unit_price FLOAT64, qty INT64, note STRING)
                """);

        PlanNode after = rule.apply(plan).orElseThrow();

        PlanVerifier.verify(after);
        assertThat(PlanPrinter.print(after)).isEqualTo("""
                Filter[((qty > 0L) AND (unit_price < 10.0))] -> (user_id INT64, unit_price FLOAT64, qty INT64, note STRING)
                  Scan[0: orders (user_id INT64, unit_price FLOAT64, qty INT64, note STRING), blocks] -> (user_id INT64, unit_price FLOAT64, qty INT64, note STRING)
                """);
    }

    @Test
    void doesNotFireOnFilterOverOtherNodes() {
        Scan orders = orders();
        Project project = new Project(orders, List.of(keep(orders, "qty")));
        Filter plan = new Filter(project, cmp(col(project, "qty"), ComparisonOp.GT, lit(0L)));

        assertThat(rule.apply(plan)).isEmpty();
        assertThat(rule.apply(orders)).isEmpty();
    }
}
