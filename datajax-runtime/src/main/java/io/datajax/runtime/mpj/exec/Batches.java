package io.datajax.runtime.mpj.exec;

import io.datajax.ir.Field;
import io.datajax.ir.Schema;
import io.datajax.ir.error.InternalException;
import io.datajax.runtime.column.Batch;
import io.datajax.runtime.column.Column;
import java.util.ArrayList;
import java.util.List;

/** Small batch operations of the MPJ executor: empty batches, concatenation, splits, schema checks. */
final class Batches {
    private Batches() {
    }

    /** A batch of no rows. */
    static Batch empty(Schema schema) {
        List<Column> columns = new ArrayList<>(schema.size());
        for (Field field : schema.fields()) {
            columns.add(Column.of(field.type(), List.of()));
        }
        return new Batch(schema, columns, 0);
    }

    /** The rows of {@code parts} one after the other, in list order; every part has {@code schema}'s types. */
    static Batch concat(Schema schema, List<Batch> parts) {
        return as(schema, Batch.concat(schema, parts));
    }

    /** {@code batch} under {@code schema} (same column types in the same order; names and nullability from schema). */
    static Batch as(Schema schema, Batch batch) {
        if (batch.schema().equals(schema)) {
            return batch;
        }
        if (batch.schema().size() != schema.size()) {
            throw new InternalException("batch " + batch.schema() + " does not have the planned schema " + schema);
        }
        for (int i = 0; i < schema.size(); i++) {
            if (batch.column(i).type() != schema.field(i).type()) {
                throw new InternalException("batch " + batch.schema() + " does not have the planned schema " + schema);
            }
        }
        return new Batch(schema, batch.columns(), batch.rowCount());
    }

    /** Rows {@code [from, to)} of {@code batch}. */
    static Batch slice(Batch batch, int from, int to) {
        if (from == 0 && to == batch.rowCount()) {
            return batch;
        }
        int[] rows = new int[to - from];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = from + i;
        }
        return batch.gather(rows);
    }

    /** The first row of block {@code block} of {@code blocks} over {@code rows} rows (contiguous, in order). */
    static int blockStart(int rows, int blocks, int block) {
        return (int) ((long) rows * block / blocks);
    }

    /** The rows of {@code batch} split by destination, in input order within each part. */
    static Batch[] split(Batch batch, int[] destinations, int parts) {
        int[] counts = new int[parts];
        for (int d : destinations) {
            counts[d]++;
        }
        int[][] rows = new int[parts][];
        for (int p = 0; p < parts; p++) {
            rows[p] = new int[counts[p]];
        }
        int[] filled = new int[parts];
        for (int r = 0; r < destinations.length; r++) {
            int d = destinations[r];
            rows[d][filled[d]++] = r;
        }
        Batch[] out = new Batch[parts];
        for (int p = 0; p < parts; p++) {
            out[p] = counts[p] == batch.rowCount() ? batch : batch.gather(rows[p]);
        }
        return out;
    }
}
