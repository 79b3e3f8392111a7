package io.datajax.planner.stages;

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

import io.datajax.ir.Sharding;
import io.datajax.ir.expr.ComparisonOp;
import io.datajax.ir.plan.AggCall;
import io.datajax.ir.plan.AggFunction;
import io.datajax.ir.plan.Aggregate;
import io.datajax.ir.plan.Filter;
import io.datajax.ir.plan.Join;
import io.datajax.ir.plan.JoinType;
import io.datajax.ir.plan.Limit;
import io.datajax.ir.plan.PlanNode;
import io.datajax.ir.plan.Project;
import io.datajax.ir.plan.Repartition;
import io.datajax.ir.plan.Scan;
import io.datajax.ir.plan.Sort;
import io.datajax.ir.plan.SortKey;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class StageSplitterTest {

    /** One line per stage: id, kind, inputs, nodes, sharding and the exchanges present. */
    private static String summary(PlanNode plan, int parallelism) {
        List<Stage> stages = StageSplitter.split(plan, parallelism);
        new StagePlan(plan, plan, stages, List.of(), parallelism); // checks the edges
        return stages.stream().map(StageSplitterTest::summary).collect(Collectors.joining("\n", "", "\n"));
    }

    private static String summary(Stage stage) {
        String exchanges = stage.exchanges().stream().flatMap(Optional::stream).map(Exchange::toString)
                .collect(Collectors.joining(" "));
        return stage.id() + " " + stage.kind() + " <- " + stage.inputs() + " "
                + stage.nodes().stream().map(n -> n.getClass().getSimpleName()).toList() + " " + stage.sharding()
                + (exchanges.isEmpty() ? "" : " " + exchanges);
    }

    /** filter(orders) join users, groupBy user_id count(). */
    private static PlanNode filterJoinGroupBy(Scan orders, Scan users) {
        Filter filter = new Filter(orders, cmp(col(orders, "qty"), ComparisonOp.GT, lit(0L)));
        Join join = join(filter, users, JoinType.INNER, "user_id");
        return new Aggregate(join, List.of("user_id"), List.of(new AggCall(AggFunction.COUNT_ALL, Optional.empty(), "count")));
    }

    @Test
    void splitsFilterJoinGroupByIntoStagesInCodeOrder() {
        assertThat(summary(filterJoinGroupBy(orders(), users()), 2)).isEqualTo("""
                0 INPUT <- [] [Scan] blocks
                1 TRANSFORM <- [0] [Filter] blocks
                2 INPUT <- [] [Scan] blocks
                3 JOIN <- [1, 2] [Join] byKey(user_id) Exchange[hash(user_id), 2] Exchange[hash(user_id), 2]
                4 AGGREGATE <- [3] [Aggregate] byKey(user_id)
                """);
    }

    @Test
    void insertsNoExchangesForOneRank() {
        assertThat(summary(filterJoinGroupBy(orders(), users()), 1)).isEqualTo("""
                0 INPUT <- [] [Scan] blocks
                1 TRANSFORM <- [0] [Filter] blocks
                2 INPUT <- [] [Scan] blocks
                3 JOIN <- [1, 2] [Join] byKey(user_id)
                4 AGGREGATE <- [3] [Aggregate] byKey(user_id)
                """);
    }

    @Test
    void skipsExchangesWhenInputsAreAlreadyPlacedByTheKeys() {
        PlanNode plan = filterJoinGroupBy(orders(Sharding.byKey("user_id")), users(Sharding.byKey("user_id")));

        assertThat(summary(plan, 4)).isEqualTo("""
                0 INPUT <- [] [Scan] byKey(user_id)
                1 TRANSFORM <- [0] [Filter] byKey(user_id)
                2 INPUT <- [] [Scan] byKey(user_id)
                3 JOIN <- [1, 2] [Join] byKey(user_id)
                4 AGGREGATE <- [3] [Aggregate] byKey(user_id)
                """);
    }

    @Test
    void aggregateOnMoreKeysThanThePlacementNeedsNoExchange() {
        Scan orders = orders(Sharding.byKey("user_id"));
        Aggregate subset = new Aggregate(orders, List.of("note", "user_id"), List.of(agg(AggFunction.SUM, orders, "qty", "qty")));
        Aggregate other = new Aggregate(orders, List.of("note"), List.of(agg(AggFunction.SUM, orders, "qty", "qty")));
        Aggregate global = new Aggregate(orders, List.of(), List.of(agg(AggFunction.SUM, orders, "qty", "qty")));

        assertThat(summary(subset, 2)).endsWith("1 AGGREGATE <- [0] [Aggregate] byKey(user_id)\n");
        assertThat(summary(other, 2)).endsWith("1 AGGREGATE <- [0] [Aggregate] byKey(note) Exchange[hash(note), 2]\n");
        assertThat(summary(global, 2)).endsWith("1 AGGREGATE <- [0] [Aggregate] replicated Exchange[broadcast, 2]\n");
    }

    @Test
    void broadcastJoinFollowsThePartitionedSide() {
        PlanNode inner = join(orders(), users(Sharding.replicated()), JoinType.INNER, "user_id");
        PlanNode full = join(orders(), users(Sharding.replicated()), JoinType.FULL, "user_id");

        assertThat(summary(inner, 2)).endsWith("2 JOIN <- [0, 1] [Join] blocks\n");
        assertThat(summary(full, 2)).endsWith(
                "2 JOIN <- [0, 1] [Join] byKey(user_id) Exchange[hash(user_id), 2] Exchange[hash(user_id), 2]\n");
    }

    @Test
    void aSharedSubPlanBecomesOneStage() {
        Scan orders = orders();
        Filter shared = new Filter(orders, cmp(col(orders, "qty"), ComparisonOp.GT, lit(0L)));

        assertThat(summary(join(shared, shared, JoinType.INNER, "user_id"), 1)).isEqualTo("""
                0 INPUT <- [] [Scan] blocks
                1 TRANSFORM <- [0] [Filter] blocks
                2 JOIN <- [1, 1] [Join] byKey(user_id)
                """);
    }

    @Test
    void structurallyEqualSubPlansBecomeOneStage() {
        PlanNode left = new Filter(orders(), cmp(col(orders(), "qty"), ComparisonOp.GT, lit(0L)));
        PlanNode right = new Filter(orders(), cmp(col(orders(), "qty"), ComparisonOp.GT, lit(0L)));

        assertThat(summary(join(left, right, JoinType.INNER, "user_id"), 1)).isEqualTo("""
                0 INPUT <- [] [Scan] blocks
                1 TRANSFORM <- [0] [Filter] blocks
                2 JOIN <- [1, 1] [Join] byKey(user_id)
                """);
    }

    @Test
    void aTransformChainStopsAtANodeReadTwice() {
        Scan orders = orders();
        Filter shared = new Filter(orders, cmp(col(orders, "qty"), ComparisonOp.GT, lit(0L)));
        Project a = new Project(new Filter(shared, cmp(col(orders, "unit_price"), ComparisonOp.GT, lit(1.0))),
                List.of(keep(orders, "user_id"), keep(orders, "qty")));
        Project b = new Project(shared, List.of(keep(orders, "user_id"), keep(orders, "note")));

        assertThat(summary(join(a, b, JoinType.INNER, "user_id"), 1)).isEqualTo("""
                0 INPUT <- [] [Scan] blocks
                1 TRANSFORM <- [0] [Filter] blocks
                2 TRANSFORM <- [1] [Filter, Project] blocks
                3 TRANSFORM <- [1] [Project] blocks
                4 JOIN <- [2, 3] [Join] byKey(user_id)
                """);
    }

    @Test
    void projectionsRenameOrDropTheShardingKey() {
        Scan orders = orders(Sharding.byKey("user_id"));
        Project renamed = new Project(orders, List.of(named("uid", col(orders, "user_id")), keep(orders, "qty")));
        Project dropped = new Project(orders, List.of(keep(orders, "qty")));
        Project kept = new Project(orders, List.of(named("uid", col(orders, "user_id")), keep(orders, "user_id")));

        assertThat(summary(renamed, 2)).endsWith("1 TRANSFORM <- [0] [Project] byKey(uid)\n");
        assertThat(summary(dropped, 2)).endsWith("1 TRANSFORM <- [0] [Project] blocks\n");
        assertThat(summary(kept, 2)).endsWith("1 TRANSFORM <- [0] [Project] byKey(user_id)\n");
    }

    @Test
    void sortRepartitionAndLimitMoveRowsAsTheyNeed() {
        Scan orders = orders();
        PlanNode plan = new Limit(new Sort(new Repartition(new Repartition(orders, Sharding.byKey("user_id")),
                Sharding.replicated()), List.of(new SortKey("qty", false, false))), 3);
        PlanNode distributedSort = new Limit(new Sort(orders, List.of(new SortKey("qty", true, false))), 3);

        assertThat(summary(plan, 2)).isEqualTo("""
                0 INPUT <- [] [Scan] blocks
                1 REPARTITION <- [0] [Repartition] byKey(user_id) Exchange[hash(user_id), 2]
                2 REPARTITION <- [1] [Repartition] replicated Exchange[broadcast, 2]
                3 SORT <- [2] [Sort] replicated
                4 TRANSFORM <- [3] [Limit] replicated
                """);
        assertThat(summary(distributedSort, 2)).isEqualTo("""
                0 INPUT <- [] [Scan] blocks
                1 SORT <- [0] [Sort] blocks Exchange[range(qty), 2]
                2 TRANSFORM <- [1] [Limit] blocks Exchange[gather, 2]
                """);
    }

    @Test
    void stagesKeepTheirNodesInExecutionOrderWithSchemas() {
        Scan orders = orders();
        Filter filter = new Filter(orders, cmp(col(orders, "qty"), ComparisonOp.GT, lit(0L)));
        Project project = new Project(filter, List.of(keep(orders, "user_id")));

        List<Stage> stages = StageSplitter.split(project, 1);

        assertThat(stages.get(1).nodes()).containsExactly(filter, project);
        assertThat(stages.get(1).inputSchemas()).containsExactly(orders.schema());
        assertThat(stages.get(1).schema()).isEqualTo(project.schema());
        assertThat(stages.get(1).root()).isSameAs(project);
    }
}
