package io.datajax.tests.mpj;

import static org.assertj.core.api.Assertions.assertThat;

import io.datajax.api.DataJax;
import io.datajax.examples.SpmdRevenue;
import io.datajax.runtime.mpj.MpjSettings;
import io.datajax.runtime.mpj.spmd.LocalSpmdJob;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/**
 * SPMD mode with real rank processes: {@link SpmdRevenue} started on 2 rank JVMs by {@link LocalSpmdJob}
 * (each rank builds its own block of the data and joins the MPI world itself), against the local executor
 * on the whole data; and a rank that traced a different plan failing every rank with the plan hashes,
 * without a hang.
 */
class SpmdJobTest {
    private static final int ROWS = 20_000;
    private static final MpjSettings SETTINGS = MpjSettings.defaults(2).withRankHeapMegabytes(256)
            .withJvmOptions(List.of("-Ddatajax.mpj.callTimeout=30s"));

    @Test
    void everyRankRunsItsBlockAndRankZeroGathersTheLocalExecutorsResult() {
        LocalSpmdJob.Result result = LocalSpmdJob.run(SETTINGS, SpmdRevenue.class.getName(),
                List.of("--rows", Integer.toString(ROWS)), Duration.ofSeconds(90));

        assertThat(result.succeeded()).as("exit codes %s, stderr %s", result.exitCodes(), result.stderr()).isTrue();
        Table local = DataJax.djit(SpmdRevenue.revenueByRegion())
                .apply(SpmdRevenue.orders(0, ROWS), SpmdRevenue.users(0, 1_000));
        List<String> expected = new ArrayList<>();
        for (int r = 0; r < local.rowCount(); r++) {
            expected.add("spmd-result " + local.stringColumn("region").get(r) + " "
                    + local.longColumn("revenue_cents").get(r) + " " + local.longColumn("orders").get(r));
        }
        assertThat(expected).hasSize(SpmdRevenue.REGIONS.size());
        assertThat(result.stdout().get(0).stream().filter(line -> line.startsWith("spmd-result")).toList())
                .containsExactlyElementsOf(expected);
        assertThat(result.stdout().get(0)).contains("spmd-part rank 0 of 2: 5 rows", "spmd-done rank 0");
        assertThat(result.stdout().get(1)).contains("spmd-part rank 1 of 2: 0 rows", "spmd-done rank 1");
        assertThat(result.killed()).isFalse();
    }

    @Test
    void aRankThatTracedAnotherPlanFailsEveryRankWithTheHashesAndNothingHangs() {
        LocalSpmdJob.Result result = LocalSpmdJob.run(SETTINGS, SpmdRevenue.class.getName(),
                List.of("--rows", "1000", "--diverge-on-rank", "1"), Duration.ofSeconds(60));

        assertThat(result.exitCodes()).containsExactly(1, 1);
        assertThat(result.timedOut()).isFalse();
        assertThat(result.killed()).as("every rank ended by itself").isFalse();
        for (int rank = 0; rank < 2; rank++) {
            assertThat(String.join("\n", result.stderr().get(rank)))
                    .contains("DataJax SPMD rank " + rank + " of 2 failed: io.datajax.ir.error.ExecutionException")
                    .contains("INVALID_PLAN")
                    .contains("The SPMD ranks traced different plans: rank(s) [1] differ from rank 0 (plan hashes:"
                            + " rank 0 ")
                    .contains("this is rank " + rank + " of 2.");
            assertThat(result.stdout().get(rank)).noneMatch(line -> line.startsWith("spmd-part"));
        }
    }
}
