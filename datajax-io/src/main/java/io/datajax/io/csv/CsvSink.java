package io.datajax.io.csv;

import static java.util.Objects.requireNonNull;

import io.datajax.io.FileSink;
import io.datajax.io.PartWriter;
import io.datajax.ir.Schema;
import java.nio.file.Path;
import org.apache.arrow.memory.BufferAllocator;

/**
 * A directory of CSV part files written through {@link io.datajax.io.SinkCommit}. Immutable and
 * serialisable. The header, delimiter, quote, first null token and date and timestamp formats of the options
 * are used; the schema option is not (the writer is given the columns).
 *
 * @param directory the output directory, absolute
 * @param options how values are written
 * @param overwrite whether an existing directory is replaced
 */
public record CsvSink(String directory, CsvOptions options, boolean overwrite) implements FileSink {
    public CsvSink {
        requireNonNull(directory, "directory is null");
        requireNonNull(options, "options is null");
    }

    /** A sink writing into the new directory {@code directory}. */
    public static CsvSink of(Path directory, CsvOptions options) {
        requireNonNull(directory, "directory is null");
        return new CsvSink(directory.toAbsolutePath().normalize().toString(), options, false);
    }

    /** This sink, replacing the directory if it exists. */
    public CsvSink overwriting() {
        return new CsvSink(directory, options, true);
    }

    @Override
    public String format() {
        return "csv";
    }

    @Override
    public String extension() {
        return "csv";
    }

    @Override
    public String describe() {
        String nonDefault = options.describeNonDefault();
        return "csv(" + directory + (nonDefault.isEmpty() ? "" : ", " + nonDefault) + (overwrite ? ", overwrite" : "")
                + ")";
    }

    /** A writer of the new file {@code file}; the allocator is not used (the writer holds no Arrow memory). */
    @Override
    public PartWriter open(Path file, Schema schema, BufferAllocator allocator) {
        requireNonNull(file, "file is null");
        requireNonNull(schema, "schema is null");
        return new CsvPartWriter(file, schema, options);
    }
}
