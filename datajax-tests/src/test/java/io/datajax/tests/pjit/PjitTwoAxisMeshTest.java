package io.datajax.tests.pjit;

import static io.datajax.api.Functions.count;
import static io.datajax.api.Functions.sum;
import static io.datajax.tests.pjit.PjitTables.assertSameRowsAsLocal;
import static io.datajax.tests.pjit.PjitTables.orders;
import static org.assertj.core.api.Assertions.assertThat;

import io.datajax.api.DataJax;
import io.datajax.api.FrameFunction;
import io.datajax.api.JitFunction;
import io.datajax.ir.Mesh;
import io.datajax.ir.Sharding;
import io.datajax.runtime.Executors;
import io.datajax.runtime.mpj.MpjSettings;
import io.datajax.runtime.mpj.exec.MpjExecutor;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/**
 * {@code pjit} on a {@code data=2 x model=2} mesh of 4 real MPJ ranks (one pool, 256 MiB each): specs bound
 * to one axis are hash-placed along it and replicated along the other.
 */
class PjitTwoAxisMeshTest {
    private static final Mesh GRID = Mesh.builder().axis("data", 2).axis("model", 2).build();
    private static final Sharding BY_USER_ON_DATA = new Sharding.ByKey(List.of("user_id"), Optional.of("data"));
    private static final FrameFunction TOTALS = df -> df.groupBy("user_id").agg(sum("qty"), count().as("n"));
    private static MpjExecutor mpj;

    @BeforeAll
    static void startRanks() {
        mpj = Executors.mpj(MpjSettings.defaults(4).withRankHeapMegabytes(256));
    }

    @AfterAll
    static void stopRanks() {
        mpj.close();
    }

    @Test
    void byKeyOnTheDataAxisIsReplicatedAlongModelAndVerified() {
        Table input = orders(12_000, 2_000, 11);
        JitFunction fn = DataJax.pjit(TOTALS, GRID, List.of(Sharding.blocks()), BY_USER_ON_DATA).on(mpj);
        Table out = fn.apply(input);
        assertSameRowsAsLocal(out, TOTALS, input);
        assertThat(fn.explain()).contains("Exchange[hash(user_id)@data, 2]",
                "placement verified: byKey(user_id)@data on mesh data=2 x model=2, 2 groups of 2 identical replicas, "
                        + out.rowCount() + " rows");
        MpjExecutor.CallRecord call = mpj.lastCall().orElseThrow();
        long[] perRank = call.stages().get(call.stages().size() - 1).rowsPerRank();
        // ranks 0 and 1 are data position 0 (model 0 and 1); ranks 2 and 3 are data position 1
        assertThat(perRank[0]).isEqualTo(perRank[1]).isPositive();
        assertThat(perRank[2]).isEqualTo(perRank[3]).isPositive();
        assertThat(perRank[0] + perRank[2]).isEqualTo(out.rowCount());
    }

    @Test
    void inputDeclaredOnTheDataAxisIsReadOnce() {
        Table input = orders(9_000, 700, 12);
        JitFunction fn = DataJax.pjit(TOTALS, GRID, List.of(BY_USER_ON_DATA), Sharding.byKey("user_id")).on(mpj);
        Table out = fn.apply(input);
        assertSameRowsAsLocal(out, TOTALS, input);
        assertThat(fn.explain()).contains("placement verified: byKey(user_id) on 4 ranks");
        long[] inputPerRank = mpj.lastCall().orElseThrow().stages().get(0).rowsPerRank();
        assertThat(inputPerRank[0] + inputPerRank[1] + inputPerRank[2] + inputPerRank[3]).isEqualTo(9_000);
    }

    @Test
    void byKeyOnTheModelAxisGroupsRanksByModelPosition() {
        Table input = orders(6_000, 900, 13);
        Sharding onModel = new Sharding.ByKey(List.of("user_id"), Optional.of("model"));
        JitFunction fn = DataJax.pjit(TOTALS, GRID, List.of(onModel), onModel).on(mpj);
        Table out = fn.apply(input);
        assertSameRowsAsLocal(out, TOTALS, input);
        MpjExecutor.CallRecord call = mpj.lastCall().orElseThrow();
        long[] perRank = call.stages().get(call.stages().size() - 1).rowsPerRank();
        // model position 0 is ranks 0 and 2; position 1 is ranks 1 and 3
        assertThat(perRank[0]).isEqualTo(perRank[2]);
        assertThat(perRank[1]).isEqualTo(perRank[3]);
        assertThat(call.placement()).startsWith("placement verified: byKey(user_id)@model on mesh data=2 x model=2");
    }
}
