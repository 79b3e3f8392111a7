package io.datajax.runtime.tablesaw;

import io.datajax.ir.DataType;
import io.datajax.ir.Field;
import io.datajax.ir.Schema;
import io.datajax.ir.error.InternalException;
import io.datajax.runtime.column.Batch;
import io.datajax.runtime.column.BooleanColumn;
import io.datajax.runtime.column.Column;
import io.datajax.runtime.column.DoubleColumn;
import io.datajax.runtime.column.IntColumn;
import io.datajax.runtime.column.LongColumn;
import io.datajax.runtime.column.StringColumn;
import io.datajax.runtime.kernel.RuntimeErrors;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.ShortColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.dates.PackedLocalDate;
import tech.tablesaw.columns.datetimes.PackedLocalDateTime;

/**
 * Converts Tablesaw tables to {@link Batch}es and back, copying data (the caller's table is never
 * modified or shared). Tablesaw's missing values are DataJax nulls.
 *
 * <p>Type mapping: {@code IntColumn} and {@code ShortColumn} read as INT32, {@code LongColumn} as INT64,
 * {@code DoubleColumn} and {@code FloatColumn} as FLOAT64, {@code BooleanColumn} as BOOLEAN,
 * {@code StringColumn} as STRING, {@code DateColumn} as DATE, {@code DateTimeColumn} as TIMESTAMP. Output
 * writes INT32, INT64, FLOAT64, BOOLEAN, STRING, DATE and TIMESTAMP to the {@code IntColumn},
 * {@code LongColumn}, {@code DoubleColumn}, {@code BooleanColumn}, {@code StringColumn}, {@code DateColumn}
 * and {@code DateTimeColumn} of the same name, in schema order.
 *
 * <p>Tablesaw limitations (Tablesaw marks missing values with sentinels, so some values cannot be told
 * apart from missing there; within DataJax they stay distinct):
 * <ul>
 *   <li>NaN: a Tablesaw {@code DoubleColumn} treats NaN as missing, so a NaN read from Tablesaw becomes
 *       null, and a NaN DataJax computes (e.g. {@code 0.0 / 0.0}) shows as missing in the output table;</li>
 *   <li>the empty string is Tablesaw's missing string: every {@code ""} reads as null (also one set with
 *       {@code setMissing}, which Tablesaw 0.44 does not report through {@code isMissing}), and a computed
 *       {@code ""} shows as missing;</li>
 *   <li>{@link Integer#MIN_VALUE} (INT32) and {@link Long#MIN_VALUE} (INT64) are Tablesaw's missing
 *       markers: they read as null and show as missing;</li>
 *   <li>{@code DateTimeColumn} holds milliseconds, so TIMESTAMP output is truncated toward the past to the
 *       millisecond (DataJax computes in microseconds).</li>
 * </ul>
 */
public final class TablesawConverter {
    private TablesawConverter() {
    }

    /** The DataJax type a Tablesaw column reads as. */
    public static DataType typeOf(tech.tablesaw.columns.Column<?> column) {
        ColumnType type = column.type();
        if (type == ColumnType.INTEGER || type == ColumnType.SHORT) {
            return DataType.INT32;
        } else if (type == ColumnType.LONG) {
            return DataType.INT64;
        } else if (type == ColumnType.DOUBLE || type == ColumnType.FLOAT) {
            return DataType.FLOAT64;
        } else if (type == ColumnType.BOOLEAN) {
            return DataType.BOOLEAN;
        } else if (type == ColumnType.STRING) {
            return DataType.STRING;
        } else if (type == ColumnType.LOCAL_DATE) {
            return DataType.DATE;
        } else if (type == ColumnType.LOCAL_DATE_TIME) {
            return DataType.TIMESTAMP;
        }
        throw RuntimeErrors.unsupportedTablesawColumn(column.name(), type.name());
    }

    /** The schema a table reads as; every field nullable. */
    public static Schema schemaOf(Table table) {
        List<Field> fields = new ArrayList<>(table.columnCount());
        for (tech.tablesaw.columns.Column<?> column : table.columns()) {
            fields.add(Field.of(column.name(), typeOf(column)));
        }
        return new Schema(fields);
    }

    /** A batch with a copy of the table's data; the table is not modified. */
    public static Batch toBatch(Table table) {
        Schema schema = schemaOf(table);
        List<Column> columns = new ArrayList<>(table.columnCount());
        for (tech.tablesaw.columns.Column<?> column : table.columns()) {
            columns.add(toColumn(column));
        }
        return new Batch(schema, columns, table.rowCount());
    }

    /** A copy of one Tablesaw column's data. */
    public static Column toColumn(tech.tablesaw.columns.Column<?> column) {
        int n = column.size();
        boolean[] nulls = missingMask(column);
        DataType type = typeOf(column);
        switch (type) {
            case INT32: {
                if (column instanceof ShortColumn shorts) {
                    int[] values = new int[n];
                    for (int i = 0; i < n; i++) {
                        values[i] = shorts.getShort(i);
                    }
                    return new IntColumn(type, values, nulls);
                }
                return new IntColumn(type, zeroNulls(((tech.tablesaw.api.IntColumn) column).asIntArray(), nulls), nulls);
            }
            case INT64: {
                long[] values = ((tech.tablesaw.api.LongColumn) column).asLongArray();
                if (nulls != null) {
                    for (int i = 0; i < n; i++) {
                        values[i] = nulls[i] ? 0 : values[i];
                    }
                }
                return new LongColumn(type, values, nulls);
            }
            case FLOAT64: {
                double[] values = new double[n];
                if (column instanceof FloatColumn floats) {
                    for (int i = 0; i < n; i++) {
                        values[i] = floats.getFloat(i);
                    }
                } else {
                    values = ((tech.tablesaw.api.DoubleColumn) column).asDoubleArray();
                }
                if (nulls != null) {
                    for (int i = 0; i < n; i++) {
                        values[i] = nulls[i] ? 0 : values[i];
                    }
                }
                return new DoubleColumn(values, nulls);
            }
            case BOOLEAN: {
                tech.tablesaw.api.BooleanColumn booleans = (tech.tablesaw.api.BooleanColumn) column;
                boolean[] values = new boolean[n];
                for (int i = 0; i < n; i++) {
                    values[i] = Boolean.TRUE.equals(booleans.get(i));
                }
                return new BooleanColumn(values, nulls);
            }
            case STRING: {
                // Tablesaw stores a missing string as "" but StringColumn.setMissing does not make isMissing
                // true (0.44.4), so "" itself is what marks a missing string here.
                tech.tablesaw.api.StringColumn strings = (tech.tablesaw.api.StringColumn) column;
                String[] values = new String[n];
                for (int i = 0; i < n; i++) {
                    String value = strings.get(i);
                    if ((nulls != null && nulls[i]) || value == null || value.isEmpty()) {
                        if (nulls == null) {
                            nulls = new boolean[n];
                        }
                        nulls[i] = true;
                    } else {
                        values[i] = value;
                    }
                }
                return new StringColumn(values, nulls);
            }
            case DATE: {
                DateColumn dates = (DateColumn) column;
                int[] values = new int[n];
                for (int i = 0; i < n; i++) {
                    values[i] = nulls != null && nulls[i] ? 0 : (int) PackedLocalDate.toEpochDay(dates.getIntInternal(i));
                }
                return new IntColumn(type, values, nulls);
            }
            case TIMESTAMP: {
                DateTimeColumn times = (DateTimeColumn) column;
                long[] values = new long[n];
                for (int i = 0; i < n; i++) {
                    values[i] = nulls != null && nulls[i] ? 0
                            : Column.toEpochMicros(PackedLocalDateTime.asLocalDateTime(times.getLongInternal(i)));
                }
                return new LongColumn(type, values, nulls);
            }
            default:
                throw new InternalException("unmapped type " + type);
        }
    }

    /** A new Tablesaw table named {@code name} with the batch's columns, names and types, in schema order. */
    public static Table toTable(String name, Batch batch) {
        List<tech.tablesaw.columns.Column<?>> columns = new ArrayList<>(batch.schema().size());
        for (int i = 0; i < batch.schema().size(); i++) {
            columns.add(toTablesawColumn(batch.schema().field(i).name(), batch.column(i)));
        }
        return Table.create(name, columns);
    }

    /** A new Tablesaw column with a copy of the column's data; nulls become missing values. */
    public static tech.tablesaw.columns.Column<?> toTablesawColumn(String name, Column column) {
        int n = column.length();
        switch (column.type()) {
            case INT32: {
                tech.tablesaw.api.IntColumn out = tech.tablesaw.api.IntColumn.create(name, ((IntColumn) column).values().clone());
                return markMissing(out, column);
            }
            case INT64: {
                tech.tablesaw.api.LongColumn out = tech.tablesaw.api.LongColumn.create(name, ((LongColumn) column).values().clone());
                return markMissing(out, column);
            }
            case FLOAT64: {
                tech.tablesaw.api.DoubleColumn out = tech.tablesaw.api.DoubleColumn.create(name, ((DoubleColumn) column).values().clone());
                return markMissing(out, column);
            }
            case BOOLEAN: {
                tech.tablesaw.api.BooleanColumn out = tech.tablesaw.api.BooleanColumn.create(name);
                boolean[] values = ((BooleanColumn) column).values();
                for (int i = 0; i < n; i++) {
                    if (column.isNull(i)) {
                        out.appendMissing();
                    } else {
                        out.append(values[i]);
                    }
                }
                return out;
            }
            case STRING: {
                // appendMissing (unlike setMissing) makes Tablesaw's isMissing true.
                tech.tablesaw.api.StringColumn out = tech.tablesaw.api.StringColumn.create(name);
                String[] values = ((StringColumn) column).values();
                for (int i = 0; i < n; i++) {
                    if (column.isNull(i)) {
                        out.appendMissing();
                    } else {
                        out.append(values[i]);
                    }
                }
                return out;
            }
            case DATE: {
                int[] days = ((IntColumn) column).values();
                int[] packed = new int[n];
                for (int i = 0; i < n; i++) {
                    packed[i] = column.isNull(i) ? Integer.MIN_VALUE : PackedLocalDate.pack(LocalDate.ofEpochDay(days[i]));
                }
                return DateColumn.createInternal(name, packed);
            }
            case TIMESTAMP: {
                long[] micros = ((LongColumn) column).values();
                long[] packed = new long[n];
                for (int i = 0; i < n; i++) {
                    packed[i] = column.isNull(i) ? Long.MIN_VALUE
                            : PackedLocalDateTime.pack(Column.fromEpochMicros(Math.floorDiv(micros[i], 1000L) * 1000L));
                }
                return DateTimeColumn.createInternal(name, packed);
            }
            default:
                throw new InternalException("column '" + name + "' of type " + column.type() + " cannot be output");
        }
    }

    private static <C extends tech.tablesaw.columns.Column<?>> C markMissing(C out, Column column) {
        if (column.hasNulls()) {
            for (int i = 0; i < column.length(); i++) {
                if (column.isNull(i)) {
                    out.setMissing(i);
                }
            }
        }
        return out;
    }

    private static boolean[] missingMask(tech.tablesaw.columns.Column<?> column) {
        boolean[] mask = null;
        for (int i = 0; i < column.size(); i++) {
            if (column.isMissing(i)) {
                if (mask == null) {
                    mask = new boolean[column.size()];
                }
                mask[i] = true;
            }
        }
        return mask;
    }

    private static int[] zeroNulls(int[] values, boolean[] nulls) {
        if (nulls != null) {
            for (int i = 0; i < values.length; i++) {
                values[i] = nulls[i] ? 0 : values[i];
            }
        }
        return values;
    }
}
