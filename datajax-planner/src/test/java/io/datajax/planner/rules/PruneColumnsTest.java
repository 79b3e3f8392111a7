package io.datajax.planner.rules;

import static io.datajax.planner.PlanFixtures.agg;
import static io.datajax.planner.PlanFixtures.cmp;
import static io.datajax.planner.PlanFixtures.col;
import static io.datajax.planner.PlanFixtures.join;
import static io.datajax.planner.PlanFixtures.keep;
import static io.datajax.planner.PlanFixtures.lit;
import static io.datajax.planner.PlanFixtures.named;
import static io.datajax.planner.PlanFixtures.orders;
import static io.datajax.planner.PlanFixtures.users;
import static org.assertj.core.api.Assertions.assertThat;

import io.datajax.ir.expr.Arithmetic;
import io.datajax.ir.expr.ArithmeticOp;
import io.datajax.ir.expr.ComparisonOp;
import io.datajax.ir.plan.AggCall;
import io.datajax.ir.plan.AggFunction;
import io.datajax.ir.plan.Aggregate;
import io.datajax.ir.plan.Filter;
import io.datajax.ir.plan.Join;
import io.datajax.ir.plan.JoinType;
import io.datajax.ir.plan.PlanNode;
import io.datajax.ir.plan.PlanPrinter;
import io.datajax.ir.plan.PlanVerifier;
import io.datajax.ir.plan.Project;
import io.datajax.ir.plan.Scan;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PruneColumnsTest {
    private final Rule rule = new PruneColumns();

    private PlanNode applyOnce(PlanNode plan) {
        PlanNode after = rule.apply(plan).orElseThrow();
        PlanVerifier.verify(after);
        assertThat(after.schema()).isEqualTo(plan.schema());
        assertThat(rule.apply(after)).as("fires again on its own output").isEmpty();
        return after;
    }

    @Test
    void narrowsBelowAFilterUnderAnAggregate() {
        Scan orders = orders();
        Aggregate plan = new Aggregate(new Filter(orders, cmp(col(orders, "qty"), ComparisonOp.GT, lit(0L))),
                List.of("user_id"), List.of(agg(AggFunction.SUM, orders, "unit_price", "spent")));

        PlanNode after = applyOnce(plan);

        assertThat(PlanPrinter.print(after)).isEqualTo("""
                Aggregate[keys=[user_id], spent := sum(unit_price)] -> (user_id INT64, spent FLOAT64)
                  Filter[(qty > 0L)] -> (user_id INT64, unit_price FLOAT64, qty INT64)
                    Project[user_id, unit_price, qty] -> (user_id INT64, unit_price FLOAT64, qty INT64)
                      Scan[0: orders (user_id INT64, unit_price FLOAT64, qty INT64, note STRING), blocks] -> (user_id INT64, unit_price FLOAT64, qty INT64, note STRING)
                """);
    }

    @Test
    void narrowsAScanUnderAnAggregate() {
        Scan orders = orders();
        Aggregate plan = new Aggregate(orders, List.of("user_id"),
                List.of(new AggCall(AggFunction.COUNT_ALL, Optional.empty(), "count")));

        PlanNode after = applyOnce(plan);

        assertThat(PlanPrinter.print(after)).isEqualTo("""
                Aggregate[keys=[user_id], count := count(*)] -> (user_id INT64, count INT64 NOT NULL)
                  Project[user_id] -> (user_id INT64)
                    Scan[0: orders (user_id INT64, unit_price FLOAT64, qty INT64, note STRING), blocks] -> (user_id INT64, unit_price FLOAT64, qty INT64, note STRING)
                """);
    }

    @Test
    void dropsProjectionOutputsNoOneReads() {
        Scan orders = orders();
        Project inner = new Project(orders, List.of(keep(orders, "user_id"),
                named("revenue", Arithmetic.of(ArithmeticOp.MULTIPLY, col(orders, "unit_price"), col(orders, "qty"))),
                named("tax", Arithmetic.of(ArithmeticOp.MULTIPLY, col(orders, "unit_price"), lit(0.2)))));
        Project plan = new Project(inner, List.of(keep(inner, "user_id"),
                named("r2", Arithmetic.of(ArithmeticOp.MULTIPLY, col(inner, "revenue"), col(inner, "revenue")))));

        PlanNode after = applyOnce(plan);

        assertThat(PlanPrinter.print(after)).isEqualTo("""
                Project[user_id, r2 := (revenue * revenue)] -> (user_id INT64, r2 FLOAT64)
                  Project[user_id, revenue := (unit_price * qty)] -> (user_id INT64, revenue FLOAT64)
                    Scan[0: orders (user_id INT64, unit_price FLOAT64, qty INT64, note STRING), blocks] -> (user_id INT64, unit_price FLOAT64, qty INT64, note STRING)
                """);
    }

    @Test
    void dropsAggregatesNoOneReads() {
        Scan orders = orders();
        Aggregate aggregate = new Aggregate(orders, List.of("user_id"), List.of(
                agg(AggFunction.SUM, orders, "qty", "qty"), agg(AggFunction.MAX, orders, "unit_price", "top")));
        Project plan = new Project(aggregate, List.of(keep(aggregate, "user_id"), keep(aggregate, "qty")));

        PlanNode after = applyOnce(plan);

        assertThat(after.inputs().get(0).toString()).isEqualTo("Aggregate[keys=[user_id], qty := sum(qty)]");
    }

    @Test
    void narrowsJoinInputsToKeysAndNeededColumns() {
        Join join = join(orders(), users(), JoinType.INNER, "user_id");
        Project plan = new Project(join, List.of(keep(join, "user_id"), keep(join, "name"), keep(join, "qty")));

        PlanNode after = applyOnce(plan);

        assertThat(PlanPrinter.print(after)).isEqualTo("""
                Project[user_id, name, qty] -> (user_id INT64, name STRING, qty INT64)
                  Join[INNER, on=[user_id]] -> (user_id INT64, qty INT64, name STRING)
                    Project[user_id, qty] -> (user_id INT64, qty INT64)
                      Scan[0: orders (user_id INT64, unit_price FLOAT64, qty INT64, note STRING), blocks] -> (user_id INT64, unit_price FLOAT64, qty INT64, note STRING)
                    Project[user_id, name] -> (user_id INT64, name STRING)
                      Scan[1: users (user_id INT64, name STRING, note STRING), blocks] -> (user_id INT64, name STRING, note STRING)
                """);
    }

    @Test
    void keepsTheNamesakeOfASuffixedColumnSoItsNameStays() {
        Join join = join(orders(), users(), JoinType.INNER, "user_id");
        Project plan = new Project(join, List.of(keep(join, "note_x")));

        PlanNode after = applyOnce(plan);

        assertThat(PlanPrinter.print(after)).isEqualTo("""
                Project[note_x] -> (note_x STRING)
                  Join[INNER, on=[user_id]] -> (user_id INT64, note_x STRING, note_y STRING)
                    Project[user_id, note] -> (user_id INT64, note STRING)
                      Scan[0: orders (user_id INT64, unit_price FLOAT64, qty INT64, note STRING), blocks] -> (user_id INT64, unit_price FLOAT64, qty INT64, note STRING)
                    Project[user_id, note] -> (user_id INT64, note STRING)
                      Scan[1: users (user_id INT64, name STRING, note STRING), blocks] -> (user_id INT64, name STRING, note STRING)
                """);
    }

    @Test
    void doesNotFireWhereNothingCanGo() {
        Scan orders = orders();
        Project overScan = new Project(orders, List.of(keep(orders, "qty")));
        Aggregate readsAll = new Aggregate(orders, List.of("user_id", "note"), List.of(
                agg(AggFunction.SUM, orders, "qty", "qty"), agg(AggFunction.MAX, orders, "unit_price", "top")));
        Filter notATrigger = new Filter(orders, cmp(col(orders, "qty"), ComparisonOp.GT, lit(0L)));

        assertThat(rule.apply(overScan)).isEmpty();
        assertThat(rule.apply(readsAll)).isEmpty();
        assertThat(rule.apply(notATrigger)).isEmpty();
    }
}
