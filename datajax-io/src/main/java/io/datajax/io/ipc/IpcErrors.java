package io.datajax.io.ipc;

import io.datajax.ir.Schema;
import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.ExecutionException;
import io.datajax.ir.error.ResourceException;
import io.datajax.ir.error.SchemaException;
import java.io.IOException;

/** The error messages of the Arrow IPC readers and writers, built in one place. */
final class IpcErrors {
    private IpcErrors() {
    }

    /** A file that is not a valid Arrow IPC file or stream of the expected format. */
    static ExecutionException malformed(String file, String format, Throwable cause) {
        return new ExecutionException(ErrorCode.MALFORMED_INPUT, "File " + file + " is not a valid " + format
                + " (" + describe(format) + "): " + cause + ". It may be truncated, corrupt or of another format;"
                + " rewrite it, or read it with the source of its format.", cause);
    }

    /** A file that is not a valid Arrow IPC file or stream, found without an exception. */
    static ExecutionException malformed(String file, String format, String detail) {
        return new ExecutionException(ErrorCode.MALFORMED_INPUT, "File " + file + " is not a valid " + format
                + " (" + describe(format) + "): " + detail + ". It may be truncated, corrupt or of another format;"
                + " rewrite it, or read it with the source of its format.");
    }

    /** A file whose schema differs from the first file's. */
    static SchemaException schemaDiffers(String file, Schema schema, String first, Schema expected) {
        return SchemaException.typeMismatch("file " + file, "its columns " + schema + " differ from those of the"
                + " first file " + first + ", " + expected + ". Every file of a source must have the same columns;"
                + " read the files as separate sources or rewrite them.");
    }

    /** A part that no longer matches its file (the file changed after the parts were listed). */
    static ExecutionException partChanged(String file, int index, String detail) {
        return new ExecutionException(ErrorCode.MALFORMED_INPUT, "Record batch " + index + " of " + file
                + " is not where the source's parts say (" + detail + "); the file changed after the parts were"
                + " listed. List the parts again.");
    }

    /** A failed read or write. */
    static ResourceException ioFailed(String what, IOException cause) {
        return new ResourceException(ErrorCode.IO_FAILED, "Could not " + what + ": " + cause
                + ". Check the path, its permissions and free space.", cause);
    }

    private static String describe(String format) {
        return format.equals(ArrowFileSource.FORMAT) ? "Arrow IPC file format, extension .arrow"
                : "Arrow IPC stream format, extension .arrows";
    }
}
