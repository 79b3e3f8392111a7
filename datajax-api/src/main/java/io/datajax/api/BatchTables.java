package io.datajax.api;

import io.datajax.api.trace.TablesawSchemas;
import io.datajax.ir.Field;
import io.datajax.ir.Schema;
import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.TracingException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.selection.BitmapBackedSelection;
import tech.tablesaw.selection.Selection;

/**
 * The tables of a {@code vmap} batch stacked into one table with an item index column, and a batched result split
 * back into one table per item.
 */
final class BatchTables {
    private BatchTables() {
    }

    /**
     * The items' rows one after another, plus {@link Batching#ITEM} (the item's index).
     *
     * @param argument the argument's name, for errors
     * @throws TracingException (INPUT_MISMATCH) when an item is null or its schema differs from item 0's
     */
    static Table stack(String argument, List<Table> items) {
        Schema first = schemaOf(argument, items, 0);
        for (int i = 1; i < items.size(); i++) {
            requireSameSchema(argument, first, schemaOf(argument, items, i), i);
        }
        Table head = items.get(0);
        if (first.contains(Batching.ITEM)) {
            throw new TracingException(ErrorCode.INPUT_MISMATCH, "The tables given to vmap for '" + argument + "'"
                    + " have a column named " + Batching.ITEM + ", which vmap uses itself; rename it.");
        }
        int total = 0;
        for (Table item : items) {
            total = Math.addExact(total, item.rowCount());
        }
        Table stacked = Table.create(head.name());
        for (int c = 0; c < head.columnCount(); c++) {
            stacked.addColumns(stackColumn(items, c, total));
        }
        int[] index = new int[total];
        int row = 0;
        for (int i = 0; i < items.size(); i++) {
            int rows = items.get(i).rowCount();
            java.util.Arrays.fill(index, row, row + rows, i);
            row += rows;
        }
        stacked.addColumns(IntColumn.create(Batching.ITEM, index));
        return stacked;
    }

    /**
     * Column {@code c} of every item, one after another. Numeric columns are copied as arrays (Tablesaw's missing
     * value markers included); other types are appended value by value.
     */
    private static Column<?> stackColumn(List<Table> items, int c, int total) {
        Column<?> first = items.get(0).column(c);
        String name = first.name();
        if (first instanceof DoubleColumn) {
            double[] values = new double[total];
            int at = 0;
            for (Table item : items) {
                double[] part = ((DoubleColumn) item.column(c)).asDoubleArray();
                System.arraycopy(part, 0, values, at, part.length);
                at += part.length;
            }
            return DoubleColumn.create(name, values);
        }
        if (first instanceof LongColumn) {
            long[] values = new long[total];
            int at = 0;
            for (Table item : items) {
                long[] part = ((LongColumn) item.column(c)).asLongArray();
                System.arraycopy(part, 0, values, at, part.length);
                at += part.length;
            }
            return LongColumn.create(name, values);
        }
        if (first instanceof IntColumn) {
            int[] values = new int[total];
            int at = 0;
            for (Table item : items) {
                int[] part = ((IntColumn) item.column(c)).asIntArray();
                System.arraycopy(part, 0, values, at, part.length);
                at += part.length;
            }
            return IntColumn.create(name, values);
        }
        @SuppressWarnings("unchecked")
        Column<Object> column = (Column<Object>) first.emptyCopy(0);
        for (Table item : items) {
            @SuppressWarnings("unchecked")
            Column<Object> part = (Column<Object>) item.column(c);
            column.append(part);
        }
        return column;
    }

    /** A table of the item indexes {@code 0..count-1} (the batch's domain). */
    static Table domain(int count) {
        int[] index = new int[count];
        for (int i = 0; i < count; i++) {
            index[i] = i;
        }
        return Table.create("vmap items", IntColumn.create(Batching.ITEM, index));
    }

    /** One table per item of {@code result}'s rows (in their order), without the index column. */
    static List<Table> split(Table result, int count) {
        IntColumn index = result.intColumn(Batching.ITEM);
        int rows = result.rowCount();
        int[] sizes = new int[count];
        boolean contiguous = true;
        int previous = 0;
        for (int r = 0; r < rows; r++) {
            int item = index.getInt(r);
            sizes[item]++;
            contiguous &= item >= previous;
            previous = item;
        }
        Table values = result.copy().removeColumns(Batching.ITEM);
        List<Table> out = new ArrayList<>(count);
        if (contiguous) {
            int start = 0;
            for (int i = 0; i < count; i++) {
                out.add(values.inRange(start, start + sizes[i]));
                start += sizes[i];
            }
            return out;
        }
        List<Selection> selections = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            selections.add(new BitmapBackedSelection());
        }
        for (int r = 0; r < rows; r++) {
            selections.get(index.getInt(r)).add(r);
        }
        for (Selection selection : selections) {
            out.add(values.where(selection));
        }
        return out;
    }

    private static Schema schemaOf(String argument, List<Table> items, int i) {
        Table item = items.get(i);
        if (item == null) {
            throw new TracingException(ErrorCode.INPUT_MISMATCH, "Item " + i + " of the batch given to vmap for '"
                    + argument + "' is null; pass a Table (an empty one is fine).");
        }
        return TablesawSchemas.schemaOf(item);
    }

    private static void requireSameSchema(String argument, Schema first, Schema other, int i) {
        if (first.equals(other)) {
            return;
        }
        String where = "Item " + i + " of the batch given to vmap for '" + argument + "'";
        Set<String> missing = new LinkedHashSet<>(first.names());
        missing.removeAll(other.names());
        Set<String> extra = new LinkedHashSet<>(other.names());
        extra.removeAll(first.names());
        List<String> differences = new ArrayList<>();
        if (!missing.isEmpty()) {
            differences.add("lacks column(s) " + missing);
        }
        if (!extra.isEmpty()) {
            differences.add("has extra column(s) " + extra);
        }
        for (Field field : other.fields()) {
            first.find(field.name()).filter(f -> f.type() != field.type()).ifPresent(f -> differences.add("has '"
                    + field.name() + "' as " + field.type() + " where item 0 has " + f.type()));
        }
        if (differences.isEmpty()) {
            differences.add("has the columns in another order " + other.names() + " (item 0: " + first.names() + ")");
        }
        throw new TracingException(ErrorCode.INPUT_MISMATCH, where + " " + String.join(", ", differences)
                + "; every item of a batch needs item 0's schema " + first + ". Select or cast the columns so that"
                + " they match, or run the odd item separately.");
    }
}
