package io.datajax.io.ipc;

import io.datajax.io.ArrowSchemas;
import io.datajax.io.BatchConsumer;
import io.datajax.ir.Schema;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.dictionary.DictionaryEncoder;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Hands the record batch an IPC reader has loaded on to a consumer: only the requested columns, dictionary
 * columns decoded, every field typed exactly as {@link ArrowSchemas} maps the source's schema, and split into
 * batches of at most the requested rows.
 */
final class IpcBatches {
    private IpcBatches() {
    }

    /**
     * Moves the {@code columns} of {@code loaded} (a reader's root, emptied by the call) into a batch owned by
     * {@code allocator}, hands it on in slices of at most {@code batchRows} rows and closes it.
     *
     * @return the rows handed on
     */
    static long forward(VectorSchemaRoot loaded, DictionaryProvider dictionaries, Schema schema,
            List<String> columns, int batchRows, BufferAllocator allocator, BatchConsumer consumer) {
        int rows = loaded.getRowCount();
        List<FieldVector> vectors = new ArrayList<>(columns.size());
        try {
            for (String column : columns) {
                vectors.add(take(loaded.getVector(column), ArrowSchemas.toArrow(schema.field(column)),
                        dictionaries, allocator));
            }
            try (VectorSchemaRoot batch = new VectorSchemaRoot(new ArrayList<>(vectors))) {
                vectors.clear();
                batch.setRowCount(rows);
                if (rows <= batchRows) {
                    hand(consumer, batch);
                } else {
                    for (int from = 0; from < rows; from += batchRows) {
                        try (VectorSchemaRoot slice = batch.slice(from, Math.min(batchRows, rows - from))) {
                            hand(consumer, slice);
                        }
                    }
                }
            }
        } finally {
            vectors.forEach(FieldVector::close);
        }
        return rows;
    }

    /** A failure of the consumer, carried past the reader's handlers of malformed-input errors. */
    static final class ConsumerFailure extends RuntimeException {
        ConsumerFailure(RuntimeException cause) {
            super(cause);
        }

        /** The consumer's exception. */
        RuntimeException consumerException() {
            return (RuntimeException) getCause();
        }
    }

    private static void hand(BatchConsumer consumer, VectorSchemaRoot batch) {
        try {
            consumer.accept(batch);
        } catch (RuntimeException e) {
            throw new ConsumerFailure(e);
        }
    }

    /** The values of {@code source} in a new vector of field {@code target}, decoding a dictionary column. */
    private static FieldVector take(FieldVector source, Field target, DictionaryProvider dictionaries,
            BufferAllocator allocator) {
        FieldVector result = target.createVector(allocator);
        try {
            DictionaryEncoding encoding = source.getField().getDictionary();
            if (encoding == null) {
                source.makeTransferPair(result).transfer();
                return result;
            }
            Dictionary dictionary = dictionaries.lookup(encoding.getId());
            try (ValueVector decoded = DictionaryEncoder.decode(source, dictionary, allocator)) {
                decoded.makeTransferPair(result).transfer();
            }
            return result;
        } catch (RuntimeException e) {
            result.close();
            throw e;
        }
    }
}
