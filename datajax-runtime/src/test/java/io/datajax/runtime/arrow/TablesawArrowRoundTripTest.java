package io.datajax.runtime.arrow;

import static org.assertj.core.api.Assertions.assertThat;

import io.datajax.runtime.column.Batch;
import io.datajax.runtime.tablesaw.TablesawConverter;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Tablesaw -> Batch -> Arrow IPC -> Batch -> Tablesaw keeps every cell of every supported column type. Inputs avoid
 * Tablesaw's sentinel values (Integer/Long.MIN_VALUE, NaN, "" all mean missing there) and sub-millisecond
 * timestamps (DateTimeColumn holds milliseconds), as TablesawConverter documents.
 */
class TablesawArrowRoundTripTest {
    @Test
    void everySupportedTablesawColumnTypeSurvivesAnIpcRoundTrip() {
        int rows = 2_000;
        IntColumn ints = IntColumn.create("ints");
        LongColumn longs = LongColumn.create("longs");
        DoubleColumn doubles = DoubleColumn.create("doubles");
        BooleanColumn booleans = BooleanColumn.create("booleans");
        StringColumn strings = StringColumn.create("strings");
        DateColumn dates = DateColumn.create("dates");
        DateTimeColumn times = DateTimeColumn.create("times");
        String[] words = {"alpha", "日本語", "😀", "é", "x y"};
        for (int i = 0; i < rows; i++) {
            boolean missing = i % 9 == 4;
            if (missing) {
                ints.appendMissing();
                longs.appendMissing();
                doubles.appendMissing();
                booleans.appendMissing();
                strings.appendMissing();
                dates.appendMissing();
                times.appendMissing();
                continue;
            }
            ints.append(i % 2 == 0 ? Integer.MIN_VALUE + 1 + i : Integer.MAX_VALUE - i);
            longs.append(i % 2 == 0 ? Long.MIN_VALUE + 1 + i : Long.MAX_VALUE - i);
            doubles.append(i % 3 == 0 ? Double.POSITIVE_INFINITY : i * 0.25 - 100);
            booleans.append(i % 5 < 2);
            strings.append(words[i % words.length] + (i % 4));
            dates.append(i % 2 == 0 ? LocalDate.of(-9_999, 1, 1).plusDays(i) : LocalDate.of(9_999, 12, 31).minusDays(i));
            times.append(LocalDateTime.of(1_850 + i % 300, 1 + i % 12, 1 + i % 28, i % 24, i % 60, i % 60,
                    (i % 1000) * 1_000_000));
        }
        Table table = Table.create("t", ints, longs, doubles, booleans, strings, dates, times);

        Table back;
        try (BufferAllocator allocator = new RootAllocator()) {
            Batch batch = TablesawConverter.toBatch(table);
            byte[] bytes = ArrowIpc.write(batch, allocator, 700);
            Batch read = ArrowIpc.read(bytes, allocator);
            Batches.assertSameRows(read, batch);
            back = TablesawConverter.toTable("t", read);
            assertThat(allocator.getAllocatedMemory()).isZero();
        }

        assertThat(back.columnNames()).isEqualTo(table.columnNames());
        assertThat(back.rowCount()).isEqualTo(rows);
        for (int c = 0; c < table.columnCount(); c++) {
            Column<?> expected = table.column(c);
            Column<?> actual = back.column(c);
            assertThat(actual.type()).as(expected.name()).isEqualTo(expected.type());
            for (int row = 0; row < rows; row++) {
                assertThat(actual.isMissing(row)).as(expected.name() + " row " + row).isEqualTo(expected.isMissing(row));
                if (!expected.isMissing(row)) {
                    assertThat(actual.get(row)).as(expected.name() + " row " + row).isEqualTo(expected.get(row));
                }
            }
        }
    }
}
