package io.datajax.planner.rules;

import static io.datajax.planner.PlanFixtures.cmp;
import static io.datajax.planner.PlanFixtures.col;
import static io.datajax.planner.PlanFixtures.join;
import static io.datajax.planner.PlanFixtures.keep;
import static io.datajax.planner.PlanFixtures.lit;
import static io.datajax.planner.PlanFixtures.orders;
import static io.datajax.planner.PlanFixtures.users;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datajax.ir.error.InternalException;
import io.datajax.ir.expr.ComparisonOp;
import io.datajax.ir.plan.Filter;
import io.datajax.ir.plan.Join;
import io.datajax.ir.plan.JoinType;
import io.datajax.ir.plan.Limit;
import io.datajax.ir.plan.PlanNode;
import io.datajax.ir.plan.PlanPrinter;
import io.datajax.ir.plan.Project;
import io.datajax.ir.plan.Scan;
import io.datajax.planner.PlanFixtures;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleDriverTest {

    @Test
    void rewritesAPipelineToAFixpoint() {
        Rewrite rewrite = new RuleDriver(RuleSet.standard(), true).run(PlanFixtures.pipeline());

        assertThat(PlanPrinter.print(rewrite.plan())).isEqualTo("""
                Aggregate[keys=[user_id], revenue := sum(revenue)] -> (user_id INT64, revenue FLOAT64)
                  Join[INNER, on=[user_id]] -> (user_id INT64, revenue FLOAT64)
                    Filter[(revenue > 10.0)] -> (user_id INT64, revenue FLOAT64)
                      Project[user_id, revenue := (unit_price * qty)] -> (user_id INT64, revenue FLOAT64)
                        Filter[(note = 'web')] -> (user_id INT64, unit_price FLOAT64, qty INT64, note STRING)
                          Scan[0: orders (user_id INT64, unit_price FLOAT64, qty INT64, note STRING), blocks] -> (user_id INT64, unit_price FLOAT64, qty INT64, note STRING)
                    Project[user_id] -> (user_id INT64)
                      Filter[(name = 'ann')] -> (user_id INT64, name STRING)
                        Project[user_id, name] -> (user_id INT64, name STRING)
                          Scan[1: users (user_id INT64, name STRING, note STRING), blocks] -> (user_id INT64, name STRING, note STRING)
                """);
        assertThat(rewrite.appliedRules()).containsExactly("FoldConstants", "PushFilterBelowProject",
                "PushFilterIntoJoin", "PruneColumns", "DropIdentityProjections");
        assertThat(new RuleDriver(RuleSet.standard(), true).run(rewrite.plan()).plan())
                .as("rewriting again gives the same plan").isEqualTo(rewrite.plan());
    }

    @Test
    void mergesAnyNumberOfStackedNodes() {
        Scan orders = orders();
        PlanNode plan = orders;
        for (long i = 0; i < 4; i++) {
            plan = new Filter(plan, cmp(col(orders, "qty"), ComparisonOp.GT, lit(i)));
            plan = new Project(plan, orders.schema().names().stream().map(n -> keep(orders, n)).toList());
        }

        Rewrite rewrite = new RuleDriver(RuleSet.standard(), true).run(plan);

        assertThat(PlanPrinter.print(rewrite.plan())).isEqualTo("""
                Filter[((((qty > 0L) AND (qty > 1L)) AND (qty > 2L)) AND (qty > 3L))] -> (user_id INT64, unit_price FLOAT64, qty INT64, note STRING)
                  Scan[0: orders (user_id INT64, unit_price FLOAT64, qty INT64, note STRING), blocks] -> (user_id INT64, unit_price FLOAT64, qty INT64, note STRING)
                """);
        assertThat(rewrite.appliedRules()).containsExactly("DropIdentityProjections", "MergeFilters");
    }

    @Test
    void keepsSharedSubPlansShared() {
        Scan orders = orders();
        PlanNode shared = new Filter(new Filter(orders, cmp(col(orders, "qty"), ComparisonOp.GT, lit(0L))),
                cmp(col(orders, "qty"), ComparisonOp.LT, lit(9L)));
        Join selfJoin = join(shared, shared, JoinType.INNER, "user_id");

        PlanNode after = new RuleDriver(RuleSet.standard(), true).run(selfJoin).plan();

        assertThat(after.inputs().get(0)).isSameAs(after.inputs().get(1));
        assertThat(PlanPrinter.print(after)).isEqualTo("""
                Join[INNER, on=[user_id]] -> (user_id INT64, unit_price_x FLOAT64, qty_x INT64, note_x STRING, unit_price_y FLOAT64, qty_y INT64, note_y STRING)
                  #1 Filter[((qty > 0L) AND (qty < 9L))] -> (user_id INT64, unit_price FLOAT64, qty INT64, note STRING)
                    Scan[0: orders (user_id INT64, unit_price FLOAT64, qty INT64, note STRING), blocks] -> (user_id INT64, unit_price FLOAT64, qty INT64, note STRING)
                  #1
                """);
    }

    @Test
    void disabledRulesDoNotFire() {
        PlanNode plan = PlanFixtures.pipeline();
        RuleSet none = RuleSet.standard().withDisabled(new HashSet<>(RuleSet.standard().ruleNames()));

        Rewrite rewrite = new RuleDriver(none, true).run(plan);

        assertThat(rewrite.plan()).isSameAs(plan);
        assertThat(rewrite.appliedRules()).isEmpty();
        assertThat(new RuleDriver(RuleSet.standard().withDisabled(Set.of("PushFilterIntoJoin")), true)
                .run(plan).appliedRules()).doesNotContain("PushFilterIntoJoin");
    }

    @Test
    void stopsARuleSetThatNeverSettles() {
        Rule grow = new Rule() {
            @Override
            public String name() {
                return "GrowLimit";
            }

            @Override
            public Optional<PlanNode> apply(PlanNode node) {
                return node instanceof Limit limit ? Optional.of(new Limit(limit.input(), limit.count() + 1)) : Optional.empty();
            }
        };
        RuleSet rules = RuleSet.of(List.of(new RuleSet.Phase("grow", List.of(grow))));

        Rewrite rewrite = new RuleDriver(rules, false).run(new Limit(orders(), 0));

        assertThat(((Limit) rewrite.plan()).count()).isBetween((long) RuleDriver.MAX_PASSES, 10_000L);
        assertThat(rewrite.appliedRules()).containsExactly("GrowLimit");
    }

    @Test
    void verificationCatchesABrokenRewrite() {
        Rule rescan = new Rule() {
            @Override
            public String name() {
                return "RescanAsInputZero";
            }

            @Override
            public Optional<PlanNode> apply(PlanNode node) {
                return node instanceof Scan scan && scan.input() == 1
                        ? Optional.of(new Scan(0, scan.name(), scan.schema(), scan.sharding()))
                        : Optional.empty();
            }
        };
        RuleSet rules = RuleSet.of(List.of(new RuleSet.Phase("broken", List.of(rescan))));
        PlanNode plan = join(orders(), users(), JoinType.INNER, "user_id");

        assertThatThrownBy(() -> new RuleDriver(rules, true).run(plan))
                .isInstanceOf(InternalException.class)
                .hasMessageContaining("input 0 is scanned as both");
        assertThat(new RuleDriver(rules, false).run(plan).appliedRules()).containsExactly("RescanAsInputZero");
    }
}
