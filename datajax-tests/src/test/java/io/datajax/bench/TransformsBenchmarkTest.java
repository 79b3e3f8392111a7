package io.datajax.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Runs the transforms benchmark at a tiny size so that it cannot rot; checks the report, never the times. */
class TransformsBenchmarkTest {
    @Test
    void bothComparisonsAgreeAndAreReported() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean agreed = TransformsBenchmark.run(5, 2_000, 6, 500, 0, 1,
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String report = bytes.toString(StandardCharsets.UTF_8);
        assertThat(agreed).as(report).isTrue();
        assertThat(report).contains("#### vmap: 5 tables", "#### vmap: 50 tables", "#### scan: running totals", "speed-up vs separate applies")
                .doesNotContain("WRONG");
    }
}
