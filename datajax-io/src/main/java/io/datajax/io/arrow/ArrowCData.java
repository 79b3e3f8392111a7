package io.datajax.io.arrow;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.List;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Hand-off through the Arrow C Data Interface: results exported as an {@link ArrowArrayStream} that a native
 * consumer (DuckDB, Arrow C++, pyarrow) reads without a copy, and streams a native producer exported imported
 * as an {@link ArrowReader} to use with {@link ArrowSources#of(ArrowReader)}.
 */
public final class ArrowCData {
    private ArrowCData() {
    }

    /**
     * Exports {@code batches} (all of one schema, e.g. {@link ArrowCollector#batches()}) into {@code stream}.
     * The consumer reads the batches' buffers in place; the batches must stay open until it has released the
     * stream. The stream's private data is allocated from {@code allocator}.
     */
    public static void exportStream(List<VectorSchemaRoot> batches, Schema schema, BufferAllocator allocator,
            ArrowArrayStream stream) {
        requireNonNull(batches, "batches is null");
        Data.exportArrayStream(allocator, new BatchListReader(allocator, schema, batches), stream);
    }

    /** The stream a native producer exported into {@code stream}, as a reader allocating from {@code allocator}. */
    public static ArrowReader importStream(ArrowArrayStream stream, BufferAllocator allocator) {
        return Data.importArrayStream(allocator, requireNonNull(stream, "stream is null"));
    }

    /** An ArrowReader over batches already in memory: each load shares the next batch's buffers. */
    private static final class BatchListReader extends ArrowReader {
        private final Schema schema;
        private final List<VectorSchemaRoot> batches;
        private int next;

        BatchListReader(BufferAllocator allocator, Schema schema, List<VectorSchemaRoot> batches) {
            super(allocator);
            this.schema = requireNonNull(schema, "schema is null");
            this.batches = List.copyOf(batches);
        }

        @Override
        public boolean loadNextBatch() throws IOException {
            if (next >= batches.size()) {
                return false;
            }
            try (ArrowRecordBatch batch = new VectorUnloader(batches.get(next++)).getRecordBatch()) {
                loadRecordBatch(batch);
            }
            return true;
        }

        @Override
        public long bytesRead() {
            return 0;
        }

        @Override
        protected void closeReadSource() {
        }

        @Override
        protected Schema readSchema() {
            return schema;
        }
    }
}
