package io.datajax.runtime.arrow;

import static java.util.Objects.requireNonNull;

import io.datajax.ir.Schema;
import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.ExecutionException;
import io.datajax.runtime.column.Batch;
import io.datajax.runtime.column.Column;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Builds one {@link Batch} from successive Arrow batches of one schema, copying their rows onto the heap as
 * they arrive (the Arrow batches stay owned by the caller and can be closed right after {@link #append}). Not
 * thread-safe.
 */
public final class ArrowBatchBuilder {
    private final Schema schema;
    private final ColumnAccumulator[] columns;
    private long rows;

    /** A builder of batches with {@code schema}, expecting about {@code rowHint} rows. */
    public ArrowBatchBuilder(Schema schema, int rowHint) {
        this.schema = requireNonNull(schema, "schema is null");
        this.columns = new ColumnAccumulator[schema.size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = new ColumnAccumulator(schema.field(i).name(), schema.field(i).type(), rowHint);
        }
    }

    /**
     * Appends the rows of {@code root}, whose columns must be this builder's schema's, in order, as plain
     * (not dictionary-encoded) vectors.
     */
    public void append(VectorSchemaRoot root) {
        requireNonNull(root, "root is null");
        if (root.getFieldVectors().size() != columns.length) {
            throw new ExecutionException(ErrorCode.EXECUTION_FAILED, "An Arrow batch has "
                    + root.getFieldVectors().size() + " columns where " + columns.length + " (" + schema
                    + ") were expected.");
        }
        int count = root.getRowCount();
        if (rows + count > Integer.MAX_VALUE - 8) {
            throw new ExecutionException(ErrorCode.RESOURCE_EXHAUSTED, "More than " + (Integer.MAX_VALUE - 8)
                    + " rows in one batch; read fewer rows per rank (more ranks, or a filter).");
        }
        for (int i = 0; i < columns.length; i++) {
            columns[i].append(root.getVector(i), count, null);
        }
        rows += count;
    }

    /** The rows appended so far. */
    public long rowCount() {
        return rows;
    }

    /** The batch of every row appended; the builder must not be used afterwards. */
    public Batch build() {
        List<Column> out = new ArrayList<>(columns.length);
        for (ColumnAccumulator column : columns) {
            out.add(column.finish());
        }
        return new Batch(schema, out, (int) rows);
    }
}
