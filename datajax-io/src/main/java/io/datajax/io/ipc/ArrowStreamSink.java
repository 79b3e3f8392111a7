package io.datajax.io.ipc;

import static java.util.Objects.requireNonNull;

import io.datajax.io.FileSink;
import io.datajax.io.PartWriter;
import io.datajax.ir.Schema;
import java.nio.file.Path;
import org.apache.arrow.memory.BufferAllocator;

/**
 * An output directory of Arrow IPC streams (extension {@code .arrows}), one per written part, committed
 * atomically by {@link io.datajax.io.SinkCommit}; {@link ArrowStreamSource#of} reads it back. Each batch written
 * becomes one record batch. Immutable; compares structurally.
 *
 * @param directory the output directory, absolute
 * @param overwrite whether an existing directory is replaced
 */
public record ArrowStreamSink(String directory, boolean overwrite) implements FileSink {
    public ArrowStreamSink {
        requireNonNull(directory, "directory is null");
    }

    /** A sink writing into the new directory {@code directory}. */
    public static ArrowStreamSink of(Path directory) {
        return new ArrowStreamSink(directory.toAbsolutePath().normalize().toString(), false);
    }

    /** This sink, replacing the directory if it exists. */
    public ArrowStreamSink overwriting() {
        return new ArrowStreamSink(directory, true);
    }

    @Override
    public String format() {
        return ArrowStreamSource.FORMAT;
    }

    @Override
    public String extension() {
        return ArrowStreamSource.EXTENSION;
    }

    @Override
    public PartWriter open(Path file, Schema schema, BufferAllocator allocator) {
        requireNonNull(file, "file is null");
        requireNonNull(schema, "schema is null");
        requireNonNull(allocator, "allocator is null");
        return IpcPartWriter.open(file, format(), schema, allocator);
    }

    @Override
    public String describe() {
        return format() + "(" + directory + (overwrite ? ", overwrite" : "") + ")";
    }
}
