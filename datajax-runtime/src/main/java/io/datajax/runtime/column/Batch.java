package io.datajax.runtime.column;

import static java.util.Objects.requireNonNull;

import io.datajax.ir.Schema;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows of data as columns: a schema, one column per field with that field's type, and a row count.
 * Immutable.
 */
public record Batch(Schema schema, List<Column> columns, int rowCount) {
    public Batch {
        requireNonNull(schema, "schema is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        if (rowCount < 0) {
            throw new IllegalArgumentException("negative row count " + rowCount);
        }
        if (columns.size() != schema.size()) {
            throw new IllegalArgumentException("schema " + schema + " has " + schema.size() + " fields but "
                    + columns.size() + " columns were given");
        }
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            if (column.type() != schema.field(i).type()) {
                throw new IllegalArgumentException("column '" + schema.field(i).name() + "' is declared "
                        + schema.field(i).type() + " but holds " + column.type());
            }
            if (column.length() != rowCount) {
                throw new IllegalArgumentException("column '" + schema.field(i).name() + "' has " + column.length()
                        + " rows, the batch " + rowCount);
            }
        }
    }

    /** A batch whose row count is taken from its columns (0 when there are none). */
    public static Batch of(Schema schema, List<Column> columns) {
        return new Batch(schema, columns, columns.isEmpty() ? 0 : columns.get(0).length());
    }

    /** The column at a position. */
    public Column column(int index) {
        return columns.get(index);
    }

    /** The column of that name. */
    public Column column(String name) {
        return columns.get(schema.indexOf(schema.field(name).name()));
    }

    /** A batch of the given rows of this one, in the given order (see {@link Column#gather}). */
    public Batch gather(int[] rows) {
        List<Column> out = new ArrayList<>(columns.size());
        for (Column column : columns) {
            out.add(column.gather(rows));
        }
        return new Batch(schema, out, rows.length);
    }

    /** An estimate of the heap bytes the columns hold. */
    public long estimatedBytes() {
        long bytes = 0;
        for (Column column : columns) {
            bytes += column.estimatedBytes();
        }
        return bytes;
    }

    /**
     * The rows of {@code parts} one after the other, in list order, under {@code schema}; every part has
     * {@code schema}'s column types in order. Empty parts are skipped; a single non-empty part is returned as
     * is (with its own schema).
     */
    public static Batch concat(Schema schema, List<Batch> parts) {
        List<Batch> nonEmpty = new ArrayList<>(parts.size());
        int rows = 0;
        for (Batch part : parts) {
            if (part.rowCount() > 0) {
                nonEmpty.add(part);
                rows += part.rowCount();
            }
        }
        if (nonEmpty.size() == 1) {
            return nonEmpty.get(0);
        }
        List<Column> columns = new ArrayList<>(schema.size());
        for (int c = 0; c < schema.size(); c++) {
            if (nonEmpty.isEmpty()) {
                columns.add(Column.of(schema.field(c).type(), List.of()));
                continue;
            }
            Column column = nonEmpty.get(0).column(c);
            for (int p = 1; p < nonEmpty.size(); p++) {
                column = column.concat(nonEmpty.get(p).column(c));
            }
            columns.add(column);
        }
        return new Batch(schema, columns, rows);
    }
}
