package io.datajax.runtime.arrow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Keeps {@link ArrowIpcBenchmark} runnable; times nothing. */
class ArrowIpcBenchmarkTest {
    @Test
    void benchmarkRunsOnATinyBatch() {
        assertThat(ArrowIpcBenchmark.run(1_000, 1)).hasSize(7).allSatisfy(line -> assertThat(line).isNotBlank());
    }
}
