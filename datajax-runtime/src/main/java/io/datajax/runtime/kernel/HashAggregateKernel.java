package io.datajax.runtime.kernel;

import io.datajax.ir.Field;
import io.datajax.ir.Schema;
import io.datajax.ir.plan.AggCall;
import io.datajax.ir.plan.SortKey;
import io.datajax.runtime.column.Batch;
import io.datajax.runtime.column.Column;
import java.util.ArrayList;
import java.util.List;

/**
 * Groups rows by key columns with a hash table and computes aggregates per group. Output: the key columns,
 * then one column per aggregate; one row per distinct key, sorted by key ascending with nulls last
 * (lexicographic over several keys; NaN above numbers, below null). Null keys form one group, all NaNs
 * one group, {@code -0.0} and {@code 0.0} one group. With no keys the output is exactly one row, also for
 * empty input.
 */
public final class HashAggregateKernel {
    private HashAggregateKernel() {
    }

    /** Aggregates {@code input} by the named key columns. */
    public static Batch aggregate(List<String> keys, List<AggCall> calls, Batch input) {
        return aggregate(keys, calls, input, new MemoryMeter());
    }

    /** Aggregates {@code input} by the named key columns, recording working memory in {@code meter}. */
    public static Batch aggregate(List<String> keys, List<AggCall> calls, Batch input, MemoryMeter meter) {
        int rows = input.rowCount();
        int[] groupOf = new int[rows];
        List<Column> keyColumns = new ArrayList<>(keys.size());
        for (String key : keys) {
            keyColumns.add(input.column(key));
        }
        int groups;
        int[] firstRows;
        if (keys.isEmpty()) {
            groups = 1;
            firstRows = new int[0];
        } else {
            KeyEncoder encoder = new KeyEncoder(keys.size());
            EncodedKeys encoded = encoder.encode(keyColumns, true);
            KeyTable table = new KeyTable(keys.size(), Math.min(rows, 1 << 16));
            IntArrayBuilder first = new IntArrayBuilder(16);
            for (int row = 0; row < rows; row++) {
                int group = table.findOrInsert(encoded, row);
                if (group == first.size()) {
                    first.add(row);
                }
                groupOf[row] = group;
            }
            groups = table.size();
            firstRows = first.toArray();
            meter.add(table.estimatedBytes() + encoder.estimatedBytes() + 4L * rows + 8L * rows * keys.size());
        }
        List<Field> fields = new ArrayList<>();
        List<Column> columns = new ArrayList<>();
        for (int k = 0; k < keys.size(); k++) {
            fields.add(input.schema().field(keys.get(k)));
            columns.add(keyColumns.get(k).gather(firstRows));
        }
        for (AggCall call : calls) {
            Column argument = call.argument().map(arg -> ExpressionEvaluator.evaluate(arg, input)).orElse(null);
            fields.add(call.field());
            columns.add(AggregateAccumulator.compute(call, argument, groupOf, groups));
        }
        Batch grouped = new Batch(new Schema(fields), columns, groups);
        if (keys.isEmpty()) {
            return grouped;
        }
        List<SortKey> order = new ArrayList<>(keys.size());
        for (String key : keys) {
            order.add(new SortKey(key, true, false));
        }
        return SortKernel.sort(grouped, order);
    }
}
