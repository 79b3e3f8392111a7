package io.datajax.io;

import org.apache.arrow.vector.VectorSchemaRoot;

/** Receives the batches a {@link FileSource} reads; a batch is valid only during the call. */
@FunctionalInterface
public interface BatchConsumer {

    /** Takes one batch; copy what must outlive the call. */
    void accept(VectorSchemaRoot batch);
}
