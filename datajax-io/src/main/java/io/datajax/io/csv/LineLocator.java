package io.datajax.io.csv;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Finds the 1-based line number of a file offset by counting line feeds before it. Used only on the error
 * path, so reading a part never counts lines; successive lookups at growing offsets count each byte once.
 */
final class LineLocator {
    private final FileChannel channel;
    private ByteBuffer chunk;
    private long countedTo;
    private long lineFeeds;

    LineLocator(FileChannel channel) {
        this.channel = channel;
    }

    /** The line on which the byte at {@code offset} lies. */
    long lineAt(long offset) throws IOException {
        if (offset < countedTo) {
            countedTo = 0;
            lineFeeds = 0;
        }
        if (chunk == null) {
            chunk = ByteBuffer.allocate(1 << 16);
        }
        while (countedTo < offset) {
            chunk.clear();
            chunk.limit((int) Math.min(chunk.capacity(), offset - countedTo));
            int read = channel.read(chunk, countedTo);
            if (read <= 0) {
                break;
            }
            byte[] bytes = chunk.array();
            for (int i = 0; i < read; i++) {
                if (bytes[i] == '\n') {
                    lineFeeds++;
                }
            }
            countedTo += read;
        }
        return lineFeeds + 1;
    }
}
