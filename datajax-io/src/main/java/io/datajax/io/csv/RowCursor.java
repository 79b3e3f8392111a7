package io.datajax.io.csv;

import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.ExecutionException;
import java.io.IOException;

/**
 * Steps through the rows of a file from a position, refilling its {@link CsvInput} as needed; after
 * {@link #next()} the row's fields are in the {@link RowSplitter} and its bytes are
 * {@code input.buffer[rowStart, rowEnd)}. Not thread-safe.
 */
final class RowCursor {
    final CsvInput input;
    final RowSplitter splitter;
    private int position;
    int rowStart;
    int rowEnd;
    /** Whether {@link #next()} has found a row, so that {@link #rowStart} and {@link #rowEnd} are set. */
    boolean hasRow;

    private final String file;

    RowCursor(String file, CsvInput input, RowSplitter splitter) {
        this.file = file;
        this.input = input;
        this.splitter = splitter;
    }

    /** The file offset of the next row (or of the end of the rows). */
    long offset() {
        return input.base + position;
    }

    /** The file offset of the current row. */
    long rowOffset() {
        return input.base + rowStart;
    }

    /** Skips a UTF-8 byte order mark at the start of the file. */
    void skipByteOrderMark() throws IOException {
        if (input.limit < 3 && !input.endOfFile) {
            input.refill(position);
            position = 0;
        }
        byte[] b = input.buffer;
        if (input.limit - position >= 3 && b[position] == (byte) 0xEF && b[position + 1] == (byte) 0xBB
                && b[position + 2] == (byte) 0xBF) {
            position += 3;
        }
    }

    /** Moves past the next LF; false if there is none. */
    boolean skipPastNewline() throws IOException {
        while (true) {
            byte[] b = input.buffer;
            for (int i = position; i < input.limit; i++) {
                if (b[i] == '\n') {
                    position = i + 1;
                    return true;
                }
            }
            position = input.limit;
            if (input.endOfFile || !input.refill(position)) {
                return false;
            }
            position = 0;
        }
    }

    /**
     * Splits the next row; false at the end of the file.
     *
     * @throws ExecutionException MALFORMED_INPUT when a row exceeds {@link CsvInput#MAX_ROW_BYTES}
     */
    boolean next() throws IOException {
        while (true) {
            if (position < input.limit) {
                int end = splitter.split(input.buffer, position, input.limit, input.endOfFile);
                if (end != RowSplitter.NEED_MORE) {
                    rowStart = position;
                    hasRow = true;
                    rowEnd = end;
                    position = end;
                    return true;
                }
            } else if (input.endOfFile) {
                return false;
            }
            int keep = position;
            boolean more = input.refill(keep);
            position = 0;
            if (!more && !input.endOfFile) {
                throw new ExecutionException(ErrorCode.MALFORMED_INPUT, CsvMessages.rowTooLong(file, input.base));
            }
        }
    }
}
