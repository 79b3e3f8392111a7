package io.datajax.planner.rules;

import static io.datajax.planner.PlanFixtures.cmp;
import static io.datajax.planner.PlanFixtures.col;
import static io.datajax.planner.PlanFixtures.lit;
import static io.datajax.planner.PlanFixtures.orders;
import static org.assertj.core.api.Assertions.assertThat;

import io.datajax.ir.Sharding;
import io.datajax.ir.expr.ComparisonOp;
import io.datajax.ir.plan.Filter;
import io.datajax.ir.plan.PlanNode;
import io.datajax.ir.plan.PlanPrinter;
import io.datajax.ir.plan.Repartition;
import io.datajax.ir.plan.Scan;
import org.junit.jupiter.api.Test;

class DropRedundantRepartitionTest {
    private final Rule rule = new DropRedundantRepartition();

    @Test
    void keepsOnlyTheLastOfTwoRepartitions() {
        Scan orders = orders();
        Repartition plan = new Repartition(new Repartition(orders, Sharding.byKey("user_id")), Sharding.replicated());
        assertThat(PlanPrinter.print(plan)).isEqualTo("""
                Repartition[replicated] -> (user_id INT64, unit_price FLOAT64, qty INT64, note STRING)
                  Repartition[byKey(user_id)] -> (user_id INT64, unit_price FLOAT64, qty INT64, note STRING)
                    Scan[0: orders (user_id INT64, unit_price FLOAT64, qty INT64, note STRING), blocks] -> (user_id INT64, unit_price FLOAT64, qty INT64, note STRING)
                """);

        PlanNode after = rule.apply(plan).orElseThrow();

        assertThat(PlanPrinter.print(after)).isEqualTo("""
                Repartition[replicated] -> (user_id INT64, unit_price FLOAT64, qty INT64, note STRING)
                  Scan[0: orders (user_id INT64, unit_price FLOAT64, qty INT64, note STRING), blocks] -> (user_id INT64, unit_price FLOAT64, qty INT64, note STRING)
                """);
    }

    @Test
    void aRepeatedRepartitionBecomesTheFirstOne() {
        Repartition first = new Repartition(orders(), Sharding.byKey("user_id"));
        Repartition plan = new Repartition(first, Sharding.byKey("user_id"));

        assertThat(rule.apply(plan)).containsSame(first);
    }

    @Test
    void doesNotFireWhenSomethingRunsBetweenRepartitions() {
        Scan orders = orders();
        Repartition first = new Repartition(orders, Sharding.byKey("user_id"));
        Repartition plan = new Repartition(new Filter(first, cmp(col(orders, "qty"), ComparisonOp.GT, lit(0L))),
                Sharding.byKey("user_id"));

        assertThat(rule.apply(plan)).isEmpty();
        assertThat(rule.apply(first)).isEmpty();
    }
}
