package io.datajax.runtime.mpj;

import static org.assertj.core.api.Assertions.assertThat;

import io.datajax.runtime.mpj.TestTasks.GreetTask;
import io.datajax.runtime.mpj.TestTasks.NoopTask;
import io.datajax.runtime.mpj.TestTasks.PatternExchangeTask;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class RankPoolTest {
    private static final Logger LOG = LoggerFactory.getLogger(RankPoolTest.class);
    private static RankPool pool;
    private static long startMillis;
    private static long firstCallMillis;

    @BeforeAll
    static void startPool() {
        long start = System.nanoTime();
        pool = RankPool.start(MpjSettings.defaults(2));
        startMillis = (System.nanoTime() - start) / 1_000_000;
        firstCallMillis = timeMillis(() -> pool.run("first greet", GreetTask.class, new byte[0]));
        LOG.info("2-rank pool started in {} ms; first call {} ms", startMillis, firstCallMillis);
    }

    @AfterAll
    static void stopPool() {
        List<Long> pids = pool.pids();
        pool.close();
        RankProcesses.assertNoneLeft(pool, pids);
    }

    @Test
    void twoRanksAllgatherAndAlltoallvTheirBytes() {
        List<byte[]> results = pool.run("greet", GreetTask.class, new byte[0]);

        assertThat(strings(results)).containsExactly("r0,r1|0->0,1->0", "r0,r1|0->1,1->1");
    }

    @Test
    void aSecondCallOnTheWarmPoolWorks() {
        List<byte[]> results = new ArrayList<>();
        long again = timeMillis(() -> results.addAll(pool.run("greet again", GreetTask.class, new byte[0])));
        long noop = timeMillis(() -> pool.run("noop", NoopTask.class, new byte[0]));

        LOG.info("pool start {} ms; first greet call {} ms, a later one {} ms; noop call {} ms", startMillis,
                firstCallMillis, again, noop);
        assertThat(strings(results)).containsExactly("r0,r1|0->0,1->0", "r0,r1|0->1,1->1");
    }

    @Test
    void eachRankGetsItsOwnPayload() {
        List<byte[]> results = pool.run("echo", NoopTask.class, List.of(bytes("zero"), bytes("one")));

        assertThat(strings(results)).containsExactly("zero", "one");
    }

    @Test
    void exchangesOfUnevenSizesArriveExactly() {
        List<byte[]> results = pool.run("pattern", PatternExchangeTask.class, intPayload(1000));

        // rank r receives base * (s + 1) + r bytes from each source s
        assertThat(strings(results)).containsExactly("ok 3000", "ok 3002");
    }

    @Test
    void largeAlltoallvOverSeveralRoundsArrivesExactly() {
        // rank 1 sends 2 * base + 0 bytes to rank 0: two rounds of at most 60 MiB; rank 0 sends base + 1
        int base = 34 << 20;
        long start = System.nanoTime();
        List<byte[]> results = pool.run("large pattern", PatternExchangeTask.class, intPayload(base));
        LOG.info("pattern exchange moving {} MB between ranks, checked, in {} ms", (3L * base + 1) >> 20,
                (System.nanoTime() - start) / 1_000_000);

        assertThat(strings(results)).containsExactly("ok " + 3L * base, "ok " + (3L * base + 2));
    }

    static long timeMillis(Runnable action) {
        long start = System.nanoTime();
        action.run();
        return (System.nanoTime() - start) / 1_000_000;
    }

    static byte[] intPayload(int value) {
        return ByteBuffer.allocate(4).putInt(value).array();
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static List<String> strings(List<byte[]> results) {
        List<String> strings = new ArrayList<>();
        for (byte[] result : results) {
            strings.add(new String(result, StandardCharsets.UTF_8));
        }
        return strings;
    }
}
