package io.datajax.io.parquet;

import static java.util.Objects.requireNonNull;

import io.datajax.io.FileSink;
import io.datajax.io.PartWriter;
import io.datajax.ir.DataType;
import io.datajax.ir.Field;
import io.datajax.ir.Schema;
import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.SchemaException;
import java.nio.file.Path;
import org.apache.arrow.memory.BufferAllocator;

/**
 * An output directory of Parquet files, one per written part, committed atomically by
 * {@link io.datajax.io.SinkCommit}; {@link ParquetSource#of} (or DuckDB's {@code read_parquet}) reads it back.
 * Columns are optional, PLAIN-encoded with min/max/null-count statistics, in row groups of
 * {@code rowGroupRows} rows. Immutable; compares structurally.
 *
 * @param directory the output directory, absolute
 * @param overwrite whether an existing directory is replaced
 * @param rowGroupRows the rows of each row group (the last of a file may have fewer)
 * @param compression the page codec
 * @param statistics whether column statistics are written (off only to test readers without them)
 */
public record ParquetSink(String directory, boolean overwrite, int rowGroupRows, ParquetCompression compression,
        boolean statistics) implements FileSink {
    /** The default rows per row group: about DuckDB's default (122,880), a few MB for a few columns. */
    public static final int DEFAULT_ROW_GROUP_ROWS = 131_072;

    public ParquetSink {
        requireNonNull(directory, "directory is null");
        requireNonNull(compression, "compression is null");
        if (rowGroupRows <= 0) {
            throw new SchemaException(ErrorCode.INVALID_ARGUMENT, "Parquet row groups need at least one row, not "
                    + rowGroupRows + ". Pass a positive count to withRowGroupRows (default "
                    + DEFAULT_ROW_GROUP_ROWS + ").");
        }
    }

    /** A sink writing into the new directory {@code directory}, SNAPPY-compressed, with statistics. */
    public static ParquetSink of(Path directory) {
        return new ParquetSink(directory.toAbsolutePath().normalize().toString(), false, DEFAULT_ROW_GROUP_ROWS,
                ParquetCompression.SNAPPY, true);
    }

    /** This sink, replacing the directory if it exists. */
    public ParquetSink overwriting() {
        return new ParquetSink(directory, true, rowGroupRows, compression, statistics);
    }

    /** This sink with {@code rows} rows per row group. */
    public ParquetSink withRowGroupRows(int rows) {
        return new ParquetSink(directory, overwrite, rows, compression, statistics);
    }

    /** This sink with page codec {@code codec}. */
    public ParquetSink withCompression(ParquetCompression codec) {
        return new ParquetSink(directory, overwrite, rowGroupRows, codec, statistics);
    }

    /** This sink writing column statistics or not. */
    public ParquetSink withStatistics(boolean write) {
        return new ParquetSink(directory, overwrite, rowGroupRows, compression, write);
    }

    @Override
    public String format() {
        return ParquetSource.FORMAT;
    }

    @Override
    public String extension() {
        return ParquetSource.EXTENSION;
    }

    /**
     * A writer of a new Parquet file.
     *
     * @throws SchemaException TYPE_MISMATCH for a column of type NULL, which Parquet cannot hold
     */
    @Override
    public PartWriter open(Path file, Schema schema, BufferAllocator allocator) {
        requireNonNull(file, "file is null");
        requireNonNull(schema, "schema is null");
        requireNonNull(allocator, "allocator is null");
        for (Field field : schema.fields()) {
            if (field.type() == DataType.NULL) {
                throw SchemaException.typeMismatch("Parquet output column '" + field.name() + "'", "type NULL has no"
                        + " Parquet type. Cast the column to a concrete type before writing it.");
            }
        }
        return new ParquetPartWriter(file, schema, compression, rowGroupRows, statistics);
    }

    @Override
    public String describe() {
        return format() + "(" + directory + (overwrite ? ", overwrite" : "") + ", " + compression + ", row groups of "
                + rowGroupRows + " rows" + (statistics ? "" : ", no statistics") + ")";
    }
}
