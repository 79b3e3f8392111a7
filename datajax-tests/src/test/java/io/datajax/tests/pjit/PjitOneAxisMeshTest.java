package io.datajax.tests.pjit;

import static io.datajax.api.Functions.col;
import static io.datajax.api.Functions.count;
import static io.datajax.api.Functions.sum;
import static io.datajax.tests.pjit.PjitTables.assertSameRowsAsLocal;
import static io.datajax.tests.pjit.PjitTables.orders;
import static io.datajax.tests.pjit.PjitTables.users;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datajax.api.DataJax;
import io.datajax.api.ExecutionRecord;
import io.datajax.api.FrameFunction;
import io.datajax.api.FrameFunction2;
import io.datajax.api.JitFunction;
import io.datajax.ir.Mesh;
import io.datajax.ir.Sharding;
import io.datajax.ir.error.ShardingException;
import io.datajax.runtime.Executors;
import io.datajax.runtime.mpj.MpjSettings;
import io.datajax.runtime.mpj.exec.MpjExecutor;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** {@code pjit} on a one-axis mesh of 2 real MPJ ranks (one pool for the class). */
class PjitOneAxisMeshTest {
    private static final Mesh ROWS = Mesh.of("rows", 2);
    private static final FrameFunction TOTALS = df -> df.groupBy("user_id").agg(sum("qty"), count().as("n"));
    private static MpjExecutor mpj;

    @BeforeAll
    static void startRanks() {
        mpj = Executors.mpj(MpjSettings.defaults(2).withRankHeapMegabytes(256));
    }

    @AfterAll
    static void stopRanks() {
        mpj.close();
    }

    @Test
    void byKeyOutputIsPlacedVerifiedAndEqualToLocal() {
        Table input = orders(20_000, 3_000, 1);
        JitFunction fn = DataJax.pjit(TOTALS, ROWS, List.of(Sharding.blocks()), Sharding.byKey("user_id")).on(mpj);
        Table out = fn.apply(input);
        assertSameRowsAsLocal(out, TOTALS, input);
        ExecutionRecord run = fn.lastExecution().orElseThrow();
        assertThat(run.mode()).contains("placement verified: byKey(user_id) on 2 ranks, " + out.rowCount() + " rows");
        assertThat(run.explain()).contains("pjit: mesh rows=2, out byKey(user_id)", "placement verified")
                .doesNotContain("REPARTITION");
        assertThat(mpj.lastCall().orElseThrow().placement()).startsWith("placement verified: byKey(user_id)");
        long[] perRank = mpj.lastCall().orElseThrow().stages().get(run.stages().size() - 1).rowsPerRank();
        assertThat(perRank[0]).isPositive();
        assertThat(perRank[1]).isPositive();
    }

    @Test
    void inputDeclaredByKeySkipsTheExchangeAndGivesLocalResults() {
        Table input = orders(10_000, 800, 2);
        JitFunction fn = DataJax.pjit(TOTALS, ROWS, List.of(Sharding.byKey("user_id")), Sharding.byKey("user_id")).on(mpj);
        Table out = fn.apply(input);
        assertSameRowsAsLocal(out, TOTALS, input);
        String explain = fn.explain();
        assertThat(explain).doesNotContain("Exchange").contains("placement verified: byKey(user_id) on 2 ranks");
        assertThat(mpj.lastCall().orElseThrow().stages().get(run(fn).stages().size() - 1).metrics().bytesExchanged())
                .isZero();
    }

    @Test
    void differentOutShardingAddsARepartitionThatIsVerified() {
        Table input = orders(8_000, 500, 3);
        FrameFunction fn = df -> df.filter(col("qty").gt(0)).select("region", "user_id", "qty");
        JitFunction pjit = DataJax.pjit(fn, ROWS, List.of(Sharding.blocks()), Sharding.byKey("region")).on(mpj);
        Table out = pjit.apply(input);
        assertSameRowsAsLocal(out, fn, input);
        assertThat(pjit.explain()).contains("REPARTITION", "Exchange[hash(region), 2]",
                "placement verified: byKey(region) on 2 ranks");
    }

    @Test
    void replicatedOutputIsIdenticalOnEveryRankAndGatheredOnce() {
        Table input = orders(5_000, 300, 4);
        JitFunction fn = DataJax.pjit(TOTALS, ROWS, List.of(Sharding.blocks()), Sharding.replicated()).on(mpj);
        Table out = fn.apply(input);
        assertSameRowsAsLocal(out, TOTALS, input);
        assertThat(run(fn).mode()).contains("placement verified: replicated on 2 ranks, " + out.rowCount() + " rows each");
    }

    @Test
    void coPartitionedJoinInputsNeedNoExchange() {
        Table left = orders(6_000, 400, 5);
        Table right = users(400);
        FrameFunction2 fn = (l, r) -> l.join(r, "user_id");
        JitFunction pjit = DataJax.pjit(fn, ROWS, List.of(Sharding.byKey("user_id"), Sharding.byKey("user_id")),
                Sharding.byKey("user_id")).on(mpj);
        Table out = pjit.apply(left, right);
        assertSameRowsAsLocal(out, fn, left, right);
        assertThat(pjit.explain()).doesNotContain("Exchange").contains("placement verified: byKey(user_id) on 2 ranks");
    }

    @Test
    void strictModeFailsBeforeAnythingRuns() {
        Optional<MpjExecutor.CallRecord> before = mpj.lastCall();
        JitFunction fn = DataJax.pjit(TOTALS, ROWS, List.of(Sharding.blocks()), Sharding.replicated()).on(mpj).strict();
        assertThatThrownBy(() -> fn.apply(orders(100, 10, 6))).isInstanceOf(ShardingException.class)
                .hasMessageContaining("Expected: replicated, actual: byKey(user_id).");
        assertThat(mpj.lastCall()).isEqualTo(before);
    }

    @Test
    void meshOfAnotherSizeFailsBeforeAnythingRuns() {
        Optional<MpjExecutor.CallRecord> before = mpj.lastCall();
        List<Long> pids = mpj.rankPids();
        JitFunction fn = DataJax.pjit(TOTALS, Mesh.of("rows", 3), List.of(Sharding.blocks()), Sharding.byKey("user_id"))
                .on(mpj);
        assertThatThrownBy(() -> fn.apply(orders(100, 10, 7))).isInstanceOf(ShardingException.class)
                .hasMessageContaining("pjit's mesh rows=3 has 3 rank(s), but executor 'mpj' runs 2 rank(s).");
        assertThat(fn.cacheStats().traces()).isZero();
        assertThat(mpj.lastCall()).isEqualTo(before);
        assertThat(mpj.rankPids()).isEqualTo(pids);
    }

    private static ExecutionRecord run(JitFunction fn) {
        return fn.lastExecution().orElseThrow();
    }
}
