package io.datajax.runtime.mpj;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datajax.ir.error.ExecutionException;
import io.datajax.ir.error.ResourceException;
import io.datajax.runtime.mpj.TestTasks.GreetTask;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RankPoolStartTest {

    @Test
    void aRankJvmThatCannotStartFailsTheStartShowingItsStandardError() {
        MpjSettings settings = MpjSettings.defaults(2).withJvmOptions(List.of("-XX:+NoSuchOptionForDataJax"));

        assertThatThrownBy(() -> RankPool.start(settings))
                .isInstanceOf(ExecutionException.class)
                .hasMessageContaining("ranks failed to start: rank ")
                .hasMessageContaining("exited with code 1")
                .hasMessageContaining("Its standard error ended with:")
                .hasMessageContaining("NoSuchOptionForDataJax")
                .hasMessageContaining("No rank process was left running.");
        assertNoRankOfAnyPoolNamed("NoSuchOptionForDataJax");
    }

    @Test
    void aStartSlowerThanTheStartupTimeoutIsStoppedNamingTheSetting() {
        MpjSettings settings = MpjSettings.defaults(2).withStartupTimeout(Duration.ofMillis(100));

        assertThatThrownBy(() -> RankPool.start(settings))
                .isInstanceOf(ResourceException.class)
                .hasMessageContaining("ranks did not start within 100 ms (setting MpjSettings.startupTimeout)");
    }

    @Test
    void aTaskClassRanksCannotInstantiateIsRejectedBeforeAnythingRuns() {
        try (RankPool pool = RankPool.start(MpjSettings.defaults(1))) {
            assertThatThrownBy(() -> pool.run("private", PrivateTask.class, new byte[0]))
                    .isInstanceOf(ExecutionException.class)
                    .hasMessageContaining("RankTask " + PrivateTask.class.getName() + " cannot run on ranks: the"
                            + " class is not public");
            assertThatThrownBy(() -> pool.run("greet", GreetTask.class, List.of(new byte[0], new byte[0])))
                    .isInstanceOf(ExecutionException.class)
                    .hasMessageContaining("needs one payload per rank: 1 expected, got 2");
        }
    }

    private static void assertNoRankOfAnyPoolNamed(String option) {
        assertThat(RankProcesses.psLinesMentioning(option)).isEmpty();
    }

    private static final class PrivateTask implements RankTask {
        @Override
        public byte[] run(RankContext context, byte[] payload) {
            return payload;
        }
    }
}
