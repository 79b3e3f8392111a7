package io.datajax.tests.io;

import static io.datajax.api.Functions.col;
import static io.datajax.api.Functions.count;
import static io.datajax.api.Functions.lit;
import static io.datajax.api.Functions.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datajax.api.DataJax;
import io.datajax.api.DataJaxConfig;
import io.datajax.api.FrameFunction;
import io.datajax.api.JitFunction;
import io.datajax.io.SinkCommit;
import io.datajax.io.Sinks;
import io.datajax.io.Sources;
import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.ResourceException;
import io.datajax.ir.source.DataSource;
import io.datajax.runtime.Executors;
import io.datajax.runtime.mpj.exec.MpjExecutor;
import io.datajax.tests.tables.Rows;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Sources read by the MPJ ranks themselves and results written by them, with real rank processes: each rank
 * reads its own block of the source's parts (the driver ships no input rows), each rank writes its own part
 * file, and the driver commits the directory with a manifest; a failed write leaves nothing behind.
 */
class MpjSourceReadWriteTest {
    private static final int ROWS = 30_000;

    @TempDir
    static Path root;
    private static Table orders;
    private static Path parquetDir;
    private static Path csvDir;

    @BeforeAll
    static void writeInputs() {
        long[] users = new long[ROWS];
        double[] amounts = new double[ROWS];
        String[] regions = new String[ROWS];
        for (int i = 0; i < ROWS; i++) {
            users[i] = (i * 7919L) % 1_000;
            amounts[i] = (i % 101) * 0.25;
            regions[i] = i % 17 == 0 ? null : "r" + (i % 5);
        }
        orders = Table.create("orders", LongColumn.create("user", users), DoubleColumn.create("amount", amounts),
                StringColumn.create("region", regions));
        parquetDir = root.resolve("orders-parquet");
        DataJax.djit(df -> df, DataJaxConfig.defaults()).write(Sinks.parquet(parquetDir).withRowGroupRows(2_500), orders);
        csvDir = root.resolve("orders-csv");
        // Three CSV files: a directory source whose byte ranges spread over the ranks.
        for (int part = 0; part < 3; part++) {
            int from = ROWS * part / 3;
            int to = ROWS * (part + 1) / 3;
            Path dir = root.resolve("csv-part-" + part);
            DataJax.djit(df -> df, DataJaxConfig.defaults()).write(Sinks.csv(dir), orders.inRange(from, to));
            move(dir.resolve("part-00000.csv"), csvDir.resolve("orders-" + part + ".csv"));
        }
    }

    private static void move(Path from, Path to) {
        try {
            Files.createDirectories(to.getParent());
            Files.move(from, to);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static final FrameFunction TOTALS = df -> df.filter(col("amount").gt(lit(1.0)))
            .groupBy("region").agg(sum("amount"), count());

    private static DataSource source(String format) {
        return format.equals("parquet") ? Sources.parquet(parquetDir)
                : Sources.csv(csvDir, io.datajax.io.csv.CsvOptions.defaults().withPartBytes(64 * 1024));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void ranksReadTheirOwnPartsAndTheDriverShipsNoInputRows(int ranks) {
        Table expected = DataJax.djit(TOTALS).apply(orders);
        try (MpjExecutor mpj = Executors.mpj(ranks)) {
            for (String format : List.of("parquet", "csv")) {
                JitFunction fn = DataJax.djit(TOTALS).on(mpj);
                Table out = fn.apply(source(format));

                assertThat(Rows.of(out)).as(format).usingElementComparator(Rows.ROW_EQUALITY)
                        .containsExactlyElementsOf(Rows.of(expected));
                MpjExecutor.CallRecord call = mpj.lastCall().orElseThrow();
                assertThat(call.inputBytesShipped()).as("input bytes the driver shipped (%s)", format).isZero();
                long[] perRank = call.stages().get(0).rowsPerRank();
                assertThat(perRank).hasSize(ranks);
                assertThat(Arrays.stream(perRank).sum()).isEqualTo(ROWS);
                assertThat(Arrays.stream(perRank).min().orElseThrow()).as("fewest rows read by a rank").isPositive();
            }
        }
    }

    @Test
    void eachRankWritesItsOwnPartAndTheDriverCommitsAManifest() throws IOException {
        Path out = root.resolve("totals-by-user");
        try (MpjExecutor mpj = Executors.mpj(3)) {
            JitFunction fn = DataJax.djit(df -> df.groupBy("user").agg(sum("amount"))).on(mpj);
            Table written = fn.write(Sinks.parquet(out), io.datajax.api.Input.of(Sources.parquet(parquetDir)));

            assertThat(written.stringColumn("file").asList())
                    .containsExactly("part-00000.parquet", "part-00001.parquet", "part-00002.parquet");
            assertThat(written.longColumn("rows").asList().stream().mapToLong(Long::longValue).sum()).isEqualTo(1_000);
            assertThat(mpj.lastCall().orElseThrow().inputBytesShipped()).isZero();
            try (Stream<Path> files = Files.list(out)) {
                assertThat(files.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly(
                        "_manifest.json", "part-00000.parquet", "part-00001.parquet", "part-00002.parquet");
            }
            assertThat(Files.readString(out.resolve(SinkCommit.MANIFEST))).contains("\"rows\": 1000");
        }
        Table back = DataJax.djit(df -> df.groupBy("user").agg(sum("amount"))).apply(Sources.parquet(out));
        Table expected = DataJax.djit(df -> df.groupBy("user").agg(sum("amount"))).apply(orders);
        assertThat(Rows.of(back)).usingElementComparator(Rows.ROW_EQUALITY).containsExactlyElementsOf(Rows.of(expected));
    }

    @Test
    void aWriteToAnExistingDirectoryFailsAndTouchesNothing() throws IOException {
        Path out = Files.createDirectories(root.resolve("taken"));
        Files.writeString(out.resolve("keep.txt"), "mine");
        try (MpjExecutor mpj = Executors.mpj(2)) {
            JitFunction fn = DataJax.djit(df -> df).on(mpj);
            assertThatThrownBy(() -> fn.write(Sinks.csv(out), orders))
                    .isInstanceOf(ResourceException.class)
                    .satisfies(e -> assertThat(((ResourceException) e).code()).isEqualTo(ErrorCode.TARGET_EXISTS))
                    .hasMessageContaining("already exists");
        }
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("keep.txt");
        }
        try (Stream<Path> siblings = Files.list(root)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).noneMatch(name -> name.contains(".tmp-"));
        }
    }

    @Test
    void aWriteThatFailsOnTheRanksLeavesNoOutputAndNoTemporaryFiles() {
        Path out = root.resolve("never");
        try (MpjExecutor mpj = Executors.mpj(2)) {
            // INT64 overflow on the ranks (an execution error) after the write has begun.
            JitFunction fn = DataJax.djit(df -> df.withColumn("big", col("user").multiply(lit(Long.MAX_VALUE))))
                    .on(mpj);
            assertThatThrownBy(() -> fn.write(Sinks.csv(out), io.datajax.api.Input.of(Sources.parquet(parquetDir))))
                    .hasMessageContaining("overflow");
        }
        assertThat(out).doesNotExist();
        try (Stream<Path> siblings = Files.list(root)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).noneMatch(name -> name.contains(".tmp-"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
