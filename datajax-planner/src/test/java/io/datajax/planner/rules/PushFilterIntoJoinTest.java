package io.datajax.planner.rules;

import static io.datajax.planner.PlanFixtures.cmp;
import static io.datajax.planner.PlanFixtures.col;
import static io.datajax.planner.PlanFixtures.join;
import static io.datajax.planner.PlanFixtures.lit;
import static io.datajax.planner.PlanFixtures.orders;
import static io.datajax.planner.PlanFixtures.users;
import static org.assertj.core.api.Assertions.assertThat;

import io.datajax.ir.DataType;
import io.datajax.ir.Field;
import io.datajax.ir.Schema;
import io.datajax.ir.Sharding;
import io.datajax.ir.expr.ComparisonOp;
import io.datajax.ir.expr.Exprs;
import io.datajax.ir.plan.Filter;
import io.datajax.ir.plan.Join;
import io.datajax.ir.plan.JoinType;
import io.datajax.ir.plan.PlanNode;
import io.datajax.ir.plan.PlanPrinter;
import io.datajax.ir.plan.PlanVerifier;
import io.datajax.ir.plan.Scan;
import java.util.List;
import org.junit.jupiter.api.Test;

class PushFilterIntoJoinTest {
    private final Rule rule = new PushFilterIntoJoin();

    /** Input 2, {@code small(user_id INT32, score FLOAT64)}: its key is narrower than users' INT64 key. */
    private static Scan small() {
        return new Scan(2, "small", Schema.of(Field.of("user_id", DataType.INT32), Field.of("score", DataType.FLOAT64)),
                Sharding.blocks());
    }

    @Test
    void movesOneSidedConjunctsOfAnInnerJoinToTheirSide() {
        Join join = join(orders(), users(), JoinType.INNER, "user_id");
        Filter plan = new Filter(join, Exprs.and(List.of(
                cmp(col(join, "qty"), ComparisonOp.GT, lit(0L)),
                cmp(col(join, "note_y"), ComparisonOp.EQ, lit("vip")),
                cmp(col(join, "user_id"), ComparisonOp.GT, lit(10L)),
                cmp(col(join, "note_x"), ComparisonOp.EQ, col(join, "note_y")))));
        assertThat(PlanPrinter.print(plan)).isEqualTo("""
                Filter[((((qty > 0L) AND (note_y = 'vip')) AND (user_id > 10L)) AND (note_x = note_y))] -> (user_id INT64, unit_price FLOAT64, qty INT64, note_x STRING, name STRING, note_y STRING)
                  Join[INNER, on=[user_id]] -> (user_id INT64, unit_price FLOAT64, qty INT64, note_x STRING, name STRING, note_y STRING)
                    Scan[0: orders (user_id INT64, unit_price FLOAT64, qty INT64, note STRING), blocks] -> (user_id INT64, unit_price FLOAT64, qty INT64, note STRING)
                    Scan[1: users (user_id INT64, name STRING, note STRING), blocks] -> (user_id INT64, name STRING, note STRING)
                """);

        PlanNode after = rule.apply(plan).orElseThrow();

        PlanVerifier.verify(after);
        assertThat(PlanPrinter.print(after)).isEqualTo("""
                Filter[(note_x = note_y)] -> (user_id INT64, unit_price FLOAT64, qty INT64, note_x STRING, name STRING, note_y STRING)
                  Join[INNER, on=[user_id]] -> (user_id INT64, unit_price FLOAT64, qty INT64, note_x STRING, name STRING, note_y STRING)
                    Filter[((qty > 0L) AND (user_id > 10L))] -> (user_id INT64, unit_price FLOAT64, qty INT64, note STRING)
                      Scan[0: orders (user_id INT64, unit_price FLOAT64, qty INT64, note STRING), blocks] -> (user_id INT64, unit_price FLOAT64, qty INT64, note STRING)
                    Filter[(note = 'vip')] -> (user_id INT64, name STRING, note STRING)
                      Scan[1: users (user_id INT64, name STRING, note STRING), blocks] -> (user_id INT64, name STRING, note STRING)
                """);
        assertThat(rule.apply(after)).isEmpty();
    }

    @Test
    void doesNotPushAFilterOnTheRightSideOfALeftJoin() {
        Join join = join(orders(), users(), JoinType.LEFT, "user_id");
        Filter plan = new Filter(join, cmp(col(join, "name"), ComparisonOp.EQ, lit("ann")));

        assertThat(rule.apply(plan)).isEmpty();
    }

    @Test
    void pushesOnlyTheLeftSideOfALeftJoin() {
        Join join = join(orders(), users(), JoinType.LEFT, "user_id");
        Filter plan = new Filter(join, Exprs.and(List.of(
                cmp(col(join, "name"), ComparisonOp.EQ, lit("ann")),
                cmp(col(join, "qty"), ComparisonOp.GT, lit(0L)))));

        PlanNode after = rule.apply(plan).orElseThrow();

        assertThat(PlanPrinter.print(after)).isEqualTo("""
                Filter[(name = 'ann')] -> (user_id INT64, unit_price FLOAT64, qty INT64, note_x STRING, name STRING, note_y STRING)
                  Join[LEFT, on=[user_id]] -> (user_id INT64, unit_price FLOAT64, qty INT64, note_x STRING, name STRING, note_y STRING)
                    Filter[(qty > 0L)] -> (user_id INT64, unit_price FLOAT64, qty INT64, note STRING)
                      Scan[0: orders (user_id INT64, unit_price FLOAT64, qty INT64, note STRING), blocks] -> (user_id INT64, unit_price FLOAT64, qty INT64, note STRING)
                    Scan[1: users (user_id INT64, name STRING, note STRING), blocks] -> (user_id INT64, name STRING, note STRING)
                """);
    }

    @Test
    void pushesIntoTheLeftOfASemiJoin() {
        Join join = join(orders(), users(), JoinType.SEMI, "user_id");
        Filter plan = new Filter(join, cmp(col(join, "note"), ComparisonOp.NE, lit("x")));

        PlanNode after = rule.apply(plan).orElseThrow();

        assertThat(after.toString()).isEqualTo("Join[SEMI, on=[user_id]]");
        assertThat(after.inputs().get(0).toString()).isEqualTo("Filter[(note <> 'x')]");
    }

    @Test
    void doesNotPushOutOfAFullJoin() {
        Join join = join(orders(), users(), JoinType.FULL, "user_id");
        Filter plan = new Filter(join, cmp(col(join, "qty"), ComparisonOp.GT, lit(0L)));

        assertThat(rule.apply(plan)).isEmpty();
    }

    @Test
    void coalescedKeyGoesOnlyToTheSideWhoseTypeIsTheUnifiedType() {
        Join inner = join(small(), users(), JoinType.INNER, "user_id");
        Filter plan = new Filter(inner, cmp(col(inner, "user_id"), ComparisonOp.GT, lit(10L)));

        PlanNode after = rule.apply(plan).orElseThrow();

        PlanVerifier.verify(after);
        assertThat(PlanPrinter.print(after)).isEqualTo("""
                Join[INNER, on=[user_id]] -> (user_id INT64, score FLOAT64, name STRING, note STRING)
                  Scan[2: small (user_id INT32, score FLOAT64), blocks] -> (user_id INT32, score FLOAT64)
                  Filter[(user_id > 10L)] -> (user_id INT64, name STRING, note STRING)
                    Scan[1: users (user_id INT64, name STRING, note STRING), blocks] -> (user_id INT64, name STRING, note STRING)
                """);

        Join left = join(small(), users(), JoinType.LEFT, "user_id");
        assertThat(rule.apply(new Filter(left, cmp(col(left, "user_id"), ComparisonOp.GT, lit(10L))))).isEmpty();
    }
}
