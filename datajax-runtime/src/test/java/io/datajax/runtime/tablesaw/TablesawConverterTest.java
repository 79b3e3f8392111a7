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
    void conversionNeverModifiesTheInputTableAndOutputsNeverShareItsArrays() {
        Table input = Table.create("t", DoubleColumn.create("d", new double[] {1, 2}), IntColumn.create("i", new int[] {1, 2}),
                LongColumn.create("l", new long[] {1, 2}));
        String before = input.printAll();
        Batch batch = TablesawConverter.toBatch(input);
        Table output = TablesawConverter.toTable("out", batch);
        output.doubleColumn("d").set(0, 9.0);
        output.intColumn("i").set(0, 9);
        output.longColumn("l").set(0, 9L);
        assertThat(input.printAll()).isEqualTo(before);
        assertThat(values(batch, "d")).containsExactly(1.0, 2.0);
        assertThat(values(batch, "i")).containsExactly(1, 2);
        assertThat(values(batch, "l")).containsExactly(1L, 2L);
    }

    @Test
    void numericColumnsWithoutMissingValuesAreReadInPlaceWithoutANullMask() {
        Table input = Table.create("t", DoubleColumn.create("d", new double[] {1, 2}), IntColumn.create("i", new int[] {1, 2}),
                LongColumn.create("l", new long[] {1, 2}));
        Batch first = TablesawConverter.toBatch(input);
        Batch second = TablesawConverter.toBatch(input);
        assertThat(((io.datajax.runtime.column.DoubleColumn) first.column("d")).values())
                .isSameAs(((io.datajax.runtime.column.DoubleColumn) second.column("d")).values());
        assertThat(((io.datajax.runtime.column.IntColumn) first.column("i")).values())
                .isSameAs(((io.datajax.runtime.column.IntColumn) second.column("i")).values());
        assertThat(((io.datajax.runtime.column.LongColumn) first.column("l")).values())
                .isSameAs(((io.datajax.runtime.column.LongColumn) second.column("l")).values());
        assertThat(first.columns()).noneMatch(Column::hasNulls);
    }

    @Test
    void intAndLongColumnsWithMissingValuesAreCopiedWithZeroAtTheNullRows() {
        IntColumn ints = IntColumn.create("i", new int[] {1, 2});
        ints.setMissing(1);
        LongColumn longs = LongColumn.create("l", new long[] {1, 2});
        longs.setMissing(0);
        Table input = Table.create("t", ints, longs);
        Batch batch = TablesawConverter.toBatch(input);
        assertThat(((io.datajax.runtime.column.IntColumn) batch.column("i")).values()).containsExactly(1, 0);
        assertThat(((io.datajax.runtime.column.LongColumn) batch.column("l")).values()).containsExactly(0, 2);
        assertThat(values(batch, "i")).containsExactly(1, null);
        assertThat(values(batch, "l")).containsExactly(null, 2L);
        assertThat(input.intColumn("i").isMissing(1)).isTrue();
        assertThat(input.longColumn("l").isMissing(0)).isTrue();
    }

    @Test
    void doubleColumnsAreReadInPlaceWithTheirNaNsAsNulls() {
        DoubleColumn doubles = DoubleColumn.create("d", new double[] {1, 2, 3});
        doubles.setMissing(1);
        Table input = Table.create("t", doubles);
        Column first = TablesawConverter.toBatch(input).column("d");
        Column second = TablesawConverter.toBatch(input).column("d");
        assertThat(((io.datajax.runtime.column.DoubleColumn) first).values())
                .isSameAs(((io.datajax.runtime.column.DoubleColumn) second).values());
        assertThat(first.nullsAreNaN()).isTrue();
        assertThat(first.hasNulls()).isTrue();
        assertThat(first.nulls()).containsExactly(false, true, false);
        assertThat(first.value(1)).isNull();
        assertThat(first.value(2)).isEqualTo(3.0);
        assertThat(input.doubleColumn("d").isMissing(1)).isTrue();

        Column complete = TablesawConverter.toColumn(DoubleColumn.create("c", new double[] {1, 2}));
        assertThat(complete.nullsAreNaN()).isTrue();
        assertThat(complete.hasNulls()).isFalse();
        assertThat(complete.nulls()).isNull();
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

    /**
     * Split and whole conversions agree with Tablesaw's own values, for columns built by appending (whose
     * arrays have spare capacity, so they are copied) and from arrays (read in place where nothing is missing),
     * with missing values early, late or nowhere.
     */
    @Test
    void columnsSplitByRowRangesEqualTheWholeColumnAndTablesawsValues() {
        int n = 300_001;
        for (boolean fromArrays : new boolean[] {false, true}) {
            for (int missingFrom : new int[] {0, 250_000, n}) {
                Table table = randomTable(n, fromArrays, missingFrom);
                int columns = table.columnCount();
                int[] all = java.util.stream.IntStream.range(0, columns).toArray();
                Column[] split = TablesawConverter.toColumns(table, all, 4, (task, count) -> {
                    for (int t = count - 1; t >= 0; t--) {
                        task.accept(t);
                    }
                });
                for (int c = 0; c < columns; c++) {
                    tech.tablesaw.columns.Column<?> source = table.column(c);
                    Column whole = TablesawConverter.toColumn(source);
                    Column part = split[c];
                    String what = source.name() + (fromArrays ? " from arrays" : " appended") + ", missing from " + missingFrom;
                    assertThat(part.type()).as(what).isEqualTo(whole.type());
                    assertThat(part.hasNulls()).as(what).isEqualTo(whole.hasNulls()).isEqualTo(missingFrom < n);
                    for (int r = 0; r < n; r++) {
                        assertThat(part.isNull(r)).as(what).isEqualTo(whole.isNull(r))
                                // "" is missing to DataJax even where Tablesaw's isMissing says otherwise
                                .isEqualTo(source.isMissing(r) || "".equals(source.get(r)));
                        if (!whole.isNull(r)) {
                            assertThat(part.value(r)).as(what).isEqualTo(whole.value(r)).isEqualTo(source.get(r));
                        }
                    }
                }
            }
        }
        Table table = randomTable(1000, true, 0);
        Column[] some = TablesawConverter.toColumns(table, new int[] {3}, 2, (task, count) -> {
            for (int t = 0; t < count; t++) {
                task.accept(t);
            }
        });
        assertThat(some[0]).isNull();
        assertThat(some[3].length()).isEqualTo(1000);
    }

    /** Random columns x (double), k (long), i (int), d (date), s (string); rows from {@code missingFrom} on may be missing. */
    private static Table randomTable(int n, boolean fromArrays, int missingFrom) {
        java.util.Random random = new java.util.Random(7);
        double[] x = new double[n];
        long[] k = new long[n];
        int[] i = new int[n];
        LocalDate[] d = new LocalDate[n];
        String[] s = new String[n];
        java.util.BitSet missing = new java.util.BitSet();
        for (int r = 0; r < n; r++) {
            x[r] = random.nextDouble();
            k[r] = random.nextLong();
            i[r] = random.nextInt();
            d[r] = LocalDate.of(1900, 1, 1).plusDays(random.nextInt(100_000));
            s[r] = "w" + random.nextInt(5);
            if (r >= missingFrom && random.nextInt(30) == 0) {
                missing.set(r);
            }
        }
        DoubleColumn xs;
        LongColumn ks;
        IntColumn is;
        DateColumn ds;
        if (fromArrays) {
            xs = DoubleColumn.create("x", x);
            ks = LongColumn.create("k", k);
            is = IntColumn.create("i", i);
            ds = DateColumn.create("d", d);
        } else {
            xs = DoubleColumn.create("x");
            ks = LongColumn.create("k");
            is = IntColumn.create("i");
            ds = DateColumn.create("d");
            for (int r = 0; r < n; r++) {
                xs.append(x[r]);
                ks.append(k[r]);
                is.append(i[r]);
                ds.append(d[r]);
            }
        }
        StringColumn ss = StringColumn.create("s", s);
        for (int r = missing.nextSetBit(0); r >= 0; r = missing.nextSetBit(r + 1)) {
            xs.setMissing(r);
            ks.setMissing(r);
            is.setMissing(r);
            ds.setMissing(r);
            ss.set(r, "");
        }
        return Table.create("t", xs, ks, is, ds, ss);
    }
}
