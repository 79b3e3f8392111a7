package io.datajax.io.parquet;

import java.io.IOException;

/**
 * Decodes Parquet's RLE/bit-packing hybrid encoding (definition levels, dictionary indices, RLE booleans):
 * runs of one repeated value and groups of 8 bit-packed values, least significant bit first.
 */
final class RleDecoder {
    private final byte[] data;
    private final int end;
    private final int bitWidth;
    private final int valueBytes;
    private int position;

    /** A decoder of the bytes {@code [offset, end)} of {@code data}, with values of {@code bitWidth} bits. */
    RleDecoder(byte[] data, int offset, int end, int bitWidth) throws IOException {
        if (bitWidth < 0 || bitWidth > 32) {
            throw new IOException("RLE bit width " + bitWidth + " is outside 0..32");
        }
        this.data = data;
        this.position = offset;
        this.end = end;
        this.bitWidth = bitWidth;
        this.valueBytes = (bitWidth + 7) / 8;
    }

    /**
     * Whether the next {@code count} values are one run of {@code value}; consumes the run if so, else nothing.
     * A fast path for definition levels of pages without nulls.
     */
    boolean startsWithRun(int value, int count) throws IOException {
        int start = position;
        int header = varint();
        if ((header & 1) == 0 && (header >>> 1) >= count) {
            int repeated = 0;
            for (int b = 0; b < valueBytes; b++) {
                repeated |= (at(position++) & 0xFF) << (8 * b);
            }
            if (repeated == value) {
                return true;
            }
        }
        position = start;
        return false;
    }

    /** Decodes the next {@code count} values into {@code out[0, count)}. */
    void decode(int[] out, int count) throws IOException {
        int done = 0;
        long mask = (1L << bitWidth) - 1;
        while (done < count) {
            int header = varint();
            if ((header & 1) == 0) {
                int run = header >>> 1;
                int value = 0;
                for (int b = 0; b < valueBytes; b++) {
                    value |= (at(position++) & 0xFF) << (8 * b);
                }
                int stop = Math.min(count, done + run);
                java.util.Arrays.fill(out, done, stop, value);
                done += run;
            } else {
                int values = (header >>> 1) * 8;
                if (position + (long) (header >>> 1) * bitWidth > end) {
                    throw new IOException("bit-packed run of " + values + " values passes the end of its page");
                }
                long buffer = 0;
                int bits = 0;
                for (int k = 0; k < values; k++) {
                    while (bits < bitWidth) {
                        buffer |= (long) (data[position++] & 0xFF) << bits;
                        bits += 8;
                    }
                    if (done + k < count) {
                        out[done + k] = (int) (buffer & mask);
                    }
                    buffer >>>= bitWidth;
                    bits -= bitWidth;
                }
                done += values;
            }
        }
    }

    private int varint() throws IOException {
        int value = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            int b = at(position++);
            value |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IOException("RLE run header longer than 5 bytes");
    }

    private int at(int index) throws IOException {
        if (index >= end) {
            throw new IOException("RLE data ends early at byte " + index);
        }
        return data[index];
    }
}
