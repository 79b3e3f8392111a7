package io.datajax.io.csv;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * A window of a file's bytes in a heap array, refilled with large positional reads. {@code buffer[0]} is the
 * file's byte {@link #base}; bytes up to {@link #limit} are valid. Not thread-safe; the caller closes the
 * channel.
 */
final class CsvInput {
    /** The longest row a read accepts, so that an unterminated quote cannot pull a whole file into memory. */
    static final int MAX_ROW_BYTES = 64 << 20;

    private final FileChannel channel;
    byte[] buffer;
    long base;
    int limit;
    boolean endOfFile;

    CsvInput(FileChannel channel, long position, int capacity) {
        this.channel = channel;
        this.buffer = new byte[capacity];
        this.base = position;
    }

    /**
     * Drops the bytes before {@code keep} and reads more after the valid ones, growing the buffer when
     * {@code keep} is 0 and the buffer is full (a row longer than the buffer). Returns false when nothing is
     * left to read (then {@link #endOfFile} is set) or the row would exceed {@link #MAX_ROW_BYTES}.
     */
    boolean refill(int keep) throws IOException {
        if (keep > 0) {
            System.arraycopy(buffer, keep, buffer, 0, limit - keep);
            limit -= keep;
            base += keep;
        } else if (limit == buffer.length) {
            if (buffer.length >= MAX_ROW_BYTES) {
                return false;
            }
            byte[] larger = new byte[Math.min(MAX_ROW_BYTES, buffer.length * 2)];
            System.arraycopy(buffer, 0, larger, 0, limit);
            buffer = larger;
        }
        int before = limit;
        ByteBuffer target = ByteBuffer.wrap(buffer, limit, buffer.length - limit);
        while (target.hasRemaining()) {
            int read = channel.read(target, base + target.position());
            if (read < 0) {
                endOfFile = true;
                break;
            }
        }
        limit = target.position();
        return limit > before;
    }
}
