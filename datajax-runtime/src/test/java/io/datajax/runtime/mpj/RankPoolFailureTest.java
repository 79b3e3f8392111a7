package io.datajax.runtime.mpj;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.ExecutionException;
import io.datajax.ir.error.ResourceException;
import io.datajax.runtime.mpj.TestTasks.ExitOnRankOneTask;
import io.datajax.runtime.mpj.TestTasks.GreetTask;
import io.datajax.runtime.mpj.TestTasks.HangTask;
import io.datajax.runtime.mpj.TestTasks.ThrowOnRankOneTask;
import io.datajax.runtime.mpj.TestTasks.WaitAfterMarkingTask;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failure injection on a pool of 2 ranks with a 3 s call timeout. Every failure must end the call within
 * seconds, name the rank and stage, and leave no rank process; after each test the pool restarts.
 */
class RankPoolFailureTest {
    private static final Logger LOG = LoggerFactory.getLogger(RankPoolFailureTest.class);
    private static RankPool pool;

    @BeforeAll
    static void startPool() {
        pool = RankPool.start(MpjSettings.defaults(2).withCallTimeout(Duration.ofSeconds(3)));
    }

    @AfterAll
    static void stopPool() {
        List<Long> pids = pool.pids();
        pool.close();
        RankProcesses.assertNoneLeft(pool, pids);
    }

    @AfterEach
    void poolWorksAgainAfterRestart() {
        if (!pool.isRunning()) {
            pool.restart();
        }
        assertThat(RankPoolTest.strings(pool.run("greet after restart", GreetTask.class, new byte[0])))
                .containsExactly("r0,r1|0->0,1->0", "r0,r1|0->1,1->1");
    }

    @Test
    void aTaskThrowingOnRankOneFailsTheCallNamingRankStageAndRemoteStack() {
        List<Long> pids = pool.pids();
        long start = System.nanoTime();

        Throwable thrown = catchThrowable(() -> pool.run("explode", ThrowOnRankOneTask.class, new byte[0]));
        logElapsed(thrown, start);

        assertThat(thrown)
                .isInstanceOf(ExecutionException.class)
                .satisfies(e -> assertThat(((ExecutionException) e).code()).isEqualTo(ErrorCode.EXECUTION_FAILED))
                .hasMessageContaining("MPJ stage 'explode' failed on rank 1 of 2")
                .hasMessageContaining("rank 1 threw java.lang.IllegalStateException: boom on purpose in explode")
                .hasMessageContaining(ThrowOnRankOneTask.class.getName())
                .hasMessageContaining("Remote stack trace of rank 1:")
                .hasMessageContaining("at " + ThrowOnRankOneTask.class.getName() + ".run(")
                .hasCauseInstanceOf(RemoteRankException.class);
        RankProcesses.assertNoneLeft(pool, pids);
        assertThat(pool.isRunning()).isFalse();
    }

    @Test
    void aRankKilledMidTaskFailsTheCallNamingTheRank(@TempDir Path markers) throws Exception {
        List<Long> pids = pool.pids();
        CompletableFuture<List<byte[]>> call = CompletableFuture.supplyAsync(() -> pool.run("wait",
                WaitAfterMarkingTask.class, markers.toString().getBytes(StandardCharsets.UTF_8)));
        awaitFile(markers.resolve("started-1"));
        long start = System.nanoTime();
        ProcessHandle.of(pids.get(1)).orElseThrow().destroyForcibly();

        Throwable thrown = catchThrowable(() -> call.get(10, TimeUnit.SECONDS)).getCause();
        logElapsed(thrown, start);

        assertThat(thrown)
                .isInstanceOf(ExecutionException.class)
                .hasMessageContaining("MPJ stage 'wait' failed on rank 1 of 2")
                .hasMessageContaining("rank 1 exited with code 137 (SIGKILL)");
        RankProcesses.assertNoneLeft(pool, pids);
    }

    @Test
    void aHangingTaskIsEndedByTheCallTimeout() {
        List<Long> pids = pool.pids();
        long start = System.nanoTime();

        Throwable thrown = catchThrowable(() -> pool.run("hang", HangTask.class, new byte[0]));
        logElapsed(thrown, start);

        assertThat(thrown)
                .isInstanceOf(ResourceException.class)
                .satisfies(e -> assertThat(((ResourceException) e).code()).isEqualTo(ErrorCode.RESOURCE_EXHAUSTED))
                .hasMessageContaining("MPJ stage 'hang' did not finish within 3 s (setting MpjSettings.callTimeout)")
                .hasMessageContaining("ranks [0, 1] had not answered");
        RankProcesses.assertNoneLeft(pool, pids);
    }

    @Test
    void aRankCallingSystemExitFailsTheCallNamingTheExitCode() {
        List<Long> pids = pool.pids();
        long start = System.nanoTime();

        Throwable thrown = catchThrowable(() -> pool.run("exit", ExitOnRankOneTask.class, new byte[0]));
        logElapsed(thrown, start);

        assertThat(thrown)
                .isInstanceOf(ExecutionException.class)
                .hasMessageContaining("MPJ stage 'exit' failed on rank 1 of 2")
                .hasMessageContaining("rank 1 exited with code 3");
        RankProcesses.assertNoneLeft(pool, pids);
    }

    @Test
    void aRankKilledBetweenCallsFailsTheNextCall() throws Exception {
        List<Long> pids = pool.pids();
        ProcessHandle rank0 = ProcessHandle.of(pids.get(0)).orElseThrow();
        rank0.destroyForcibly();
        rank0.onExit().get(10, TimeUnit.SECONDS);

        assertThatThrownBy(() -> pool.run("after kill", GreetTask.class, new byte[0]))
                .isInstanceOf(ExecutionException.class)
                .hasMessageContaining("failed on rank 0 of 2")
                .hasMessageContaining("rank 0 exited with code 137 (SIGKILL)");
        RankProcesses.assertNoneLeft(pool, pids);
    }

    @Test
    void aStoppedPoolRefusesCallsUntilRestarted() {
        assertThatThrownBy(() -> pool.run("explode", ThrowOnRankOneTask.class, new byte[0]))
                .isInstanceOf(ExecutionException.class);

        assertThatThrownBy(() -> pool.run("greet", GreetTask.class, new byte[0]))
                .isInstanceOf(ExecutionException.class)
                .hasMessageContaining("MPJ pool " + pool.id() + "-")
                .hasMessageContaining("is stopped (stage 'explode' failed on rank 1)")
                .hasMessageContaining("call RankPool.restart()");
    }

    @Test
    void closingAPoolDuringACallStopsTheRanksAndFailsTheCall(@TempDir Path markers) throws Exception {
        RankPool other = RankPool.start(MpjSettings.defaults(2));
        List<Long> pids = other.pids();
        CompletableFuture<List<byte[]>> call = CompletableFuture.supplyAsync(() -> other.run("wait",
                WaitAfterMarkingTask.class, markers.toString().getBytes(StandardCharsets.UTF_8)));
        awaitFile(markers.resolve("started-1"));

        other.close();

        assertThatThrownBy(() -> call.get(10, TimeUnit.SECONDS))
                .cause()
                .isInstanceOf(ExecutionException.class)
                .hasMessageContaining("is stopped (the pool was closed during a call)");
        RankProcesses.assertNoneLeft(other, pids);
    }

    private static void awaitFile(Path file) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!Files.exists(file)) {
            assertThat(System.nanoTime()).as("%s appears within 10 s", file).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static void logElapsed(Throwable thrown, long startNanos) {
        LOG.info("the call failed after {} ms with: {}", (System.nanoTime() - startNanos) / 1_000_000,
                thrown == null ? "nothing" : thrown.getMessage());
    }
}
