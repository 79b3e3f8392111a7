package io.datajax.tests.oracle;

import io.datajax.tests.oracle.Pipeline.Meta;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A generated input table: its columns and rows (null for missing), convertible to Tablesaw.
 *
 * @param name the table name, also the DuckDB table name
 * @param columns the columns
 * @param rows the rows, each holding Integer, Long, Double, String, Boolean or LocalDate cells or null
 */
record RandomTable(String name, List<Meta> columns, List<List<Object>> rows) {

    /** The table as Tablesaw columns. */
    Table toTablesaw() {
        List<Column<?>> out = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            Meta meta = columns.get(c);
            Column<?> column = switch (meta.type()) {
                case INT32 -> IntColumn.create(meta.name());
                case INT64 -> LongColumn.create(meta.name());
                case FLOAT64 -> DoubleColumn.create(meta.name());
                case STRING -> StringColumn.create(meta.name());
                case BOOLEAN -> BooleanColumn.create(meta.name());
                case DATE -> DateColumn.create(meta.name());
                default -> throw new IllegalStateException(meta.type().toString());
            };
            for (List<Object> row : rows) {
                Object value = row.get(c);
                if (value == null) {
                    column.appendMissing();
                } else if (column instanceof BooleanColumn b) {
                    b.append(((Boolean) value).booleanValue());
                } else if (column instanceof DateColumn d) {
                    d.append((LocalDate) value);
                } else {
                    appendValue(column, value);
                }
            }
            out.add(column);
        }
        return Table.create(name, out.toArray(Column<?>[]::new));
    }

    @SuppressWarnings("unchecked")
    private static <T> void appendValue(Column<T> column, Object value) {
        column.append((T) value);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(name).append(columns).append(", ").append(rows.size()).append(" rows\n");
        for (List<Object> row : rows) {
            out.append("    ").append(row).append('\n');
        }
        return out.toString();
    }
}
