package io.datajax.runtime.mpj.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datajax.ir.error.DataJaxException;
import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.ExecutionException;
import io.datajax.ir.error.InternalException;
import io.datajax.runtime.arrow.ProcessAllocator;
import io.datajax.runtime.mpj.MpjSettings;
import io.datajax.runtime.mpj.RankPool;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.Test;

/**
 * Corrupt plan bytes reach real ranks and fail the call as {@code INVALID_PLAN} naming the rank, leaving no
 * rank process; and the rank-side check that a call left no Arrow memory behind.
 */
class BadPlanTest {
    @Test
    void corruptPlanBytesFailTheCallAsAnInvalidPlanNamingTheRank() {
        byte[] garbage = "definitely not a distributed plan".getBytes(StandardCharsets.UTF_8);
        byte[] payload = new RankPayload(garbage, Map.of()).encode();
        try (RankPool pool = RankPool.start(MpjSettings.defaults(2).withRankHeapMegabytes(256))) {
            List<Long> pids = pool.pids();
            assertThatThrownBy(() -> {
                try {
                    pool.run("bad plan", StageProgramTask.class, payload);
                } catch (DataJaxException e) {
                    throw MpjExecErrors.callFailed(e, 2);
                }
            })
                    .isInstanceOf(ExecutionException.class)
                    .satisfies(e -> assertThat(((DataJaxException) e).code()).isEqualTo(ErrorCode.INVALID_PLAN))
                    .hasMessageMatching("(?s)\\[INVALID_PLAN] Rank [01] of 2 could not decode the plan it was sent: The"
                            + " distributed plan sent to the ranks could not be decoded: java.io.IOException: bad magic"
                            + " number.*");
            assertThat(pids).allSatisfy(pid -> assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                    .as("rank %d alive", pid).isFalse());
            assertThat(pool.isRunning()).isFalse();
        }
    }

    @Test
    void memoryLeftInTheAllocatorAfterACallIsABug() {
        try (BufferAllocator allocator = ProcessAllocator.child("leak check test")) {
            StageProgramTask.requireNoArrowMemory(allocator, 1);
            try (ArrowBuf buffer = allocator.buffer(64)) {
                assertThatThrownBy(() -> StageProgramTask.requireNoArrowMemory(allocator, 1))
                        .isInstanceOf(InternalException.class)
                        .hasMessageContaining("Rank 1 still holds 64 bytes of Arrow memory in leak check test after the"
                                + " call: a stage leaked buffers. This is a bug.");
            }
        }
    }
}
