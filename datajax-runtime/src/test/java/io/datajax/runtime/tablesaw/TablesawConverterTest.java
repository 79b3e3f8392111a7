package io.datajax.runtime.tablesaw;

import static io.datajax.runtime.column.TestData.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datajax.ir.DataType;
import io.datajax.runtime.column.Batch;
import io.datajax.runtime.column.Column;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.ShortColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.api.TimeColumn;

class TablesawConverterTest {
    private static Table everyTypeWithNulls() {
        IntColumn ints = IntColumn.create("i", new int[] {1, -2, 0});
        ints.setMissing(1);
        LongColumn longs = LongColumn.create("l", new long[] {Long.MAX_VALUE, 0, 3});
        longs.setMissing(2);
        DoubleColumn doubles = DoubleColumn.create("d", new double[] {-0.5, 1e300, 0});
        doubles.setMissing(0);
        BooleanColumn booleans = BooleanColumn.create("b");
        booleans.append(true);
        booleans.appendMissing();
        booleans.append(false);
        StringColumn strings = StringColumn.create("s", "x", "yy");
        strings.appendMissing();
        DateColumn dates = DateColumn.create("t", LocalDate.of(1969, 12, 31), LocalDate.of(2024, 2, 29), LocalDate.of(1, 1, 1));
        dates.setMissing(1);
        DateTimeColumn times = DateTimeColumn.create("ts", LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_000_000),
                LocalDateTime.of(2024, 2, 29, 12, 0), LocalDateTime.of(2000, 1, 1, 0, 0));
        times.setMissing(2);
        return Table.create("all", ints, longs, doubles, booleans, strings, dates, times);
    }

    @Test
    void everyTypeAndItsNullsRoundTripExactly() {
        Table input = everyTypeWithNulls();
        Batch batch = TablesawConverter.toBatch(input);
        assertThat(batch.schema().toString())
                .isEqualTo("(i INT32, l INT64, d FLOAT64, b BOOLEAN, s STRING, t DATE, ts TIMESTAMP)");
        assertThat(values(batch, "i")).containsExactly(1, null, 0);
        assertThat(values(batch, "l")).containsExactly(Long.MAX_VALUE, 0L, null);
        assertThat(values(batch, "d")).containsExactly(null, 1e300, 0.0);
        assertThat(values(batch, "b")).containsExactly(true, null, false);
        assertThat(values(batch, "s")).containsExactly("x", "yy", null);
        assertThat(values(batch, "t")).containsExactly(LocalDate.of(1969, 12, 31), null, LocalDate.of(1, 1, 1));
        assertThat(values(batch, "ts")).containsExactly(LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_000_000),
                LocalDateTime.of(2024, 2, 29, 12, 0), null);

        Table output = TablesawConverter.toTable("out", batch);
        assertThat(output.columnNames()).isEqualTo(input.columnNames());
        for (int c = 0; c < input.columnCount(); c++) {
            assertThat(output.column(c).type()).isEqualTo(input.column(c).type());
            for (int r = 0; r < input.rowCount(); r++) {
                assertThat(output.column(c).isMissing(r)).isEqualTo(input.column(c).isMissing(r));
                if (!input.column(c).isMissing(r)) {
                    assertThat(output.column(c).get(r)).isEqualTo(input.column(c).get(r));
                }
            }
        }
    }

    @Test
    void conversionNeverModifiesOrSharesTheInputTable() {
        Table input = everyTypeWithNulls();
        String before = input.printAll();
        Batch batch = TablesawConverter.toBatch(input);
        ((io.datajax.runtime.column.IntColumn) batch.column("i")).values()[0] = 99;
        assertThat(input.printAll()).isEqualTo(before);
        assertThat(input.intColumn("i").isMissing(1)).isTrue();
    }

    @Test
    void emptyTablesRoundTripWithTheirSchema() {
        Table input = everyTypeWithNulls().emptyCopy();
        Batch batch = TablesawConverter.toBatch(input);
        assertThat(batch.rowCount()).isZero();
        Table output = TablesawConverter.toTable("out", batch);
        assertThat(output.rowCount()).isZero();
        assertThat(output.columnNames()).isEqualTo(input.columnNames());
        assertThat(output.typeArray()).isEqualTo(input.typeArray());
    }

    @Test
    void tablesawNanReadsAsNullAndComputedNanShowsAsMissing() {
        Batch batch = TablesawConverter.toBatch(Table.create("t", DoubleColumn.create("d", new double[] {Double.NaN, 1})));
        assertThat(values(batch, "d")).containsExactly(null, 1.0);
        Table out = TablesawConverter.toTable("out", io.datajax.runtime.column.Batch.of(batch.schema(),
                List.of(Column.of(DataType.FLOAT64, List.of(Double.NaN)))));
        assertThat(out.doubleColumn("d").isMissing(0)).isTrue();
    }

    @Test
    void emptyStringsReadAsNullEvenWhenTablesawDoesNotReportThemMissing() {
        StringColumn strings = StringColumn.create("s", "a", "", "c");
        strings.setMissing(2);
        Batch batch = TablesawConverter.toBatch(Table.create("t", strings));
        assertThat(values(batch, "s")).containsExactly("a", null, null);
    }

    @Test
    void shortAndFloatColumnsReadAsInt32AndFloat64() {
        ShortColumn shorts = ShortColumn.create("s", new short[] {7, 0});
        shorts.setMissing(1);
        FloatColumn floats = FloatColumn.create("f", new float[] {0.5f, 0});
        floats.setMissing(1);
        Batch batch = TablesawConverter.toBatch(Table.create("t", shorts, floats));
        assertThat(batch.schema().toString()).isEqualTo("(s INT32, f FLOAT64)");
        assertThat(values(batch, "s")).containsExactly(7, null);
        assertThat(values(batch, "f")).containsExactly(0.5, null);
    }

    @Test
    void timestampOutputIsTruncatedToTablesawsMilliseconds() {
        Column micros = Column.of(DataType.TIMESTAMP, List.of(LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_000)));
        Table out = TablesawConverter.toTable("out", Batch.of(io.datajax.ir.Schema.of(
                io.datajax.ir.Field.of("ts", DataType.TIMESTAMP)), List.of(micros)));
        assertThat(out.dateTimeColumn("ts").get(0)).isEqualTo(LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_000_000));
    }

    @Test
    void unsupportedTablesawColumnsAreRejectedWithTheSupportedList() {
        Table input = Table.create("t", TimeColumn.create("when", LocalTime.NOON));
        assertThatThrownBy(() -> TablesawConverter.toBatch(input))
                .hasMessageContaining("INPUT_MISMATCH")
                .hasMessageContaining("Column 'when' has Tablesaw type LOCAL_TIME")
                .hasMessageContaining("Supported:");
    }

    @Test
    void packedDatesConvertByArithmeticLikeLocalDate() {
        for (LocalDate day = LocalDate.of(-2000, 1, 1); day.isBefore(LocalDate.of(2400, 1, 1)); day = day.plusDays(1)) {
            int packed = tech.tablesaw.columns.dates.PackedLocalDate.pack(day);
            assertThat(TablesawConverter.epochDayOfPacked(packed)).as(day.toString()).isEqualTo((int) day.toEpochDay());
        }
    }

    @Test
    void columnsSplitByRowRangesEqualTheWholeColumnCopy() {
        java.util.Random random = new java.util.Random(7);
        int n = 300_001;
        DoubleColumn x = DoubleColumn.create("x");
        LongColumn k = LongColumn.create("k");
        IntColumn i = IntColumn.create("i");
        DateColumn d = DateColumn.create("d");
        StringColumn s = StringColumn.create("s");
        for (int r = 0; r < n; r++) {
            boolean late = r > 250_000;
            if (late && random.nextInt(50) == 0) {
                x.appendMissing();
            } else {
                x.append(random.nextDouble());
            }
            if (late && random.nextInt(40) == 0) {
                k.appendMissing();
            } else {
                k.append(random.nextLong());
            }
            if (random.nextInt(30) == 0) {
                i.appendMissing();
            } else {
                i.append(random.nextInt());
            }
            if (random.nextInt(20) == 0) {
                d.appendMissing();
            } else {
                d.append(LocalDate.of(1900, 1, 1).plusDays(random.nextInt(100_000)));
            }
            s.append("w" + random.nextInt(5));
        }
        Table table = Table.create("t", x, k, i, d, s);
        Column[] split = TablesawConverter.toColumns(table, new int[] {0, 1, 2, 3, 4}, 4, (task, count) -> {
            for (int t = count - 1; t >= 0; t--) {
                task.accept(t);
            }
        });
        for (int c = 0; c < 5; c++) {
            Column whole = TablesawConverter.toColumn(table.column(c));
            Column part = split[c];
            assertThat(part.type()).isEqualTo(whole.type());
            assertThat(part.hasNulls()).isEqualTo(whole.hasNulls());
            for (int r = 0; r < n; r++) {
                assertThat(part.isNull(r)).isEqualTo(whole.isNull(r));
                if (!whole.isNull(r)) {
                    assertThat(part.value(r)).isEqualTo(whole.value(r));
                }
            }
        }
        Column[] some = TablesawConverter.toColumns(table, new int[] {3}, 2, (task, count) -> {
            for (int t = 0; t < count; t++) {
                task.accept(t);
            }
        });
        assertThat(some[0]).isNull();
        assertThat(some[3].length()).isEqualTo(n);
    }
}
