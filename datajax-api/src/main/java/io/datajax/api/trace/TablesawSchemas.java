package io.datajax.api.trace;

import io.datajax.ir.DataType;
import io.datajax.ir.Field;
import io.datajax.ir.Schema;
import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.SchemaException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Maps Tablesaw column types to DataJax types; every input column is nullable (Tablesaw allows missing values). */
public final class TablesawSchemas {
    private TablesawSchemas() {
    }

    /** The schema of a table. */
    public static Schema schemaOf(Table table) {
        List<Field> fields = new ArrayList<>(table.columnCount());
        for (Column<?> column : table.columns()) {
            fields.add(Field.of(column.name(), typeOf(column.type(), table.name(), column.name())));
        }
        return new Schema(fields);
    }

    /**
     * The DataJax type of a Tablesaw column type, or empty when DataJax does not read it. Matched by name:
     * Tablesaw can hold two instances of one type (its static initialisation order differs with the first
     * class touched), so identity fails.
     */
    public static Optional<DataType> find(ColumnType type) {
        switch (type.name()) {
            case "BOOLEAN":
                return Optional.of(DataType.BOOLEAN);
            case "INTEGER":
            case "SHORT":
                return Optional.of(DataType.INT32);
            case "LONG":
                return Optional.of(DataType.INT64);
            case "DOUBLE":
            case "FLOAT":
                return Optional.of(DataType.FLOAT64);
            case "STRING":
                return Optional.of(DataType.STRING);
            case "LOCAL_DATE":
                return Optional.of(DataType.DATE);
            case "LOCAL_DATE_TIME":
                return Optional.of(DataType.TIMESTAMP);
            default:
                return Optional.empty();
        }
    }

    /** The DataJax type of a Tablesaw column type; an error naming the table and column when unsupported. */
    public static DataType typeOf(ColumnType type, String table, String column) {
        return find(type).orElseThrow(() -> unsupported(type, table, column));
    }

    private static SchemaException unsupported(ColumnType type, String table, String column) {
        return new SchemaException(ErrorCode.TYPE_MISMATCH, "Column '" + column + "' of table '" + table + "' has Tablesaw"
                + " type " + type.name() + ", which DataJax does not support. Supported: BOOLEAN, SHORT, INTEGER, LONG,"
                + " FLOAT, DOUBLE, STRING, LOCAL_DATE, LOCAL_DATE_TIME. Convert the column first.");
    }
}
