package io.datajax.runtime.mpj;

import io.datajax.ir.error.ResourceException;
import io.datajax.runtime.mpj.TestTasks.UnevenRoundsTask;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Repeats {@link UnevenRoundsTask} calls on a pool and counts the calls that hang (end by the call
 * timeout), taking {@code jstack} of every rank and {@code ss -tnpi} shortly before the timeout; a
 * diagnosis tool, not part of the suite (its name is not a test name, and it runs only when
 * {@code mpj.repro} is set). The property holds: ranks, base bytes per pair, rounds per call, calls, call
 * timeout in seconds, stack directory, and optionally the jitter in milliseconds (see
 * {@link UnevenRoundsTask}; negative: a barrier before each exchange) and the round size in bytes. Run
 * with {@code mvn -pl datajax-runtime test -Dtest=ExchangeHangRepro
 * -Dmpj.repro="4 16777216 6 8 15 /tmp/stacks -1" -Dsurefire.failIfNoSpecifiedTests=false} (before the
 * fix in {@code ByteCollectives}: 4 of 8 calls hung; after: 0 of 15).
 */
class ExchangeHangRepro {
    private static final Logger LOG = LoggerFactory.getLogger(ExchangeHangRepro.class);

    @Test
    @EnabledIfSystemProperty(named = "mpj.repro", matches = ".+")
    void repeatedExchangesHangOrNot() throws Exception {
        String[] args = System.getProperty("mpj.repro").trim().split("\\s+");
        int ranks = Integer.parseInt(args[0]);
        int base = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        int calls = Integer.parseInt(args[3]);
        int timeoutSeconds = Integer.parseInt(args[4]);
        Path stacks = Path.of(args[5]);
        int jitter = args.length > 6 ? Integer.parseInt(args[6]) : 0;
        int roundBytes = args.length > 7 ? Integer.parseInt(args[7]) : MpjSettings.DEFAULT_ROUND_BYTES;
        Files.createDirectories(stacks);
        byte[] payload = ByteBuffer.allocate(12).putInt(rounds).putInt(base).putInt(jitter).array();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        int hung = 0;
        try (RankPool pool = RankPool.start(MpjSettings.defaults(ranks)
                .withCallTimeout(Duration.ofSeconds(timeoutSeconds)).withRoundBytes(roundBytes))) {
            for (int call = 0; call < calls; call++) {
                if (!pool.isRunning()) {
                    pool.restart();
                }
                List<Long> pids = pool.pids();
                int number = call;
                ScheduledFuture<?> dump = timer.schedule(() -> dumpStacks(pids, stacks.resolve("call-" + number)),
                        timeoutSeconds - 4, TimeUnit.SECONDS);
                long start = System.nanoTime();
                try {
                    List<byte[]> results = pool.run("uneven rounds", UnevenRoundsTask.class, payload);
                    dump.cancel(false);
                    long millis = (System.nanoTime() - start) / 1_000_000;
                    LOG.info("REPRO call {}: {} ms, rank 0: {}", call, millis,
                            new String(results.get(0), StandardCharsets.UTF_8));
                } catch (ResourceException e) {
                    dump.cancel(false);
                    hung++;
                    LOG.info("REPRO call {}: HUNG ({})", call, e.getMessage());
                }
            }
        } finally {
            timer.shutdownNow();
        }
        LOG.info("REPRO {} ranks, base {} bytes, {} rounds per call, jitter {} ms, round bytes {}: {} of {} calls hung",
                ranks, base, rounds, jitter, roundBytes, hung, calls);
    }

    private static void dumpStacks(List<Long> pids, Path directory) {
        try {
            Files.createDirectories(directory);
            for (int rank = 0; rank < pids.size(); rank++) {
                Process jstack = new ProcessBuilder("jstack", Long.toString(pids.get(rank)))
                        .redirectErrorStream(true).redirectOutput(directory.resolve("rank-" + rank + ".txt").toFile())
                        .start();
                jstack.waitFor(10, TimeUnit.SECONDS);
            }
            Process sockets = new ProcessBuilder("ss", "-tnpi").redirectErrorStream(true)
                    .redirectOutput(directory.resolve("sockets.txt").toFile()).start();
            sockets.waitFor(10, TimeUnit.SECONDS);
            Files.writeString(directory.resolve("pids.txt"), pids.toString());
            LOG.info("REPRO stacks of {} ranks in {}", pids.size(), directory);
        } catch (IOException e) {
            LOG.warn("REPRO could not take stacks: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
