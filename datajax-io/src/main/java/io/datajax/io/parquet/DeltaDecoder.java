package io.datajax.io.parquet;

import java.io.IOException;

/**
 * Decodes Parquet's DELTA_BINARY_PACKED encoding (integers as a first value and blocks of bit-packed deltas
 * above a per-block minimum), also the lengths inside DELTA_LENGTH_BYTE_ARRAY and DELTA_BYTE_ARRAY. Arithmetic
 * wraps like the writer's, so 32-bit columns come out right when truncated.
 */
final class DeltaDecoder {
    private final byte[] data;
    private final int end;
    private int position;

    /** A decoder of the bytes {@code [offset, end)} of {@code data}. */
    DeltaDecoder(byte[] data, int offset, int end) {
        this.data = data;
        this.position = offset;
        this.end = end;
    }

    /** The position after the values decoded so far. */
    int position() {
        return position;
    }

    /** Decodes one encoded run (header and blocks); its values, at least {@code expected} of them. */
    long[] decode(int expected) throws IOException {
        long blockSize = unsignedVarint();
        long miniblocks = unsignedVarint();
        long total = unsignedVarint();
        long value = zigzag(unsignedVarint());
        if (blockSize <= 0 || blockSize % 128 != 0 || miniblocks <= 0 || blockSize % miniblocks != 0
                || (blockSize / miniblocks) % 32 != 0 || total < expected || total > Integer.MAX_VALUE) {
            throw new IOException("DELTA_BINARY_PACKED header (block " + blockSize + ", miniblocks " + miniblocks
                    + ", values " + total + ") is invalid or holds fewer than " + expected + " values");
        }
        long[] values = new long[(int) total];
        int perMiniblock = (int) (blockSize / miniblocks);
        int done = 0;
        if (total > 0) {
            values[done++] = value;
        }
        int[] widths = new int[(int) miniblocks];
        while (done < total) {
            long minDelta = zigzag(unsignedVarint());
            for (int m = 0; m < miniblocks; m++) {
                widths[m] = next() & 0xFF;
                if (widths[m] > 64) {
                    throw new IOException("DELTA_BINARY_PACKED bit width " + widths[m] + " above 64");
                }
            }
            for (int m = 0; m < miniblocks && done < total; m++) {
                int width = widths[m];
                long bitStart = (long) position * 8;
                int bytes = perMiniblock * width / 8;
                if (position + (long) bytes > end) {
                    throw new IOException("DELTA_BINARY_PACKED miniblock passes the end of its page");
                }
                int take = (int) Math.min(perMiniblock, total - done);
                for (int k = 0; k < take; k++) {
                    long delta = width == 0 ? 0 : bits(bitStart + (long) k * width, width);
                    value += minDelta + delta;
                    values[done++] = value;
                }
                position += bytes;
            }
        }
        return values;
    }

    private long bits(long bitOffset, int width) {
        long result = 0;
        int got = 0;
        long at = bitOffset;
        while (got < width) {
            int index = (int) (at >>> 3);
            int shift = (int) (at & 7);
            int available = Math.min(8 - shift, width - got);
            long chunk = ((data[index] & 0xFF) >>> shift) & ((1L << available) - 1);
            result |= chunk << got;
            got += available;
            at += available;
        }
        return result;
    }

    private long unsignedVarint() throws IOException {
        long value = 0;
        for (int shift = 0; shift < 70; shift += 7) {
            int b = next();
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IOException("varint longer than 10 bytes");
    }

    private static long zigzag(long value) {
        return (value >>> 1) ^ -(value & 1);
    }

    private int next() throws IOException {
        if (position >= end) {
            throw new IOException("DELTA_BINARY_PACKED data ends early at byte " + position);
        }
        return data[position++];
    }
}
