package io.datajax.tests.mpj;

import static io.datajax.api.Functions.col;
import static io.datajax.api.Functions.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datajax.api.DataJax;
import io.datajax.api.JitFunction;
import io.datajax.ir.error.DataJaxException;
import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.ExecutionException;
import io.datajax.ir.error.ResourceException;
import io.datajax.runtime.Executors;
import io.datajax.runtime.mpj.MpjSettings;
import io.datajax.runtime.mpj.exec.MpjExecutor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

/**
 * Failures of the MPJ executor on 2 real rank processes, injected from outside the ranks with signals: a
 * rank killed while the other waits in a stage's exchange, and a rank that hangs (stopped with SIGSTOP)
 * until the call timeout ends it. Each call fails within seconds with the right error, no rank process of
 * the failed generation survives (by pid and by {@code ps}), and the next call works on restarted ranks.
 * Every successful call also proves the ranks' Arrow allocators are empty afterwards: a rank that still holds
 * Arrow memory after a call fails it ({@code StageProgramTask}).
 */
class MpjFailureTest {
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(4);
    private static MpjExecutor mpj;

    @BeforeAll
    static void startRanks() {
        mpj = Executors.mpj(MpjSettings.defaults(2).withRankHeapMegabytes(512).withCallTimeout(CALL_TIMEOUT)
                .withStopGrace(Duration.ofSeconds(1)));
    }

    @AfterAll
    static void stopRanks() {
        mpj.close();
    }

    @Test
    void aRankKilledDuringAStageFailsTheCallNamingItAndLeavesNoRankBehind() throws Exception {
        JitFunction jit = pipeline();
        Table input = orders(200_000);
        Table expected = DataJax.djit(revenue()).apply(input);
        assertThat(jit.apply(input).rowCount()).isEqualTo(expected.rowCount());
        String pool = poolOf(jit);
        List<Long> pids = mpj.rankPids();

        signal("STOP", pids.get(1));        // rank 1 cannot take the call: rank 0 waits in stage 1's exchange
        CompletableFuture<Table> call = CompletableFuture.supplyAsync(() -> jit.apply(input));
        Thread.sleep(300);
        ProcessHandle.of(pids.get(1)).ifPresent(ProcessHandle::destroyForcibly);

        assertThatThrownBy(() -> call.get(30, TimeUnit.SECONDS))
                .cause()
                .isInstanceOf(ExecutionException.class)
                .satisfies(e -> assertThat(((DataJaxException) e).code()).isEqualTo(ErrorCode.EXECUTION_FAILED))
                .hasMessageContaining("failed on rank 1 of 2")
                .hasMessageContaining("All rank processes of the pool were stopped");
        assertNoRankLeft(pids, pool);
        assertThat(jit.apply(input).rowCount()).as("the next call, on restarted ranks").isEqualTo(expected.rowCount());
        assertThat(mpj.rankPids()).doesNotContainAnyElementsOf(pids);
    }

    @Test
    void aHungRankIsEndedByTheCallTimeoutAndTheNextCallWorks() throws Exception {
        JitFunction jit = pipeline();
        Table input = orders(10_000);
        jit.apply(input);
        String pool = poolOf(jit);
        List<Long> pids = mpj.rankPids();

        signal("STOP", pids.get(0));
        long start = System.nanoTime();
        assertThatThrownBy(() -> jit.apply(input))
                .isInstanceOf(ResourceException.class)
                .hasMessageContaining("did not finish within 4 s (setting MpjSettings.callTimeout)")
                .hasMessageContaining("ranks [0, 1] had not answered");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(CALL_TIMEOUT.plusSeconds(10));
        assertNoRankLeft(pids, pool);
        assertThat(jit.apply(input).rowCount()).isEqualTo(DataJax.djit(revenue()).apply(input).rowCount());
    }

    private static JitFunction pipeline() {
        return DataJax.djit(revenue()).on(mpj);
    }

    private static io.datajax.api.FrameFunction revenue() {
        return df -> df.withColumn("revenue", col("price").multiply(col("qty")))
                .filter(col("qty").gt(1))
                .groupBy("user")
                .agg(sum("revenue"));
    }

    private static Table orders(int rows) {
        long[] user = new long[rows];
        long[] price = new long[rows];
        long[] qty = new long[rows];
        for (int i = 0; i < rows; i++) {
            user[i] = (i * 7_919L) % 50_000;
            price[i] = 100 + i % 900;
            qty[i] = 1 + i % 5;
        }
        return Table.create("orders", LongColumn.create("user", user), LongColumn.create("price", price),
                LongColumn.create("qty", qty));
    }

    /** The pool id from the last run's mode ("mpj driver, 2 ranks (pool mpj-1a2b3c4d)"). */
    private static String poolOf(JitFunction jit) {
        String mode = jit.lastExecution().orElseThrow().mode();
        return mode.substring(mode.indexOf("(pool ") + 6, mode.length() - 1);
    }

    private static void assertNoRankLeft(List<Long> pids, String pool) {
        for (long pid : pids) {
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                    .as("rank process %d is alive", pid).isFalse();
        }
        assertThat(psLinesMentioning("datajax.mpj.pool=" + pool + "-")).as("rank processes of pool %s", pool)
                .isEmpty();
    }

    private static void signal(String signal, long pid) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        assertThat(kill.waitFor()).as("kill -%s %d", signal, pid).isZero();
    }

    private static List<String> psLinesMentioning(String text) {
        try {
            Process ps = new ProcessBuilder("ps", "-eo", "pid,args").redirectErrorStream(true).start();
            String output;
            try (InputStream in = ps.getInputStream()) {
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            ps.waitFor(10, TimeUnit.SECONDS);
            return output.lines().filter(line -> line.contains(text) && !line.contains(" ps ")).toList();
        } catch (IOException e) {
            throw new IllegalStateException("could not run ps", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
