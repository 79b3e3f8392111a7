package io.datajax.tests.io;

import static io.datajax.api.Functions.col;
import static io.datajax.api.Functions.count;
import static io.datajax.api.Functions.lit;
import static io.datajax.api.Functions.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datajax.api.DataJax;
import io.datajax.api.DataJaxConfig;
import io.datajax.api.Frame;
import io.datajax.api.Input;
import io.datajax.api.JitFunction;
import io.datajax.api.JoinSpec;
import io.datajax.io.Sinks;
import io.datajax.io.Sources;
import io.datajax.io.csv.CsvOptions;
import io.datajax.ir.error.ExecutionException;
import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.source.DataSource;
import io.datajax.planner.stages.StageMetrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Projection and filter pushdown into source reads, seen in {@code explain} and in the bytes read; sources
 * read inside a trace with {@code Frame.read}; malformed files failing with the file, line and column.
 */
class SourcePushdownTest {
    private static final int ROWS = 20_000;
    private static final DataJaxConfig ONE_THREAD = DataJaxConfig.defaults();

    @TempDir
    static Path root;
    private static Table events;
    private static DataSource parquet;

    @BeforeAll
    static void writeEvents() {
        long[] ids = new long[ROWS];
        double[] values = new double[ROWS];
        String[] notes = new String[ROWS];
        long[] extra = new long[ROWS];
        for (int i = 0; i < ROWS; i++) {
            ids[i] = i;
            values[i] = (i % 97) * 0.5;
            notes[i] = "note-" + (i % 13) + "-padding-to-make-this-column-wide";
            extra[i] = i * 7L;
        }
        events = Table.create("events", LongColumn.create("id", ids), DoubleColumn.create("value", values),
                StringColumn.create("note", notes), LongColumn.create("extra", extra));
        Path directory = root.resolve("events.parquet.d");
        // 10 row groups of 2,000 rows, ids sorted: statistics can rule row groups out.
        DataJax.djit(df -> df, ONE_THREAD).write(Sinks.parquet(directory).withRowGroupRows(2_000), events);
        parquet = Sources.parquet(directory);
    }

    private static long bytesRead(StageMetrics input) {
        Matcher m = Pattern.compile("parts? \\(([0-9,]+) bytes\\)").matcher(input.notes());
        assertThat(m.find()).as("notes '%s' say how much was read", input.notes()).isTrue();
        return Long.parseLong(m.group(1).replace(",", ""));
    }

    @Test
    void aFilterSkipsRowGroupsAndAProjectionReadsFewerBytesVisiblyInExplain() {
        JitFunction whole = DataJax.djit(df -> df.filter(col("id").ge(lit(15_000L))).agg(count(), sum("value")),
                ONE_THREAD.withDisabledRules(java.util.Set.of("PushFilterIntoSource", "NarrowSourceScan")));
        whole.apply(parquet);
        long allColumns = bytesRead(whole.lastExecution().orElseThrow().stages().get(0));

        JitFunction narrow = DataJax.djit(df -> df.filter(col("id").ge(lit(15_000L))).agg(count(), sum("value")),
                ONE_THREAD);
        Table out = narrow.apply(parquet);

        assertThat(out.longColumn("count").get(0)).isEqualTo(5_000L);
        String explain = narrow.explain();
        assertThat(explain).contains("Stage 0 INPUT source parquet(")
                .contains("read: columns 2/4, skip unless (id >= 15000L)")
                .contains("note: read 3 parts (")
                .contains("7 skipped by statistics");
        StageMetrics input = narrow.lastExecution().orElseThrow().stages().get(0);
        assertThat(input.rowsOut()).isEqualTo(6_000);
        assertThat(bytesRead(input)).isPositive().isLessThan(allColumns / 5);
    }

    @Test
    void withThePushdownRulesOffEveryRowGroupAndColumnIsRead() {
        JitFunction fn = DataJax.djit(df -> df.filter(col("id").ge(lit(15_000L))).agg(count()),
                ONE_THREAD.withDisabledRules(java.util.Set.of("PushFilterIntoSource", "NarrowSourceScan")));
        Table out = fn.apply(parquet);

        assertThat(out.longColumn("count").get(0)).isEqualTo(5_000L);
        StageMetrics input = fn.lastExecution().orElseThrow().stages().get(0);
        assertThat(input.rowsOut()).isEqualTo(ROWS);
        assertThat(input.notes()).startsWith("read 10 parts (").doesNotContain("skipped");
    }

    @Test
    void aSourceReadInsideTheTraceJoinsATableInput() {
        JitFunction fn = DataJax.djit(df -> df.join(Frame.read(parquet).select("id", "note"), JoinSpec.on("id"))
                .groupBy("note").agg(count()), ONE_THREAD);
        Table keys = Table.create("keys", LongColumn.create("id", new long[] {1, 14, 27, 2}));

        Table out = fn.apply(keys);

        assertThat(out.stringColumn("note").asList()).containsExactly("note-1-padding-to-make-this-column-wide",
                "note-2-padding-to-make-this-column-wide");
        assertThat(out.longColumn("count").asList()).containsExactly(3L, 1L);
        assertThat(fn.lastPlan().orElseThrow().explain()).contains("source parquet(").contains("read: columns 2/4");
    }

    @Test
    void aMalformedCsvRowFailsTheCallNamingFileLineAndColumn() throws Exception {
        Path file = root.resolve("bad.csv");
        Files.writeString(file, "id,amount\n1,2.5\n2,oops\n3,4.0\n");
        DataSource source = Sources.csv(file, CsvOptions.defaults().withSchema(io.datajax.ir.Schema.of(
                io.datajax.ir.Field.of("id", io.datajax.ir.DataType.INT64),
                io.datajax.ir.Field.of("amount", io.datajax.ir.DataType.FLOAT64))));
        JitFunction fn = DataJax.djit(df -> df.agg(sum("amount")), ONE_THREAD);

        assertThatThrownBy(() -> fn.apply(Input.of(source)))
                .isInstanceOf(ExecutionException.class)
                .satisfies(e -> assertThat(((ExecutionException) e).code()).isEqualTo(ErrorCode.MALFORMED_INPUT))
                .hasMessageContaining("bad.csv")
                .hasMessageContaining("line 3")
                .hasMessageContaining("amount")
                .hasMessageContaining("oops");
    }
}
