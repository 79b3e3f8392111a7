package io.datajax.runtime.mpj;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Rank JVMs must not outlive their driver, even one killed with SIGKILL (no shutdown hook runs then). */
class OrphanedRanksTest {

    @Test
    void ranksHaltWhenTheirDriverIsKilled() throws Exception {
        Process driver = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), PoolDriverMain.class.getName())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        List<ProcessHandle> ranks = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(driver.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertThat(line).as("the driver's first line").startsWith("pids ");
            for (String pid : line.substring(5).split(" ")) {
                ranks.add(ProcessHandle.of(Long.parseLong(pid)).orElseThrow());
            }
        } finally {
            driver.destroyForcibly();
        }
        assertThat(driver.waitFor(10, TimeUnit.SECONDS)).isTrue();

        for (ProcessHandle rank : ranks) {
            rank.onExit().get(10, TimeUnit.SECONDS);
            assertThat(rank.isAlive()).as("rank pid %d", rank.pid()).isFalse();
        }
    }
}
