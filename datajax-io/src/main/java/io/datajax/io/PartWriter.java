package io.datajax.io;

import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Writes one part file. Not thread-safe. {@link #close()} without {@link #finish()} deletes the file, so a
 * failed write leaves nothing behind.
 */
public interface PartWriter extends AutoCloseable {

    /** Appends the rows of {@code batch} (the caller keeps ownership), whose schema is the writer's. */
    void write(VectorSchemaRoot batch);

    /** Completes the file and closes it; returns the bytes written. */
    long finish();

    /** Releases the writer; deletes the file unless {@link #finish()} completed. */
    @Override
    void close();
}
