package io.datajax.runtime.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datajax.api.spi.ExecutionResult;
import io.datajax.api.spi.StageListener;
import io.datajax.ir.DataType;
import io.datajax.ir.Field;
import io.datajax.ir.Schema;
import io.datajax.ir.Sharding;
import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.ExecutionException;
import io.datajax.ir.expr.Arithmetic;
import io.datajax.ir.expr.ArithmeticOp;
import io.datajax.ir.expr.ColumnRef;
import io.datajax.ir.expr.Comparison;
import io.datajax.ir.expr.ComparisonOp;
import io.datajax.ir.expr.Expr;
import io.datajax.ir.expr.Literal;
import io.datajax.ir.expr.NamedExpr;
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
import io.datajax.planner.stages.Stage;
import io.datajax.planner.stages.StageMetrics;
import io.datajax.planner.stages.StagePlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class LocalExecutorTest {
    private final LocalExecutor executor = new LocalExecutor();

    private static final Schema ORDERS = Schema.of(Field.of("user_id", DataType.INT64), Field.of("qty", DataType.INT64));
    private static final Scan ORDERS_SCAN = new Scan(0, "orders", ORDERS, Sharding.blocks());

    private static Table orders(long[] users, long[] qty) {
        return Table.create("orders", LongColumn.create("user_id", users), LongColumn.create("qty", qty));
    }

    private static ColumnRef ref(String name, DataType type) {
        return new ColumnRef(name, type, true);
    }

    private static AggCall sum(String column, DataType type) {
        return new AggCall(AggFunction.SUM, Optional.of(ref(column, type)), column);
    }

    private ExecutionResult run(PlanNode root, Table... inputs) {
        return executor.execute(TestStages.of(root), List.of(inputs), StageListener.NONE);
    }

    @Test
    void aliasShadowingReadsTheOldValueOnce() {
        Expr qtyTimesTen = Arithmetic.of(ArithmeticOp.MULTIPLY, ref("qty", DataType.INT64), Literal.of(10L));
        PlanNode project = new Project(ORDERS_SCAN, List.of(
                new NamedExpr("user_id", ref("user_id", DataType.INT64)), new NamedExpr("qty", qtyTimesTen)));
        PlanNode aggregate = new Aggregate(project, List.of("user_id"), List.of(sum("qty", DataType.INT64)));
        Table result = run(aggregate, orders(new long[] {1, 2, 1, 3}, new long[] {2, 3, 5, 1})).table();
        assertThat(result.longColumn("user_id").asList()).containsExactly(1L, 2L, 3L);
        assertThat(result.longColumn("qty").asList()).containsExactly(70L, 30L, 10L);
    }

    @Test
    void filterProjectLimitRunAsOneStageInInputOrder() {
        PlanNode filter = new Filter(ORDERS_SCAN, new Comparison(ComparisonOp.GT, ref("qty", DataType.INT64), Literal.of(1)));
        PlanNode project = new Project(filter, List.of(new NamedExpr("half",
                Arithmetic.of(ArithmeticOp.DIVIDE, ref("qty", DataType.INT64), Literal.of(2)))));
        PlanNode limit = new Limit(project, 2);
        StagePlan plan = TestStages.of(limit);
        assertThat(plan.stages()).hasSize(2);
        Table result = executor.execute(plan, List.of(orders(new long[] {1, 2, 1, 3}, new long[] {2, 3, 5, 1})),
                StageListener.NONE).table();
        assertThat(result.doubleColumn("half").asList()).containsExactly(1.0, 1.5);
    }

    @Test
    void joinThenAggregateThenSortEndToEnd() {
        Schema dimSchema = Schema.of(Field.of("user_id", DataType.INT32), Field.of("region", DataType.STRING));
        Scan dim = new Scan(1, "users", dimSchema, Sharding.replicated());
        PlanNode join = new Join(new Repartition(ORDERS_SCAN, Sharding.byKey("user_id")), dim, JoinType.LEFT,
                List.of("user_id"), List.of("user_id"), false, "_x", "_y");
        PlanNode aggregate = new Aggregate(join, List.of("region"), List.of(sum("qty", DataType.INT64),
                new AggCall(AggFunction.COUNT_ALL, Optional.empty(), "count")));
        PlanNode sort = new Sort(aggregate, List.of(new SortKey("qty", false, false)));
        Table users = Table.create("users", IntColumn.create("user_id", new int[] {1, 2}),
                StringColumn.create("region", "north", "south"));
        Table result = run(sort, orders(new long[] {1, 2, 1, 3}, new long[] {2, 3, 5, 1}), users).table();
        assertThat(result.columnNames()).containsExactly("region", "qty", "count");
        assertThat(result.stringColumn("region").asList()).containsExactly("north", "south", "");
        assertThat(result.stringColumn("region").isMissing(2)).isTrue();
        assertThat(result.longColumn("qty").asList()).containsExactly(7L, 3L, 1L);
        assertThat(result.longColumn("count").asList()).containsExactly(2L, 1L, 1L);
    }

    @Test
    void emptyInputsFlowThroughEveryStage() {
        PlanNode filter = new Filter(ORDERS_SCAN, new Comparison(ComparisonOp.GT, ref("qty", DataType.INT64), Literal.of(1)));
        PlanNode aggregate = new Aggregate(filter, List.of(), List.of(sum("qty", DataType.INT64),
                new AggCall(AggFunction.COUNT_ALL, Optional.empty(), "count")));
        Table result = run(aggregate, orders(new long[0], new long[0])).table();
        assertThat(result.rowCount()).isEqualTo(1);
        assertThat(result.longColumn("qty").isMissing(0)).isTrue();
        assertThat(result.longColumn("count").get(0)).isZero();

        PlanNode grouped = new Aggregate(ORDERS_SCAN, List.of("user_id"), List.of(sum("qty", DataType.INT64)));
        assertThat(run(grouped, orders(new long[0], new long[0])).table().rowCount()).isZero();
    }

    @Test
    void reportsModeMetricsAndListenerCallsPerStage() {
        PlanNode aggregate = new Aggregate(ORDERS_SCAN, List.of("user_id"), List.of(sum("qty", DataType.INT64)));
        List<String> events = new ArrayList<>();
        StageListener listener = new StageListener() {
            @Override
            public void stageStarted(Stage stage) {
                events.add("start " + stage.id());
            }

            @Override
            public void stageFinished(Stage stage, StageMetrics metrics) {
                events.add("finish " + stage.id() + " " + metrics.rowsOut());
            }
        };
        ExecutionResult result = executor.execute(TestStages.of(aggregate),
                List.of(orders(new long[] {1, 2, 1}, new long[] {1, 1, 1})), listener);
        assertThat(result.mode()).isEqualTo("in-process, 1 thread");
        assertThat(events).containsExactly("start 0", "finish 0 3", "start 1", "finish 1 2");
        assertThat(result.stages()).extracting(StageMetrics::stageId).containsExactly(0, 1);
        assertThat(result.stages()).extracting(StageMetrics::rowsIn).containsExactly(3L, 3L);
        assertThat(result.stages()).extracting(StageMetrics::rowsOut).containsExactly(3L, 2L);
        assertThat(result.stages()).allSatisfy(m -> {
            assertThat(m.bytesExchanged()).isZero();
            assertThat(m.peakBytes()).isPositive();
            assertThat(m.nanos()).isPositive();
        });
        assertThat(executor.name()).isEqualTo("local");
    }

    @Test
    void inputWithAWrongColumnTypeIsAnInputMismatch() {
        Table wrong = Table.create("orders", LongColumn.create("user_id", new long[] {1}),
                DoubleColumn.create("qty", new double[] {1.0}));
        assertThatThrownBy(() -> run(ORDERS_SCAN, wrong))
                .isInstanceOf(ExecutionException.class)
                .hasMessageContaining("INPUT_MISMATCH")
                .hasMessageContaining("column 'qty' is FLOAT64, not INT64")
                .satisfies(e -> assertThat(((ExecutionException) e).code()).isEqualTo(ErrorCode.INPUT_MISMATCH));
        Table missing = Table.create("orders", LongColumn.create("user_id", new long[] {1}));
        assertThatThrownBy(() -> run(ORDERS_SCAN, missing)).hasMessageContaining("column 'qty' is missing");
        assertThatThrownBy(() -> executor.execute(TestStages.of(ORDERS_SCAN), List.of(), StageListener.NONE))
                .hasMessageContaining("Input 0 ('orders') was not given");
    }

    @Test
    void inputColumnsMayComeInAnotherOrderAndTheInputTableIsNotModified() {
        Table input = Table.create("orders", LongColumn.create("qty", new long[] {4, 5}),
                LongColumn.create("user_id", new long[] {1, 2}));
        input.longColumn("qty").setMissing(1);
        Expr doubled = Arithmetic.of(ArithmeticOp.ADD, ref("qty", DataType.INT64), ref("qty", DataType.INT64));
        PlanNode project = new Project(ORDERS_SCAN, List.of(new NamedExpr("qty", doubled),
                new NamedExpr("user_id", ref("user_id", DataType.INT64))));
        Table result = run(project, input).table();
        assertThat(result.columnNames()).containsExactly("qty", "user_id");
        assertThat(result.longColumn("qty").get(0)).isEqualTo(8L);
        assertThat(result.longColumn("qty").isMissing(1)).isTrue();
        assertThat(input.longColumn("qty").get(0)).isEqualTo(4L);
        assertThat(input.longColumn("qty").isMissing(1)).isTrue();
        assertThat(input.columnNames()).containsExactly("qty", "user_id");
    }

    @Test
    void overflowDuringARunFailsWithTheExpression() {
        PlanNode project = new Project(ORDERS_SCAN, List.of(new NamedExpr("big",
                Arithmetic.of(ArithmeticOp.MULTIPLY, ref("qty", DataType.INT64), Literal.of(Long.MAX_VALUE)))));
        assertThatThrownBy(() -> run(project, orders(new long[] {1}, new long[] {2})))
                .hasMessageContaining("INTEGER_OVERFLOW")
                .hasMessageContaining("(qty * 9223372036854775807L)");
    }
}
