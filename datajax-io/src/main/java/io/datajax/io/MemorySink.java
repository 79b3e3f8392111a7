package io.datajax.io;

import io.datajax.ir.Schema;
import io.datajax.ir.source.DataSink;
import org.apache.arrow.memory.BufferAllocator;

/**
 * A {@link DataSink} that keeps the result in this process's memory (no directory, nothing to commit). The MPJ
 * driver gathers the result and writes it here itself.
 */
public interface MemorySink extends DataSink {

    /**
     * The allocator the writer's batches must come from: the sink takes their buffers over without a copy.
     */
    BufferAllocator allocator();

    /**
     * A writer of the result, whose columns are {@code schema}; finish it once every batch is written. The
     * writer takes over the buffers of every batch written (allocated from {@link #allocator()}), leaving the
     * batch's vectors empty.
     */
    PartWriter open(Schema schema);
}
