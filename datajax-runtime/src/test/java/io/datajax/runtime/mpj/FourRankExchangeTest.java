package io.datajax.runtime.mpj;

import static org.assertj.core.api.Assertions.assertThat;

import io.datajax.runtime.mpj.TestTasks.UnevenRoundsTask;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Four ranks exchanging rounds of multi-MB arrays, started together. Posting all of an alltoallv's large
 * messages at once deadlocked niodev's selector threads in about half of such runs (see
 * {@code ByteCollectives.exchange} and docs/benchmarks.md); the call timeout then fails this test.
 */
class FourRankExchangeTest {
    private static final Logger LOG = LoggerFactory.getLogger(FourRankExchangeTest.class);
    private static final int RANKS = 4;
    private static final int ROUNDS = 9;
    private static final int BASE = 16 << 20;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void fourRanksExchangeRoundsOfUnevenMultiMegabyteArraysExactlyWithoutHanging() {
        long start = System.nanoTime();
        RankPool pool = RankPool.start(MpjSettings.defaults(RANKS).withCallTimeout(Duration.ofSeconds(40)));
        List<Long> pids = pool.pids();
        try {
            long started = System.nanoTime();
            // negative jitter: every rank waits in a barrier before each exchange, so all start it together
            byte[] payload = ByteBuffer.allocate(12).putInt(ROUNDS).putInt(BASE).putInt(-1).array();
            List<String> results = RankPoolTest.strings(pool.run("uneven rounds", UnevenRoundsTask.class, payload));
            LOG.info("4-rank pool started in {} ms; {} rounds of uneven exchanges (up to {} MB per pair) in {} ms",
                    (started - start) / 1_000_000, ROUNDS, BASE >> 20, (System.nanoTime() - started) / 1_000_000);

            assertThat(results).containsExactlyElementsOf(expectedResults());
        } finally {
            pool.close();
        }
        RankProcesses.assertNoneLeft(pool, pids);
    }

    private static List<String> expectedResults() {
        List<String> expected = new ArrayList<>();
        for (int rank = 0; rank < RANKS; rank++) {
            long total = 0;
            for (int round = 0; round < ROUNDS; round++) {
                for (int source = 0; source < RANKS; source++) {
                    total += TestTasks.roundLength(source, rank, round, BASE);
                }
            }
            expected.add("ok " + ROUNDS + " " + total);
        }
        return expected;
    }
}
