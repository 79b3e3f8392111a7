package io.datajax.tests.tables;

import java.time.LocalDate;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Builders for small Tablesaw tables with nulls, meant for {@code import static}: {@code table("t",
 * ints("a", 1, null, 3), strings("s", "x", "y", null))}. A Java {@code null} becomes a missing value.
 *
 * <p>Tablesaw stores missing values in-band (NaN for doubles, {@code Integer.MIN_VALUE} for ints,
 * {@code Long.MIN_VALUE} for longs, the empty string for strings), so those values cannot be written
 * as data; the builders reject them.
 */
public final class TestTables {
    private TestTables() {
    }

    /** A table of the given columns. */
    public static Table table(String name, Column<?>... columns) {
        return Table.create(name, columns);
    }

    /** An INT32 column. */
    public static IntColumn ints(String name, Integer... values) {
        IntColumn column = IntColumn.create(name);
        for (Integer value : values) {
            if (value == null) {
                column.appendMissing();
            } else {
                requireStorable(value != Integer.MIN_VALUE, name, value);
                column.append(value);
            }
        }
        return column;
    }

    /** An INT64 column. */
    public static LongColumn longs(String name, Long... values) {
        LongColumn column = LongColumn.create(name);
        for (Long value : values) {
            if (value == null) {
                column.appendMissing();
            } else {
                requireStorable(value != Long.MIN_VALUE, name, value);
                column.append(value);
            }
        }
        return column;
    }

    /** A FLOAT64 column. */
    public static DoubleColumn doubles(String name, Double... values) {
        DoubleColumn column = DoubleColumn.create(name);
        for (Double value : values) {
            if (value == null) {
                column.appendMissing();
            } else {
                requireStorable(!value.isNaN(), name, value);
                column.append(value);
            }
        }
        return column;
    }

    /** A STRING column. */
    public static StringColumn strings(String name, String... values) {
        StringColumn column = StringColumn.create(name);
        for (String value : values) {
            if (value == null) {
                column.appendMissing();
            } else {
                requireStorable(!value.isEmpty(), name, value);
                column.append(value);
            }
        }
        return column;
    }

    /** A BOOLEAN column. */
    public static BooleanColumn booleans(String name, Boolean... values) {
        BooleanColumn column = BooleanColumn.create(name);
        for (Boolean value : values) {
            if (value == null) {
                column.appendMissing();
            } else {
                column.append(value.booleanValue());
            }
        }
        return column;
    }

    /** A DATE column. */
    public static DateColumn dates(String name, LocalDate... values) {
        DateColumn column = DateColumn.create(name);
        for (LocalDate value : values) {
            if (value == null) {
                column.appendMissing();
            } else {
                column.append(value);
            }
        }
        return column;
    }

    /** The date {@code 2024-01-01} plus {@code days}. */
    public static LocalDate day(int days) {
        return LocalDate.of(2024, 1, 1).plusDays(days);
    }

    private static void requireStorable(boolean storable, String column, Object value) {
        if (!storable) {
            throw new IllegalArgumentException("Column '" + column + "': Tablesaw stores " + value
                    + " as its missing-value marker, so it cannot be test data; use null for a missing value.");
        }
    }
}
