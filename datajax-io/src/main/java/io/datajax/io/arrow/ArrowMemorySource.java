package io.datajax.io.arrow;

import static java.util.Objects.requireNonNull;

import io.datajax.io.ArrowSchemas;
import io.datajax.io.BatchConsumer;
import io.datajax.io.FileSource;
import io.datajax.io.ReadRequest;
import io.datajax.io.ReadStats;
import io.datajax.io.SourcePart;
import io.datajax.ir.Schema;
import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.ExecutionException;
import io.datajax.ir.error.ResourceException;
import java.io.IOException;
import java.io.ObjectStreamException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Arrow data in this process's memory as a source: one {@link VectorSchemaRoot}, or the batches of an
 * {@link ArrowReader}. The caller keeps ownership of both and closes them after the call that reads them; a
 * reader is read once, so a new source is needed per call. Sources of one kind and schema are equal, so calls
 * on new data reuse the plan (see {@link io.datajax.ir.source.DataSource#inMemory()}). Batches are handed to
 * the consumer whole (not cut to {@code batchRows}), as views of the caller's vectors. Not serialisable to
 * another process: its serial form is a description that cannot be read.
 */
public final class ArrowMemorySource implements FileSource {
    private final transient VectorSchemaRoot root;
    private final transient ArrowReader reader;
    private final transient AtomicBoolean consumed = new AtomicBoolean();
    private final Schema schema;

    private ArrowMemorySource(VectorSchemaRoot root, ArrowReader reader, Schema schema) {
        this.root = root;
        this.reader = reader;
        this.schema = schema;
    }

    static ArrowMemorySource of(VectorSchemaRoot root) {
        requireNonNull(root, "root is null");
        return new ArrowMemorySource(root, null, ArrowSchemas.fromArrow(root.getSchema()));
    }

    static ArrowMemorySource of(ArrowReader reader) {
        requireNonNull(reader, "reader is null");
        try {
            return new ArrowMemorySource(null, reader, ArrowSchemas.fromArrow(reader.getVectorSchemaRoot().getSchema()));
        } catch (IOException e) {
            throw new ResourceException(ErrorCode.IO_FAILED, "Could not read the schema of an Arrow stream: " + e, e);
        }
    }

    @Override
    public String format() {
        return "arrow-memory";
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public List<String> files() {
        return List.of();
    }

    @Override
    public boolean inMemory() {
        return true;
    }

    @Override
    public String describe() {
        return (root != null ? "arrow(root)" : "arrow(stream)");
    }

    @Override
    public Parts parts(ReadRequest request) {
        return new Parts(List.of(new SourcePart("memory", 0, 0, 0)), 0, 0);
    }

    @Override
    public ReadStats read(SourcePart part, ReadRequest request, BufferAllocator allocator, BatchConsumer consumer) {
        requireNonNull(request, "request is null");
        requireNonNull(consumer, "consumer is null");
        if (root != null) {
            consumer.accept(view(root, request.columns()));
            return new ReadStats(root.getRowCount(), 0, List.of());
        }
        if (!consumed.compareAndSet(false, true)) {
            throw new ExecutionException(ErrorCode.INVALID_ARGUMENT, "The Arrow stream source was read already: a"
                    + " stream is read once. Make a new source for every call: ArrowSources.of(newReader).");
        }
        long rows = 0;
        try {
            while (reader.loadNextBatch()) {
                VectorSchemaRoot batch = reader.getVectorSchemaRoot();
                rows += batch.getRowCount();
                consumer.accept(view(batch, request.columns()));
            }
        } catch (IOException e) {
            throw new ResourceException(ErrorCode.IO_FAILED, "Could not read the next batch of an Arrow stream: "
                    + e, e);
        }
        return new ReadStats(rows, 0, List.of());
    }

    /** A root over {@code columns} of {@code batch}, sharing its vectors (never close it). */
    private VectorSchemaRoot view(VectorSchemaRoot batch, List<String> columns) {
        Schema actual = ArrowSchemas.fromArrow(batch.getSchema());
        if (!actual.equals(schema)) {
            throw new ExecutionException(ErrorCode.INPUT_MISMATCH, "An Arrow batch has schema "
                    + actual + " where " + schema + " was expected: every batch"
                    + " of a stream must have the schema of its first.");
        }
        List<Field> fields = new ArrayList<>(columns.size());
        List<FieldVector> vectors = new ArrayList<>(columns.size());
        for (String column : columns) {
            FieldVector vector = batch.getVector(column);
            fields.add(vector.getField());
            vectors.add(vector);
        }
        return new VectorSchemaRoot(fields, vectors, batch.getRowCount());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ArrowMemorySource that && (root == null) == (that.root == null)
                && schema.equals(that.schema);
    }

    @Override
    public int hashCode() {
        return schema.hashCode() * 31 + (root == null ? 1 : 0);
    }

    @Override
    public String toString() {
        return describe() + " " + schema;
    }

    private Object writeReplace() throws ObjectStreamException {
        return new Detached(describe(), schema);
    }

    /**
     * What an in-memory source becomes in another process: its description, which cannot be read (the driver
     * reads in-memory data itself and ships the rows).
     */
    record Detached(String description, Schema schema) implements FileSource, Serializable {
        @Override
        public String format() {
            return "arrow-memory";
        }

        @Override
        public List<String> files() {
            return List.of();
        }

        @Override
        public String describe() {
            return description;
        }

        @Override
        public boolean inMemory() {
            return true;
        }

        @Override
        public Parts parts(ReadRequest request) {
            return new Parts(List.of(new SourcePart("memory", 0, 0, 0)), 0, 0);
        }

        @Override
        public ReadStats read(SourcePart part, ReadRequest request, BufferAllocator allocator,
                BatchConsumer consumer) {
            throw new ExecutionException(ErrorCode.INVALID_PLAN, "In-memory Arrow data (" + description + ") can"
                    + " only be read in the process that holds it; the executor should have shipped its rows. This"
                    + " is a bug.");
        }
    }
}
