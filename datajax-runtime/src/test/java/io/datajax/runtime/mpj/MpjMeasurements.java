package io.datajax.runtime.mpj;

import io.datajax.runtime.mpj.TestTasks.NoopTask;
import io.datajax.runtime.mpj.TestTasks.TimedExchangeTask;
import java.nio.ByteBuffer;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prints the numbers quoted in {@code docs/mpj-process-layer.md}; a measurement tool, not a test. Run with
 * {@code mvn -q -pl datajax-runtime exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.datajax.runtime.mpj.MpjMeasurements}.
 */
public final class MpjMeasurements {
    private static final Logger LOG = LoggerFactory.getLogger(MpjMeasurements.class);

    private MpjMeasurements() {
    }

    public static void main(String[] args) {
        for (int ranks : new int[] {2, 3}) {
            for (int i = 0; i < 3; i++) {
                long start = System.nanoTime();
                RankPool pool = RankPool.start(MpjSettings.defaults(ranks));
                long started = System.nanoTime();
                pool.run("first", NoopTask.class, new byte[0]);
                long firstCall = System.nanoTime();
                pool.close();
                LOG.info("MEASURE {} ranks: start {} ms, first call {} ms, close {} ms", ranks,
                        (started - start) / 1_000_000, (firstCall - started) / 1_000_000,
                        (System.nanoTime() - firstCall) / 1_000_000);
            }
        }
        try (RankPool pool = RankPool.start(MpjSettings.defaults(2).withRankHeapMegabytes(2048))) {
            for (int i = 0; i < 200; i++) {
                pool.run("warm up", NoopTask.class, new byte[16]);
            }
            int calls = 500;
            long start = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                pool.run("noop", NoopTask.class, new byte[16]);
            }
            LOG.info("MEASURE warm noop call on 2 ranks: {} us", (System.nanoTime() - start) / 1000 / calls);
            for (long totalMegabytes : new long[] {64, 256}) {
                int perDestination = (int) ((totalMegabytes << 20) / 4);
                for (int i = 0; i < 4; i++) {
                    long callStart = System.nanoTime();
                    List<byte[]> results = pool.run("exchange", TimedExchangeTask.class,
                            ByteBuffer.allocate(4).putInt(perDestination).array());
                    long callNanos = System.nanoTime() - callStart;
                    long exchangeNanos = ByteBuffer.wrap(results.get(0)).getLong();
                    LOG.info("MEASURE alltoallv {} MB total on 2 ranks ({} MB per destination): exchange {} ms"
                            + " = {} GB/s of all bytes, {} GB/s between ranks; whole call {} ms", totalMegabytes,
                            perDestination >> 20, exchangeNanos / 1_000_000,
                            String.format("%.2f", (totalMegabytes << 20) / (double) exchangeNanos),
                            String.format("%.2f", (totalMegabytes << 19) / (double) exchangeNanos),
                            callNanos / 1_000_000);
                }
            }
        }
    }
}
