package io.datajax.io.parquet;

import io.datajax.ir.Schema;
import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.ExecutionException;
import io.datajax.ir.error.ResourceException;
import io.datajax.ir.error.SchemaException;
import java.io.IOException;

/** The error messages of the Parquet reader and writer, built in one place. */
final class ParquetErrors {
    private ParquetErrors() {
    }

    /** A file that is not valid Parquet. */
    static ExecutionException malformed(String file, String detail, Throwable cause) {
        return new ExecutionException(ErrorCode.MALFORMED_INPUT, "File " + file + " is not a valid Parquet file: "
                + detail + (cause == null ? "" : " (" + cause + ")") + ". It may be truncated, corrupt or of another"
                + " format; rewrite it, or read it with the source of its format.", cause);
    }

    /** A column whose Parquet type has no DataJax equivalent. */
    static SchemaException unsupportedType(String file, String column, String parquetType) {
        return SchemaException.typeMismatch("Parquet column '" + column + "' of " + file, "its type " + parquetType
                + " has no DataJax equivalent. Supported: boolean; int32 (plain, INTEGER(32, signed) or DATE);"
                + " int64 (plain, INTEGER(64, signed) or TIMESTAMP(MICROS, not adjusted to UTC)); double; binary"
                + " (STRING); all required or optional, not repeated or nested. Cast the column in the writer"
                + " (e.g. to BIGINT, DOUBLE, VARCHAR, DATE or TIMESTAMP).");
    }

    /** A page encoding or codec the reader does not decode. */
    static ExecutionException unsupportedEncoding(String file, String column, String what) {
        return new ExecutionException(ErrorCode.MALFORMED_INPUT, "Parquet column '" + column + "' of " + file
                + " uses " + what + ", which this reader does not decode. Supported: PLAIN, PLAIN_DICTIONARY,"
                + " RLE_DICTIONARY, DELTA_BINARY_PACKED, DELTA_LENGTH_BYTE_ARRAY and BYTE_STREAM_SPLIT values, RLE"
                + " levels, data pages v1 and v2, codecs UNCOMPRESSED, SNAPPY, GZIP, ZSTD"
                + " and LZ4_RAW. Rewrite the file with those (e.g. with DuckDB).");
    }

    /** A file whose schema differs from the first file's. */
    static SchemaException schemaDiffers(String file, Schema schema, String first, Schema expected) {
        return SchemaException.typeMismatch("file " + file, "its columns " + schema + " differ from those of the"
                + " first file " + first + ", " + expected + ". Every file of a source must have the same columns;"
                + " read the files as separate sources or rewrite them.");
    }

    /** A failed read or write. */
    static ResourceException ioFailed(String what, IOException cause) {
        return new ResourceException(ErrorCode.IO_FAILED, "Could not " + what + ": " + cause
                + ". Check the path, its permissions and free space.", cause);
    }
}
