package io.datajax.tests.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Tablesaw column types are matched by name, not identity: a JVM whose first Tablesaw call creates a
 * DoubleColumn (two DOUBLE type instances) still runs. Needs a fresh JVM, so it starts one.
 */
class TablesawTypeIdentityTest {
    @Test
    void aDoubleColumnCreatedBeforeAnyOtherTablesawUseIsRead() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                DoubleColumnFirst.class.getName())).redirectErrorStream(true).start();
        boolean ended = process.waitFor(60, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(ended).as("child JVM ended").isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("sum=4.0");
    }
}
