package io.datajax.runtime.arrow;

import static java.util.Objects.requireNonNull;

import io.datajax.io.ArrowSchemas;
import io.datajax.ir.DataType;
import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.ExecutionException;
import io.datajax.ir.error.InternalException;
import io.datajax.ir.error.SchemaException;
import io.datajax.runtime.column.Batch;
import io.datajax.runtime.column.BooleanColumn;
import io.datajax.runtime.column.Column;
import io.datajax.runtime.column.DoubleColumn;
import io.datajax.runtime.column.IntColumn;
import io.datajax.runtime.column.LongColumn;
import io.datajax.runtime.column.StringColumn;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.Types.MinorType;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Batch &lt;-&gt; Arrow conversion, exact for every DataJax type and null.
 *
 * <p>Type mapping (both directions, nullability kept): BOOLEAN - Bool, INT32 - Int(32, signed), INT64 -
 * Int(64, signed), FLOAT64 - FloatingPoint(DOUBLE), STRING - Utf8, DATE - Date(DAY), TIMESTAMP -
 * Timestamp(MICROSECOND, no zone), and the untyped NULL - Null. Any other Arrow type is rejected with a
 * {@link SchemaException} naming the field. Values are copied in bulk; a batch and the vectors never share
 * memory.
 */
public final class ArrowBatches {
    private ArrowBatches() {
    }

    /**
     * A new VectorSchemaRoot holding a copy of batch, allocated from allocator; the caller closes it. Row count,
     * names, types, nullability, nulls and values are kept; dictionary-encoded string columns are written as plain
     * Utf8.
     */
    public static VectorSchemaRoot toArrow(Batch batch, BufferAllocator allocator) {
        requireNonNull(batch, "batch is null");
        requireNonNull(allocator, "allocator is null");
        VectorSchemaRoot root = VectorSchemaRoot.create(arrowSchema(batch.schema()), allocator);
        try {
            int rows = batch.rowCount();
            for (int i = 0; i < batch.columns().size(); i++) {
                Column column = batch.column(i);
                Utf8Values utf8 = column instanceof StringColumn strings ? Utf8Values.of(strings) : null;
                fill(root.getVector(i), column, utf8, 0, rows);
            }
            root.setRowCount(rows);
            return root;
        } catch (RuntimeException | Error e) {
            root.close();
            throw e;
        }
    }

    /**
     * Hands the rows of {@code batch} to {@code consumer} as Arrow batches of at most {@code maxRows} rows (at
     * least one batch, empty for an empty input). One VectorSchemaRoot, allocated from {@code allocator}, is
     * refilled for each slice and closed before this method returns: the consumer must not keep it.
     */
    public static void forEachSlice(Batch batch, int maxRows, BufferAllocator allocator,
            java.util.function.Consumer<VectorSchemaRoot> consumer) {
        requireNonNull(batch, "batch is null");
        requireNonNull(allocator, "allocator is null");
        requireNonNull(consumer, "consumer is null");
        if (maxRows <= 0) {
            throw new IllegalArgumentException("maxRows must be positive: " + maxRows);
        }
        try (VectorSchemaRoot root = VectorSchemaRoot.create(arrowSchema(batch.schema()), allocator)) {
            int columns = batch.columns().size();
            Utf8Values[] utf8 = new Utf8Values[columns];
            for (int i = 0; i < columns; i++) {
                if (batch.column(i) instanceof StringColumn strings) {
                    utf8[i] = Utf8Values.of(strings);
                }
            }
            int rows = batch.rowCount();
            int from = 0;
            do {
                int count = Math.min(maxRows, rows - from);
                for (int i = 0; i < columns; i++) {
                    fill(root.getVector(i), batch.column(i), utf8[i], from, count);
                }
                root.setRowCount(count);
                consumer.accept(root);
                from += count;
            } while (from < rows);
        }
    }

    /**
     * A Batch copied out of root (root stays owned by the caller). Schema from the Arrow field metadata/types.
     *
     * @throws SchemaException (TYPE_MISMATCH) for a field of an unsupported or dictionary-encoded type
     * @throws ExecutionException (EXECUTION_FAILED) when a vector's buffers are too small for its row count
     */
    public static Batch fromArrow(VectorSchemaRoot root) {
        requireNonNull(root, "root is null");
        io.datajax.ir.Schema schema = dataJaxSchema(root.getSchema());
        int rows = root.getRowCount();
        List<Column> columns = new ArrayList<>(schema.size());
        for (int i = 0; i < schema.size(); i++) {
            ColumnAccumulator column = new ColumnAccumulator(schema.field(i).name(), schema.field(i).type(), rows);
            column.append(root.getVector(i), rows, null);
            columns.add(column.finish());
        }
        return new Batch(schema, columns, rows);
    }

    /**
     * The Arrow schema for a DataJax schema (types: BOOLEAN->Bit, INT32->Int(32), INT64->Int(64),
     * FLOAT64->FloatingPoint(DOUBLE), STRING->Utf8, DATE->Date(DAY), TIMESTAMP->Timestamp(MICROSECOND, no zone));
     * nullability kept.
     */
    public static Schema arrowSchema(io.datajax.ir.Schema schema) {
        return ArrowSchemas.toArrow(schema);
    }

    /**
     * The DataJax schema of an Arrow schema: names, types and nullability (see the class comment for the type
     * mapping). A dictionary-encoded field in message form (value type Utf8) is a STRING.
     *
     * @throws SchemaException TYPE_MISMATCH naming the field and its type when the type has no DataJax
     *     equivalent; DUPLICATE_COLUMN or INVALID_ARGUMENT for repeated or empty names
     */
    public static io.datajax.ir.Schema dataJaxSchema(Schema schema) {
        return ArrowSchemas.fromArrow(schema);
    }

    static Field arrowField(io.datajax.ir.Field field) {
        return ArrowSchemas.toArrow(field);
    }

    static ArrowType arrowType(DataType type) {
        return ArrowSchemas.arrowType(type);
    }

    /** The DataJax field of an Arrow field whose values have type {@code valueType}. */
    static io.datajax.ir.Field dataJaxField(Field field, ArrowType valueType) {
        return ArrowSchemas.fromArrow(field, valueType);
    }

    /** The vector kind that holds a DataJax type. */
    static MinorType minorType(DataType type) {
        return ArrowSchemas.minorType(type);
    }

    /**
     * Replaces the contents of {@code vector} (of the kind {@link #minorType} names for the column's type) with
     * a copy of rows {@code [from, from + count)} of {@code column}; {@code utf8} holds the column's bytes when
     * it is a string column.
     */
    static void fill(FieldVector vector, Column column, Utf8Values utf8, int from, int count) {
        boolean[] nulls = column.nulls();
        switch (column.type()) {
            case BOOLEAN -> {
                BaseFixedWidthVector v = (BaseFixedWidthVector) vector;
                v.allocateNew(count);
                ArrowMemory.putBits(v.getValidityBuffer(), nulls, from, count, true);
                ArrowMemory.putBits(v.getDataBuffer(), ((BooleanColumn) column).values(), from, count, false);
                v.setValueCount(count);
            }
            case INT32, DATE -> {
                BaseFixedWidthVector v = (BaseFixedWidthVector) vector;
                v.allocateNew(count);
                ArrowMemory.putBits(v.getValidityBuffer(), nulls, from, count, true);
                ArrowMemory.putInts(v.getDataBuffer(), ((IntColumn) column).values(), from, count);
                v.setValueCount(count);
            }
            case INT64, TIMESTAMP -> {
                BaseFixedWidthVector v = (BaseFixedWidthVector) vector;
                v.allocateNew(count);
                ArrowMemory.putBits(v.getValidityBuffer(), nulls, from, count, true);
                ArrowMemory.putLongs(v.getDataBuffer(), ((LongColumn) column).values(), from, count);
                v.setValueCount(count);
            }
            case FLOAT64 -> {
                BaseFixedWidthVector v = (BaseFixedWidthVector) vector;
                v.allocateNew(count);
                ArrowMemory.putBits(v.getValidityBuffer(), nulls, from, count, true);
                ArrowMemory.putDoubles(v.getDataBuffer(), ((DoubleColumn) column).values(), from, count);
                v.setValueCount(count);
            }
            case STRING -> fillUtf8((VarCharVector) vector, utf8, from, count);
            case NULL -> ((NullVector) vector).setValueCount(count);
            default -> throw new InternalException("no Arrow vector for " + column.type());
        }
    }

    private static final int STAGE_BYTES = 1 << 16;

    /** Replaces the contents of a Utf8 vector with rows {@code [from, from + count)} of {@code utf8}. */
    static void fillUtf8(VarCharVector vector, Utf8Values utf8, int from, int count) {
        long total = utf8.totalBytes(from, count);
        if (total > Integer.MAX_VALUE) {
            throw new ExecutionException(ErrorCode.EXECUTION_FAILED, "Column '" + vector.getName() + "' holds "
                    + total + " bytes of UTF-8 in " + count + " rows; an Arrow Utf8 vector holds at most "
                    + Integer.MAX_VALUE + ". Split the batch (ArrowIpc.write splits by bytes).");
        }
        vector.allocateNew(total, count);
        long base = vector.getDataBuffer().memoryAddress();
        int[] offsets = new int[count + 1];
        byte[] validity = new byte[(count + 7) >>> 3];
        // Small strings go through a heap staging area so memory is written in large blocks.
        byte[] stage = new byte[(int) Math.min(total, STAGE_BYTES)];
        int stageLength = 0;
        int position = 0;
        for (int i = 0; i < count; i++) {
            byte[] bytes = utf8.bytes(from + i);
            if (bytes != null) {
                validity[i >>> 3] |= (byte) (1 << (i & 7));
                int length = bytes.length;
                if (length > stage.length - stageLength) {
                    ArrowMemory.putBytes(base + position - stageLength, stage, 0, stageLength);
                    stageLength = 0;
                }
                if (length > stage.length) {
                    ArrowMemory.putBytes(base + position, bytes, 0, length);
                } else {
                    System.arraycopy(bytes, 0, stage, stageLength, length);
                    stageLength += length;
                }
                position += length;
            }
            offsets[i + 1] = position;
        }
        ArrowMemory.putBytes(base + position - stageLength, stage, 0, stageLength);
        ArrowMemory.putInts(vector.getOffsetBuffer(), offsets, 0, count + 1);
        ArrowMemory.putBytes(vector.getValidityBuffer().memoryAddress(), validity, 0, validity.length);
        vector.setLastSet(count - 1);
        vector.setValueCount(count);
    }

    /** Fails unless {@code buffer} holds at least {@code bytes} bytes. */
    static void requireCapacity(FieldVector vector, ArrowBuf buffer, long bytes, String what, int rows) {
        if (buffer.capacity() < bytes) {
            throw new ExecutionException(ErrorCode.EXECUTION_FAILED, "Arrow vector '" + vector.getName() + "' has a "
                    + what + " buffer of " + buffer.capacity() + " bytes; " + rows + " rows need " + bytes
                    + ". The data is corrupt or was not written by Arrow.");
        }
    }
}
