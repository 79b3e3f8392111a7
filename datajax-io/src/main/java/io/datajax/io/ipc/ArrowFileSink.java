package io.datajax.io.ipc;

import static java.util.Objects.requireNonNull;

import io.datajax.io.FileSink;
import io.datajax.io.PartWriter;
import io.datajax.ir.Schema;
import java.nio.file.Path;
import org.apache.arrow.memory.BufferAllocator;

/**
 * An output directory of Arrow IPC files (extension {@code .arrow}), one per written part, committed
 * atomically by {@link io.datajax.io.SinkCommit}; {@link ArrowFileSource#of} reads it back. Each batch written
 * becomes one record batch. Immutable; compares structurally.
 *
 * @param directory the output directory, absolute
 * @param overwrite whether an existing directory is replaced
 */
public record ArrowFileSink(String directory, boolean overwrite) implements FileSink {
    public ArrowFileSink {
        requireNonNull(directory, "directory is null");
    }

    /** A sink writing into the new directory {@code directory}. */
    public static ArrowFileSink of(Path directory) {
        return new ArrowFileSink(directory.toAbsolutePath().normalize().toString(), false);
    }

    /** This sink, replacing the directory if it exists. */
    public ArrowFileSink overwriting() {
        return new ArrowFileSink(directory, true);
    }

    @Override
    public String format() {
        return ArrowFileSource.FORMAT;
    }

    @Override
    public String extension() {
        return ArrowFileSource.EXTENSION;
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
