package io.datajax.runtime.mpj;

import static org.assertj.core.api.Assertions.assertThat;

import io.datajax.runtime.mpj.TestTasks.GreetTask;
import io.datajax.runtime.mpj.TestTasks.PatternExchangeTask;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class ThreeRankPoolTest {
    private static final Logger LOG = LoggerFactory.getLogger(ThreeRankPoolTest.class);

    @Test
    void threeRanksExchangeUnevenArraysOverManySmallRoundsExactly() {
        long start = System.nanoTime();
        RankPool pool = RankPool.start(MpjSettings.defaults(3).withRoundBytes(1000));
        List<Long> pids = pool.pids();
        try {
            LOG.info("3-rank pool started in {} ms", (System.nanoTime() - start) / 1_000_000);

            List<byte[]> greetings = pool.run("greet", GreetTask.class, new byte[0]);
            // rank r receives 2500 * (s + 1) + r bytes from each source s: up to 8 rounds of 1000 bytes
            List<byte[]> exchanged = pool.run("pattern", PatternExchangeTask.class, RankPoolTest.intPayload(2500));

            assertThat(RankPoolTest.strings(greetings)).containsExactly(
                    "r0,r1,r2|0->0,1->0,2->0", "r0,r1,r2|0->1,1->1,2->1", "r0,r1,r2|0->2,1->2,2->2");
            assertThat(RankPoolTest.strings(exchanged)).containsExactly("ok 15000", "ok 15003", "ok 15006");
        } finally {
            pool.close();
        }
        RankProcesses.assertNoneLeft(pool, pids);
    }
}
