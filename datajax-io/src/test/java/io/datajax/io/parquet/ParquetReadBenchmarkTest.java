package io.datajax.io.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetReadBenchmarkTest {
    @TempDir
    Path dir;

    @Test
    void benchmarkRunsAndBothReadersAgreeOnTheSums() throws Exception {
        List<String> lines = ParquetReadBenchmark.run(dir, 20_000, 1);

        assertThat(lines).hasSize(6);
        List<String> sums = lines.stream().filter(line -> !line.contains("decode only"))
                .map(line -> line.substring(line.indexOf("sums ") + 5)).toList();
        assertThat(sums).containsOnly("199990000 9.9995E7 9990000 20000");
    }
}
