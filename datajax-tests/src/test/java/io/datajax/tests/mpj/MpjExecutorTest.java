package io.datajax.tests.mpj;

import static io.datajax.api.Functions.col;
import static io.datajax.api.Functions.count;
import static io.datajax.api.Functions.max;
import static io.datajax.api.Functions.mean;
import static io.datajax.api.Functions.min;
import static io.datajax.api.Functions.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datajax.api.DataJax;
import io.datajax.api.ExecutionRecord;
import io.datajax.api.FrameFunction;
import io.datajax.api.FrameFunction2;
import io.datajax.api.JitFunction;
import io.datajax.api.JoinSpec;
import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.ExecutionException;
import io.datajax.ir.plan.JoinType;
import io.datajax.planner.stages.StageMetrics;
import io.datajax.runtime.Executors;
import io.datajax.runtime.mpj.exec.MpjExecutor;
import io.datajax.tests.tables.Rows;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The MPJ executor on 2 real rank processes against the local executor, on inputs larger than the
 * conformance cases (so every rank holds rows and exchanges move data), and its failure behaviour: a rank
 * that fails in a stage ends the call with the stage and rank named, and the next call works on restarted
 * ranks.
 */
class MpjExecutorTest {
    private static MpjExecutor mpj;

    @BeforeAll
    static void startRanks() {
        mpj = Executors.mpj(2);
    }

    @AfterAll
    static void stopRanks() {
        mpj.close();
    }

    @Test
    void groupedAggregatesAreKeySortedAndEqualToLocal() {
        FrameFunction fn = df -> df.groupBy("k").agg(sum("v"), mean("v").as("avg"), min("x").as("lo"), max("x").as("hi"), count("x").as("n"),
                count());
        Table input = facts(20_000, 5_000, 1);
        assertSameRows(DataJax.djit(fn), input, true);
        JitFunction jit = DataJax.djit(fn).on(mpj);
        Table out = jit.apply(input);
        ExecutionRecord run = jit.lastExecution().orElseThrow();
        assertThat(run.mode()).startsWith("mpj driver, 2 ranks");
        StageMetrics aggregate = run.stages().get(run.stages().size() - 1);
        assertThat(aggregate.rowsOut()).isEqualTo(out.rowCount()).isGreaterThan(4_000);
        assertThat(aggregate.bytesExchanged()).isPositive();
        MpjExecutor.StageRecord input0 = mpj.lastCall().orElseThrow().stages().get(0);
        assertThat(input0.rowsPerRank()).containsExactly(10_000, 10_000);
        assertThat(input0.skew()).isEqualTo(1.0);
    }

    @Test
    void aggregateWithoutKeysGivesOneRow() {
        assertSameRows(DataJax.djit(df -> df.agg(sum("v"), mean("x"), count())), facts(10_001, 7, 2), true);
    }

    @Test
    void aggregateThenLimitTakesTheFirstGroupsByKey() {
        assertSameRows(DataJax.djit(df -> df.groupBy("k").agg(sum("v")).limit(7)), facts(5_000, 900, 3), true);
    }

    @Test
    void filterProjectAndLimitKeepInputOrderAfterTheGather() {
        assertSameRows(DataJax.djit(df -> df.filter(col("v").gt(10)).withColumn("w", col("v").plus(1)).limit(100)),
                facts(3_000, 50, 4), true);
    }

    @Test
    void sortGivesTheLocalOrder() {
        assertSameRows(DataJax.djit(df -> df.sort("s", "k")), facts(4_000, 300, 5), true);
    }

    @Test
    void joinsOnKeysOfDifferentTypesWithNullKeysMatchLocalAsMultisets() {
        Table left = facts(3_000, 400, 6);
        Table source = facts(2_000, 400, 7);
        Table right = Table.create("r", doublesOf(source.intColumn("k")), source.stringColumn("s").copy().setName("t"));
        for (JoinSpec spec : List.of(JoinSpec.on(List.of("k"), List.of("rk")).inner(),
                JoinSpec.on(List.of("k"), List.of("rk")).left(), JoinSpec.on(List.of("k"), List.of("rk")).full(),
                JoinSpec.on(List.of("k"), List.of("rk")).right(), JoinSpec.on(List.of("k"), List.of("rk")).anti())) {
            FrameFunction2 fn = (l, r) -> l.join(r, spec);
            assertSameRows(DataJax.djit(fn), List.of(left, right), false);
        }
    }

    @Test
    void joinThenAggregateUsesCoPartitionedData() {
        Table left = facts(3_000, 200, 8);
        Table right = Table.create("r", facts(1_000, 200, 9).intColumn("k").copy().setName("k"),
                facts(1_000, 200, 9).longColumn("v").copy().setName("rv"));
        FrameFunction2 fn = (l, r) -> l.join(r, "k").groupBy("k").agg(sum("rv"), count());
        assertSameRows(DataJax.djit(fn), List.of(left, right), true);
    }

    @Test
    void aSmallRightSideIsBroadcastAndALargeOneHashedAsExplainShowsWithEqualResults() {
        Table left = facts(6_000, 400, 11);
        Table small = dimension(facts(1_000, 400, 12));
        Table large = dimension(facts(3_000, 400, 13));
        try (MpjExecutor threshold = Executors.mpj(io.datajax.runtime.mpj.MpjSettings.defaults(2)
                .withBroadcastRows(1_500))) {
            // groupBy on the join key: the planner places the join's output byKey(k) and plans no exchange before
            // the aggregate; after a broadcast join the executor must re-hash it.
            FrameFunction2 fn = (l, r) -> l.join(r, "k").groupBy("k").agg(sum("rv"), count());
            JitFunction jit = DataJax.djit(fn).on(threshold);
            Table broadcastOut = jit.apply(left, small);
            String broadcastExplain = jit.explain();
            assertThat(broadcastExplain).contains("note: join strategy: broadcast right (1000 rows <= threshold 1500)");
            assertThat(Rows.of(broadcastOut)).usingElementComparator(Rows.ROW_EQUALITY)
                    .containsExactlyElementsOf(Rows.of(DataJax.djit(fn).apply(left, small)));

            Table hashOut = jit.apply(left, large);
            assertThat(jit.explain()).contains("note: join strategy: hash both sides (right 3000 rows > threshold 1500)");
            assertThat(Rows.of(hashOut)).usingElementComparator(Rows.ROW_EQUALITY)
                    .containsExactlyElementsOf(Rows.of(DataJax.djit(fn).apply(left, large)));

            for (JoinType type : List.of(JoinType.LEFT, JoinType.SEMI, JoinType.ANTI, JoinType.RIGHT)) {
                FrameFunction2 join = (l, r) -> l.join(r, JoinSpec.on("k").type(type));
                JitFunction onMpj = DataJax.djit(join).on(threshold);
                assertThat(Rows.of(onMpj.apply(left, small))).usingElementComparator(Rows.ROW_EQUALITY)
                        .containsExactlyInAnyOrderElementsOf(Rows.of(DataJax.djit(join).apply(left, small)));
                assertThat(onMpj.explain()).contains(type == JoinType.RIGHT
                        ? "note: join strategy: hash both sides (a RIGHT join keeps unmatched right rows"
                        : "note: join strategy: broadcast right (1000 rows <= threshold 1500)");
            }
        }
    }

    /** {@code source}'s keys with a value column {@code rv}, as a right side. */
    private static Table dimension(Table source) {
        return Table.create("r", source.intColumn("k").copy().setName("k"), source.longColumn("v").copy().setName("rv"));
    }

    @Test
    void aStageThatFailsOnOneRankNamesTheRankAndStageAndTheNextCallWorks() {
        Table bad = Table.create("t", IntColumn.create("a", new int[] {1, 2, 3, Integer.MAX_VALUE}));
        JitFunction jit = DataJax.djit(df -> df.withColumn("b", col("a").plus(1))).on(mpj);
        List<Long> before = mpj.rankPids();

        assertThatThrownBy(() -> jit.apply(bad))
                .isInstanceOf(ExecutionException.class)
                .satisfies(e -> assertThat(((ExecutionException) e).code()).isEqualTo(ErrorCode.INTEGER_OVERFLOW))
                .hasMessageContaining("stage 1 TRANSFORM on rank 1 of 2");
        assertThat(before).allSatisfy(pid -> assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive))
                .as("rank process %d after the failure", pid).isNotEqualTo(java.util.Optional.of(true)));

        Table good = Table.create("t", IntColumn.create("a", new int[] {1, 2, 3, 4}));
        assertThat(Rows.of(jit.apply(good))).containsExactlyInAnyOrder(Rows.row(1, 2), Rows.row(2, 3), Rows.row(3, 4),
                Rows.row(4, 5));
        assertThat(mpj.rankPids()).hasSize(2).doesNotContainAnyElementsOf(before);
    }

    @Test
    void theCallersInputTablesAreNotModified() {
        Table input = facts(1_000, 30, 10);
        List<List<Object>> before = Rows.of(input);
        DataJax.djit(df -> df.groupBy("k").agg(sum("v")).sort("k")).on(mpj).apply(input);
        assertThat(Rows.of(input)).isEqualTo(before);
    }

    private static void assertSameRows(JitFunction jit, Table input, boolean ordered) {
        assertSameRows(jit, List.of(input), ordered);
    }

    private static void assertSameRows(JitFunction jit, List<Table> inputs, boolean ordered) {
        Table[] tables = inputs.toArray(Table[]::new);
        List<List<Object>> expected = Rows.of(jit.apply(tables));
        List<List<Object>> actual = Rows.of(jit.on(mpj).apply(tables));
        if (ordered) {
            assertThat(actual).usingElementComparator(Rows.ROW_EQUALITY).containsExactlyElementsOf(expected);
        } else {
            assertThat(actual).usingElementComparator(Rows.ROW_EQUALITY).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    private static DoubleColumn doublesOf(IntColumn keys) {
        DoubleColumn out = DoubleColumn.create("rk");
        for (int i = 0; i < keys.size(); i++) {
            if (keys.isMissing(i)) {
                out.appendMissing();
            } else {
                out.append(keys.getInt(i));
            }
        }
        return out;
    }

    /** Random rows: k INT32 in [0, keys) with some nulls, v INT64, x FLOAT64 with nulls, s STRING. */
    private static Table facts(int rows, int keys, long seed) {
        Random random = new Random(seed);
        IntColumn k = IntColumn.create("k");
        LongColumn v = LongColumn.create("v");
        DoubleColumn x = DoubleColumn.create("x");
        StringColumn s = StringColumn.create("s");
        List<String> words = new ArrayList<>(List.of("a", "b", "c", "ab", "ba", "z"));
        for (int i = 0; i < rows; i++) {
            if (random.nextInt(50) == 0) {
                k.appendMissing();
            } else {
                k.append(random.nextInt(keys));
            }
            v.append(random.nextInt(100));
            if (random.nextInt(10) == 0) {
                x.appendMissing();
            } else {
                x.append(random.nextDouble() * 100 - 50);
            }
            s.append(words.get(random.nextInt(words.size())));
        }
        return Table.create("t", k, v, x, s);
    }
}
