package io.datajax.io.arrow;

import static java.util.Objects.requireNonNull;

import io.datajax.io.ArrowSchemas;
import io.datajax.io.MemorySink;
import io.datajax.io.PartWriter;
import io.datajax.ir.Schema;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.util.TransferPair;
import org.apache.arrow.vector.util.VectorSchemaRootAppender;

/**
 * A sink that collects a result as Arrow batches allocated from the caller's allocator:
 * {@code fn.write(collector, inputs)}, then {@link #batches()} or {@link #root()}. The collector owns what it
 * collected until {@link #close()}; a root taken with {@link #root()} is owned by the caller. Not thread-safe;
 * one result per collector (a second write replaces the first, closing it).
 */
public final class ArrowCollector implements MemorySink, AutoCloseable {
    private final transient BufferAllocator allocator;
    private final transient List<VectorSchemaRoot> batches = new ArrayList<>();
    private transient Schema schema;

    private ArrowCollector(BufferAllocator allocator) {
        this.allocator = allocator;
    }

    /** A collector allocating from {@code allocator} (the caller's; closed by the caller after this collector). */
    public static ArrowCollector into(BufferAllocator allocator) {
        return new ArrowCollector(requireNonNull(allocator, "allocator is null"));
    }

    @Override
    public String format() {
        return "arrow-memory";
    }

    @Override
    public String directory() {
        return "";
    }

    @Override
    public boolean overwrite() {
        return true;
    }

    @Override
    public String describe() {
        return "arrow(collect)";
    }

    @Override
    public BufferAllocator allocator() {
        return allocator;
    }

    @Override
    public PartWriter open(Schema columns) {
        requireNonNull(columns, "columns is null");
        clear();
        schema = columns;
        return new PartWriter() {
            private boolean finished;

            @Override
            public void write(VectorSchemaRoot batch) {
                List<FieldVector> vectors = new ArrayList<>();
                for (FieldVector vector : batch.getFieldVectors()) {
                    TransferPair move = vector.getTransferPair(allocator);
                    move.transfer();
                    vectors.add((FieldVector) move.getTo());
                }
                batches.add(new VectorSchemaRoot(vectors));
                batches.get(batches.size() - 1).setRowCount(batch.getRowCount());
            }

            @Override
            public long finish() {
                finished = true;
                return batches.stream().mapToLong(root -> root.getFieldVectors().stream()
                        .mapToLong(FieldVector::getBufferSize).sum()).sum();
            }

            @Override
            public void close() {
                if (!finished) {
                    clear();
                }
            }
        };
    }

    /** The collected batches, in row order; owned by this collector. */
    public List<VectorSchemaRoot> batches() {
        return List.copyOf(batches);
    }

    /** The rows collected. */
    public long rowCount() {
        return batches.stream().mapToLong(VectorSchemaRoot::getRowCount).sum();
    }

    /**
     * The whole result as one new root, allocated from the collector's allocator and owned by the caller, who
     * closes it. The collector keeps (and closes) its batches.
     *
     * @throws IllegalStateException when nothing was written yet
     */
    public VectorSchemaRoot root() {
        if (schema == null) {
            throw new IllegalStateException("Nothing was collected yet: call fn.write(collector, inputs...) first.");
        }
        VectorSchemaRoot all = VectorSchemaRoot.create(ArrowSchemas.toArrow(schema), allocator);
        try {
            if (!batches.isEmpty()) {
                VectorSchemaRootAppender.append(all, batches.toArray(VectorSchemaRoot[]::new));
            }
            return all;
        } catch (RuntimeException e) {
            all.close();
            throw e;
        }
    }

    private void clear() {
        batches.forEach(VectorSchemaRoot::close);
        batches.clear();
    }

    /** Releases the collected batches. */
    @Override
    public void close() {
        clear();
    }
}
