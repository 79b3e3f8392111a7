package io.datajax.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Runs the I/O benchmark at a tiny size so that it cannot rot; checks the report, never the times. */
class IoBenchmarkTest {
    @Test
    void everyEngineAgreesAndEveryWorkloadIsReported() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean agreed = IoBenchmark.run(20_000, 0, 1, new PrintStream(bytes, true, StandardCharsets.UTF_8));

        String report = bytes.toString(StandardCharsets.UTF_8);
        assertThat(agreed).as(report).isTrue();
        assertThat(report).contains("#### csv-read", "#### parquet-read", "#### q6-parquet", "| Tablesaw |",
                "| DataJax 2t |", "DataJax's read: read ").doesNotContain("WRONG");
    }
}
