package io.datajax.api;

import static io.datajax.api.Functions.col;
import static io.datajax.api.Functions.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datajax.api.spi.ExecutionResult;
import io.datajax.api.spi.Executor;
import io.datajax.api.spi.StageListener;
import io.datajax.ir.DataType;
import io.datajax.ir.Field;
import io.datajax.ir.Mesh;
import io.datajax.ir.Schema;
import io.datajax.ir.Sharding;
import io.datajax.ir.error.SchemaException;
import io.datajax.ir.error.ShardingException;
import io.datajax.ir.error.TracingException;
import io.datajax.planner.stages.StagePlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

class PjitTest {
    private static final Schema ORDERS = Schema.of(Field.of("user_id", DataType.INT64), Field.of("qty", DataType.INT64));
    private static final FrameFunction TOTALS = df -> df.groupBy("user_id").agg(sum("qty"));

    /** A hand-written fake of {@code ranks} ranks that records plans and runs nothing. */
    private static final class RanksExecutor implements Executor {
        final int ranks;
        final List<StagePlan> plans = new ArrayList<>();

        RanksExecutor(int ranks) {
            this.ranks = ranks;
        }

        @Override
        public String name() {
            return "fake";
        }

        @Override
        public int parallelism() {
            return ranks;
        }

        @Override
        public ExecutionResult execute(StagePlan plan, List<Table> inputs, StageListener listener) {
            plans.add(plan);
            return new ExecutionResult(Table.create("result"), "fake", List.of());
        }

        @Override
        public void close() {
        }
    }

    private static JitFunction totals(Mesh mesh, Sharding in, Sharding out, int ranks) {
        return DataJax.pjit(TOTALS, mesh, List.of(in), out, DataJaxConfig.defaults()).on(new RanksExecutor(ranks));
    }

    @Test
    void declaredByKeyInputSkipsTheExchangeInExplain() {
        String explain = totals(Mesh.of("rows", 2), Sharding.byKey("user_id"), Sharding.byKey("user_id"), 2)
                .trace(ORDERS).explain();
        assertThat(explain).isEqualTo("""
                == DataJax plan ==
                executor: fake (planned for 2 ranks)
                pjit: mesh rows=2, out byKey(user_id)
                Stage 0 INPUT input[0] df
                  out: (user_id INT64, qty INT64)  sharding: byKey(user_id)
                Stage 1 AGGREGATE <- stage 0
                  Aggregate[keys=[user_id], qty := sum(qty)]
                  out: (user_id INT64, qty INT64)  sharding: byKey(user_id)
                rules applied: none
                """);
    }

    @Test
    void differentOutShardingInsertsARepartitionStage() {
        String explain = totals(Mesh.of("rows", 2), Sharding.blocks(), Sharding.replicated(), 2).trace(ORDERS).explain();
        assertThat(explain).contains("""
                Stage 1 AGGREGATE <- stage 0
                  Exchange[hash(user_id), 2]
                """).contains("""
                Stage 2 REPARTITION <- stage 1
                  Exchange[broadcast, 2]
                  Repartition[replicated]
                  out: (user_id INT64, qty INT64)  sharding: replicated
                """);
    }

    @Test
    void strictModeRejectsAtTraceTimeWithExpectedAndActual() {
        JitFunction strict = totals(Mesh.of("rows", 2), Sharding.blocks(), Sharding.replicated(), 2).strict();
        assertThatThrownBy(() -> strict.trace(ORDERS)).isInstanceOf(ShardingException.class)
                .hasMessageContaining("Expected: replicated, actual: byKey(user_id).");
        assertThatThrownBy(() -> DataJax.djit(TOTALS).strict()).isInstanceOf(TracingException.class)
                .hasMessageContaining("strict() applies to pjit functions");
    }

    @Test
    void meshSizeMustEqualTheRankCountBeforeAnythingRuns() {
        RanksExecutor executor = new RanksExecutor(2);
        JitFunction fn = DataJax.pjit(TOTALS, Mesh.builder().axis("data", 2).axis("model", 2).build(),
                List.of(Sharding.blocks()), Sharding.blocks(), DataJaxConfig.defaults()).on(executor);
        Table orders = Table.create("orders", LongColumn.create("user_id", 1, 2), LongColumn.create("qty", 3, 4));
        assertThatThrownBy(() -> fn.apply(orders)).isInstanceOf(ShardingException.class)
                .hasMessageContaining("pjit's mesh data=2 x model=2 has 4 rank(s), but executor 'fake' runs 2 rank(s).");
        assertThat(executor.plans).isEmpty();
        assertThat(fn.cacheStats().traces()).isZero();
    }

    @Test
    void unknownAxisIsRejectedWhenPjitIsCalled() {
        Mesh grid = Mesh.builder().axis("data", 2).axis("model", 2).build();
        assertThatThrownBy(() -> DataJax.pjit(TOTALS, grid, List.of(new Sharding.ByKey(List.of("user_id"), Optional.of("dat"))),
                Sharding.blocks())).isInstanceOf(ShardingException.class)
                .hasMessageContaining("inShardings[0] byKey(user_id)@dat is bound to axis 'dat', but mesh data=2 x model=2"
                        + " has no such axis. Did you mean 'data'? Axes: [data, model].");
        assertThatThrownBy(() -> DataJax.pjit(TOTALS, grid, List.of(Sharding.blocks()), new Sharding.Replicated(Optional.of("x"))))
                .hasMessageContaining("outShardings replicated@x is bound to axis 'x'");
    }

    @Test
    void inputShardingCountMustMatchTheInputs() {
        assertThatThrownBy(() -> DataJax.pjit((l, r) -> l, Mesh.of("rows", 1), List.of(Sharding.blocks()), Sharding.blocks()))
                .isInstanceOf(ShardingException.class)
                .hasMessageContaining("pjit of a function of 2 input(s) [left, right] takes 2 input sharding(s), one per"
                        + " input, but was given 1: [blocks].");
    }

    @Test
    void byKeyInputKeysMustBeInputColumns() {
        JitFunction fn = totals(Mesh.of("rows", 2), Sharding.byKey("user"), Sharding.blocks(), 2);
        assertThatThrownBy(() -> fn.trace(ORDERS)).isInstanceOf(SchemaException.class)
                .hasMessageContaining("inShardings byKey(user) of input 'df' names column 'user', which the input does not"
                        + " have. Did you mean 'user_id'? Columns: [user_id, qty].");
    }

    @Test
    void namedInputsTakeShardingsByName() {
        RanksExecutor executor = new RanksExecutor(2);
        JitFunction fn = DataJax.pjitNamed(in -> in.frame("orders").filter(col("qty").gt(0)), Mesh.of("rows", 2),
                Map.of("orders", Sharding.byKey("user_id")), Sharding.byKey("user_id"), DataJaxConfig.defaults()).on(executor);
        assertThat(fn.trace(Map.of("orders", ORDERS)).explain()).doesNotContain("Exchange", "REPARTITION");
        assertThatThrownBy(() -> fn.trace(Map.of("order", ORDERS))).isInstanceOf(ShardingException.class)
                .hasMessageContaining("inShardings names input 'orders', but the call has no such input. Did you mean"
                        + " 'order'? Inputs: [order].");
    }

    @Test
    void meshAndShardingsArePartOfTheCacheKey() {
        RanksExecutor executor = new RanksExecutor(2);
        JitFunction byKey = DataJax.pjit(TOTALS, Mesh.of("rows", 2), List.of(Sharding.byKey("user_id")),
                Sharding.byKey("user_id"), DataJaxConfig.defaults()).on(executor);
        Table orders = Table.create("orders", LongColumn.create("user_id", 1, 2), LongColumn.create("qty", 3, 4));
        byKey.apply(orders);
        byKey.apply(orders);
        assertThat(byKey.cacheStats().traces()).isEqualTo(1);
        assertThat(executor.plans.get(0).outSharding()).contains(Sharding.byKey("user_id"));
        assertThat(executor.plans.get(0).mesh()).isEqualTo(Mesh.of("rows", 2));
        assertThat(byKey.explain()).contains("pjit: mesh rows=2, out byKey(user_id)");
    }
}
