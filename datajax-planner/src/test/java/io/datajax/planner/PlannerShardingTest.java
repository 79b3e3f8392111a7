package io.datajax.planner;

import static io.datajax.planner.PlanFixtures.orders;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datajax.ir.Mesh;
import io.datajax.ir.Sharding;
import io.datajax.ir.error.SchemaException;
import io.datajax.ir.error.ShardingException;
import io.datajax.ir.plan.AggCall;
import io.datajax.ir.plan.AggFunction;
import io.datajax.ir.plan.Aggregate;
import io.datajax.ir.plan.PlanNode;
import io.datajax.ir.plan.Repartition;
import io.datajax.ir.plan.Scan;
import io.datajax.planner.stages.ExplainPrinter;
import io.datajax.planner.stages.StagePlan;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Meshes, declared input shardings and required output shardings, as explain prints them. */
class PlannerShardingTest {
    private static final Mesh ROWS = Mesh.of("rows", 2);
    private static final Mesh GRID = Mesh.builder().axis("data", 2).axis("model", 2).build();

    private static PlanNode countByUser(Scan orders) {
        return new Aggregate(orders, List.of("user_id"), List.of(new AggCall(AggFunction.COUNT_ALL, Optional.empty(), "n")));
    }

    private static String explain(PlanNode plan, Mesh mesh, Sharding out, boolean strict) {
        StagePlan stages = new Planner(io.datajax.planner.rules.RuleSet.standard(), true).plan(plan, mesh, Optional.of(out), strict);
        return ExplainPrinter.print(stages, List.of(), Map.of());
    }

    @Test
    void inputAlreadyByKeyOnTheGroupKeySkipsTheExchange() {
        assertThat(explain(countByUser(orders(Sharding.byKey("user_id"))), ROWS, Sharding.byKey("user_id"), true))
                .isEqualTo("""
                        == DataJax plan ==
                        Stage 0 INPUT input[0] orders
                          out: (user_id INT64, unit_price FLOAT64, qty INT64, note STRING)  sharding: byKey(user_id)
                        Stage 1 TRANSFORM <- stage 0
                          Project[user_id]
                          out: (user_id INT64)  sharding: byKey(user_id)
                        Stage 2 AGGREGATE <- stage 1
                          Aggregate[keys=[user_id], n := count(*)]
                          out: (user_id INT64, n INT64 NOT NULL)  sharding: byKey(user_id)
                        rules applied: PruneColumns
                        """);
    }

    @Test
    void inputByKeyBoundToTheOnlyAxisAlsoSkipsTheExchange() {
        Scan orders = orders(new Sharding.ByKey(List.of("user_id"), Optional.of("rows")));
        assertThat(explain(countByUser(orders), ROWS, Sharding.byKey("user_id"), true))
                .doesNotContain("Exchange").contains("sharding: byKey(user_id)\n");
    }

    @Test
    void blocksInputNeedsTheExchange() {
        assertThat(explain(countByUser(orders()), ROWS, Sharding.byKey("user_id"), true))
                .contains("Stage 2 AGGREGATE <- stage 1\n  Exchange[hash(user_id), 2]\n");
    }

    @Test
    void outShardingThatDiffersAddsARepartitionStage() {
        assertThat(explain(countByUser(orders(Sharding.byKey("user_id"))), ROWS, Sharding.replicated(), false))
                .endsWith("""
                        Stage 3 REPARTITION <- stage 2
                          Exchange[broadcast, 2]
                          Repartition[replicated]
                          out: (user_id INT64, n INT64 NOT NULL)  sharding: replicated
                        rules applied: PruneColumns
                        """);
    }

    @Test
    void outShardingBoundToOneAxisOfTwoHashesAlongThatAxis() {
        assertThat(explain(countByUser(orders()), GRID, new Sharding.ByKey(List.of("user_id"), Optional.of("data")), false))
                .contains("""
                        Stage 3 REPARTITION <- stage 2
                          Exchange[hash(user_id)@data, 2]
                          Repartition[byKey(user_id)@data]
                          out: (user_id INT64, n INT64 NOT NULL)  sharding: byKey(user_id)@data
                        """);
    }

    @Test
    void inputBoundToOneAxisOfTwoIsReadOnceAsBlocks() {
        Scan orders = orders(new Sharding.ByKey(List.of("user_id"), Optional.of("data")));
        assertThat(explain(countByUser(orders), GRID, Sharding.byKey("user_id"), false))
                .startsWith("""
                        == DataJax plan ==
                        Stage 0 INPUT input[0] orders
                          out: (user_id INT64, unit_price FLOAT64, qty INT64, note STRING)  sharding: blocks
                        """).contains("Exchange[hash(user_id), 4]");
    }

    @Test
    void strictModeRejectsADifferentResultShardingShowingBoth() {
        assertThatThrownBy(() -> explain(countByUser(orders()), ROWS, Sharding.byKey("n"), true))
                .isInstanceOf(ShardingException.class)
                .hasMessageContaining("Strict pjit: the result is sharded byKey(user_id) but outShardings expects byKey(n)"
                        + " (mesh rows=2). Expected: byKey(n), actual: byKey(user_id).");
    }

    @Test
    void outShardingKeysMustBeResultColumns() {
        assertThatThrownBy(() -> explain(countByUser(orders()), ROWS, Sharding.byKey("user"), false))
                .isInstanceOf(SchemaException.class)
                .hasMessageContaining("outShardings byKey(user) names column 'user', which is not a column of the result."
                        + " Did you mean 'user_id'? Columns: [user_id, n].");
    }

    @Test
    void specsInsideThePlanMustNameMeshAxes() {
        PlanNode plan = new Repartition(orders(), new Sharding.ByKey(List.of("user_id"), Optional.of("dat")));
        assertThatThrownBy(() -> explain(plan, GRID, Sharding.blocks(), false))
                .isInstanceOf(ShardingException.class)
                .hasMessageContaining("Did you mean 'data'? Axes: [data, model].");
        PlanNode bound = new Repartition(orders(), new Sharding.ByKey(List.of("user_id"), Optional.of("data")));
        assertThatThrownBy(() -> explain(bound, GRID, Sharding.blocks(), false))
                .hasMessageContaining("Bind specs to an axis only in pjit's inShardings and outShardings");
    }

    @Test
    void blocksBoundToOneAxisOfTwoIsNotAnOutputSpec() {
        assertThatThrownBy(() -> explain(orders(), GRID, new Sharding.Blocks(Optional.of("model")), false))
                .hasMessageContaining("outShardings blocks@model is not supported on mesh data=2 x model=2");
    }
}
