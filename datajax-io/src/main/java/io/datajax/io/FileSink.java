package io.datajax.io;

import io.datajax.ir.Schema;
import io.datajax.ir.source.DataSink;
import java.nio.file.Path;
import org.apache.arrow.memory.BufferAllocator;

/** A {@link DataSink} that writes parts as files of one format. */
public interface FileSink extends DataSink {

    /** The file name extension of the parts, without the dot, e.g. {@code "csv"}. */
    String extension();

    /**
     * A writer of one new file at {@code file} with columns {@code schema}. The caller writes batches, then
     * {@link PartWriter#finish()}es; closing an unfinished writer deletes what it wrote.
     *
     * @throws io.datajax.ir.error.ResourceException (IO_FAILED) when the file cannot be created
     */
    PartWriter open(Path file, Schema schema, BufferAllocator allocator);
}
