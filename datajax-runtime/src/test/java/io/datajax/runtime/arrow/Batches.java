package io.datajax.runtime.arrow;

import static org.assertj.core.api.Assertions.assertThat;

import io.datajax.ir.DataType;
import io.datajax.ir.Field;
import io.datajax.ir.Schema;
import io.datajax.runtime.column.Batch;
import io.datajax.runtime.column.Column;
import io.datajax.runtime.column.DoubleColumn;
import io.datajax.runtime.column.LongColumn;
import io.datajax.runtime.column.NullColumn;
import io.datajax.runtime.column.StringColumn;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/** Test batches and an exact row-by-row comparison. */
final class Batches {
    private Batches() {
    }

    /** One column of every DataJax type (nullable, with nulls), plus a NOT NULL column, of {@code rows} rows. */
    static Batch everyType(int rows, long seed) {
        Random random = new Random(seed);
        Schema schema = Schema.of(
                Field.of("flag", DataType.BOOLEAN),
                Field.of("i32", DataType.INT32),
                Field.of("i64", DataType.INT64),
                Field.of("f64", DataType.FLOAT64),
                Field.of("text", DataType.STRING),
                Field.of("day", DataType.DATE),
                Field.of("ts", DataType.TIMESTAMP),
                Field.of("nothing", DataType.NULL),
                new Field("id", DataType.INT64, false));
        List<List<Object>> values = new ArrayList<>();
        for (int c = 0; c < schema.size(); c++) {
            values.add(new ArrayList<>(rows));
        }
        String[] words = {"", "a", "héllo", "日本語", "emoji 😀 pair", "tab\tnew\nline", "x".repeat(100)};
        for (int i = 0; i < rows; i++) {
            boolean isNull = random.nextInt(5) == 0;
            values.get(0).add(isNull ? null : random.nextBoolean());
            values.get(1).add(random.nextInt(5) == 0 ? null : random.nextInt());
            values.get(2).add(random.nextInt(5) == 0 ? null : random.nextLong());
            values.get(3).add(random.nextInt(5) == 0 ? null : random.nextInt(10) == 0 ? Double.NaN : random.nextGaussian());
            values.get(4).add(random.nextInt(5) == 0 ? null : words[random.nextInt(words.length)] + (i % 3 == 0 ? i : ""));
            values.get(5).add(random.nextInt(5) == 0 ? null : LocalDate.ofEpochDay(random.nextInt(200_000) - 100_000));
            values.get(6).add(random.nextInt(5) == 0 ? null
                    : LocalDateTime.of(1900 + random.nextInt(300), 1 + random.nextInt(12), 1 + random.nextInt(28),
                            random.nextInt(24), random.nextInt(60), random.nextInt(60), random.nextInt(1_000_000) * 1000));
            values.get(7).add(null);
            values.get(8).add((long) i);
        }
        List<Column> columns = new ArrayList<>();
        for (int c = 0; c < schema.size(); c++) {
            columns.add(Column.of(schema.field(c).type(), values.get(c)));
        }
        return new Batch(schema, columns, rows);
    }

    /** INT64, FLOAT64 and a dictionary-encoded STRING of {@code distinct} values, no nulls. */
    static Batch shuffleShaped(int rows, int distinct) {
        long[] keys = new long[rows];
        double[] amounts = new double[rows];
        int[] codes = new int[rows];
        String[] strings = new String[distinct];
        for (int i = 0; i < distinct; i++) {
            strings[i] = "category-" + i;
        }
        Random random = new Random(42);
        for (int i = 0; i < rows; i++) {
            keys[i] = random.nextLong();
            amounts[i] = random.nextDouble() * 1000;
            codes[i] = random.nextInt(distinct);
        }
        Schema schema = Schema.of(Field.of("key", DataType.INT64), Field.of("amount", DataType.FLOAT64),
                Field.of("category", DataType.STRING));
        return new Batch(schema, List.of(new LongColumn(DataType.INT64, keys, null), new DoubleColumn(amounts, null),
                new StringColumn(new StringColumn.Dictionary(codes, strings), null)), rows);
    }

    /** Asserts equal schemas, row counts, null positions and values (NaN equal to NaN, -0.0 not 0.0). */
    static void assertSameRows(Batch actual, Batch expected) {
        assertThat(actual.schema()).isEqualTo(expected.schema());
        assertThat(actual.rowCount()).isEqualTo(expected.rowCount());
        for (int c = 0; c < expected.columns().size(); c++) {
            Column a = actual.column(c);
            Column e = expected.column(c);
            assertThat(a.type()).isEqualTo(e.type());
            assertThat(a.length()).isEqualTo(e.length());
            for (int row = 0; row < e.length(); row++) {
                if (a.isNull(row) != e.isNull(row) || !Objects.equals(a.value(row), e.value(row))) {
                    throw new AssertionError("column '" + expected.schema().field(c).name() + "' row " + row
                            + ": expected " + describe(e, row) + " but was " + describe(a, row));
                }
            }
            if (e instanceof NullColumn) {
                assertThat(a).isInstanceOf(NullColumn.class);
            }
        }
    }

    private static String describe(Column column, int row) {
        return column.isNull(row) ? "null" : "<" + column.value(row) + ">";
    }

    static boolean[] mask(int rows, int... nullRows) {
        boolean[] mask = new boolean[rows];
        Arrays.stream(nullRows).forEach(r -> mask[r] = true);
        return mask;
    }
}
