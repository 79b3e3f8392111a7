package io.datajax.runtime.mpj;

import io.datajax.ir.error.ResourceException;
import io.datajax.runtime.mpj.TestTasks.TimedExchangeTask;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Times warm alltoallv exchanges of equal arrays ({@link TimedExchangeTask}, between two barriers) on 2 and
 * 4 ranks; a measurement tool, not part of the suite (it runs only when {@code mpj.speed} is set). The
 * property holds: bytes per pair, timed calls per rank count, call timeout in seconds. Run with
 * {@code mvn -pl datajax-runtime test -Dtest=ExchangeSpeedMeasurement -Dmpj.speed="15728640 10 20"
 * -Dsurefire.failIfNoSpecifiedTests=false}. Calls that end by the timeout are counted, not timed.
 */
class ExchangeSpeedMeasurement {
    private static final Logger LOG = LoggerFactory.getLogger(ExchangeSpeedMeasurement.class);

    @Test
    @EnabledIfSystemProperty(named = "mpj.speed", matches = ".+")
    void measureExchangeSpeed() {
        String[] args = System.getProperty("mpj.speed").trim().split("\\s+");
        int perPair = Integer.parseInt(args[0]);
        int calls = Integer.parseInt(args[1]);
        int timeoutSeconds = Integer.parseInt(args[2]);
        byte[] payload = ByteBuffer.allocate(4).putInt(perPair).array();
        for (int ranks : new int[] {2, 4}) {
            List<Long> nanos = new ArrayList<>();
            int hung = 0;
            try (RankPool pool = RankPool.start(MpjSettings.defaults(ranks)
                    .withCallTimeout(Duration.ofSeconds(timeoutSeconds)))) {
                for (int call = -3; call < calls; call++) {
                    if (!pool.isRunning()) {
                        pool.restart();
                    }
                    try {
                        List<byte[]> results = pool.run("timed exchange", TimedExchangeTask.class, payload);
                        long slowest = 0;
                        for (byte[] result : results) {
                            slowest = Math.max(slowest, ByteBuffer.wrap(result).getLong());
                        }
                        if (call >= 0) {
                            nanos.add(slowest);
                        }
                    } catch (ResourceException e) {
                        hung++;
                    }
                }
            }
            Collections.sort(nanos);
            if (nanos.isEmpty()) {
                LOG.info("SPEED {} ranks, {} MB per pair: every call hung ({})", ranks, perPair >> 20, hung);
                continue;
            }
            long median = nanos.get(nanos.size() / 2);
            long pairs = (long) ranks * (ranks - 1);
            LOG.info("SPEED {} ranks, {} MB per pair: exchange median {} ms (min {}, max {}) = {} MB/s per rank pair,"
                    + " {} MB/s between all ranks; {} timed, {} hung", ranks, perPair >> 20, median / 1_000_000,
                    nanos.get(0) / 1_000_000, nanos.get(nanos.size() - 1) / 1_000_000,
                    Math.round(perPair / 1e6 / (median / 1e9)), Math.round(pairs * perPair / 1e6 / (median / 1e9)),
                    nanos.size(), hung);
        }
    }
}
