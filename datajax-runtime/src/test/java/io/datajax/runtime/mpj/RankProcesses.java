package io.datajax.runtime.mpj;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Checks that no rank process of a pool is left, by pid and by {@code ps}. */
final class RankProcesses {
    private RankProcesses() {
    }

    static void assertNoneLeft(RankPool pool, List<Long> pids) {
        assertThat(pids).isNotEmpty();
        for (long pid : pids) {
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                    .as("rank process %d is alive", pid).isFalse();
        }
        assertThat(psLinesMentioning("datajax.mpj.pool=" + pool.id())).as("ps lines of pool %s", pool.id()).isEmpty();
    }

    static List<String> psLinesMentioning(String text) {
        try {
            Process ps = new ProcessBuilder("ps", "-eo", "pid,args").redirectErrorStream(true).start();
            String output;
            try (InputStream in = ps.getInputStream()) {
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            ps.waitFor(10, TimeUnit.SECONDS);
            return output.lines().filter(line -> line.contains(text)).toList();
        } catch (IOException e) {
            throw new IllegalStateException("could not run ps", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
