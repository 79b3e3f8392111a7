package io.datajax.io.parquet;

import java.io.IOException;

/**
 * Decodes Parquet's RLE/bit-packing hybrid encoding (definition levels, dictionary indices, RLE booleans):
 * runs of one repeated value and groups of 8 bit-packed values, least significant bit first.
 */
final class RleDecoder {
    private static final java.lang.invoke.VarHandle LONG = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
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
                int take = Math.min(values, count - done);
                long base = (long) position * 8;
                int fast = 0;
                if (bitWidth > 0) {
                    // One unaligned little-endian 8-byte read per value while 8 bytes remain in the array.
                    long lastFast = ((long) data.length - Long.BYTES) * 8;
                    while (fast < take && base + (long) fast * bitWidth <= lastFast) {
                        long bit = base + (long) fast * bitWidth;
                        long word = (long) LONG.get(data, (int) (bit >>> 3));
                        out[done + fast] = (int) ((word >>> (bit & 7)) & mask);
                        fast++;
                    }
                }
                for (int k = fast; k < take; k++) {
                    out[done + k] = (int) (bitWidth == 0 ? 0 : slowBits(base + (long) k * bitWidth, mask));
                }
                position += (header >>> 1) * bitWidth;
                done += values;
            }
        }
    }

    private long slowBits(long bit, long mask) {
        long value = 0;
        int got = 0;
        long at = bit;
        while (got < bitWidth) {
            int shift = (int) (at & 7);
            int available = Math.min(8 - shift, bitWidth - got);
            value |= (long) (((data[(int) (at >>> 3)] & 0xFF) >>> shift) & ((1 << available) - 1)) << got;
            got += available;
            at += available;
        }
        return value & mask;
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
