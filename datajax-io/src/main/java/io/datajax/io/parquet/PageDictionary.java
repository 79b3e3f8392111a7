package io.datajax.io.parquet;

import io.datajax.ir.DataType;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/** The decoded dictionary page of a column chunk, and the lookup of dictionary-encoded pages in it. Immutable. */
final class PageDictionary {
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final DataType type;
    private final int size;
    private final long[] longs;
    private final int[] ints;
    private final byte[][] strings;

    private PageDictionary(DataType type, int size, long[] longs, int[] ints, byte[][] strings) {
        this.type = type;
        this.size = size;
        this.longs = longs;
        this.ints = ints;
        this.strings = strings;
    }

    /**
     * The {@code size} PLAIN values in the first {@code length} bytes of {@code page}.
     *
     * @return the dictionary, or null when {@code type} has no dictionaries
     */
    static PageDictionary read(DataType type, byte[] page, int length, int size) throws IOException {
        if (size < 0) {
            throw new IOException("dictionary of " + size + " values");
        }
        switch (type) {
            case INT64, FLOAT64, TIMESTAMP -> {
                check(length, 8L * size);
                long[] values = new long[size];
                for (int i = 0; i < size; i++) {
                    values[i] = (long) LONG.get(page, i * 8);
                }
                return new PageDictionary(type, size, values, null, null);
            }
            case INT32, DATE -> {
                check(length, 4L * size);
                int[] values = new int[size];
                for (int i = 0; i < size; i++) {
                    values[i] = (int) INT.get(page, i * 4);
                }
                return new PageDictionary(type, size, null, values, null);
            }
            case STRING -> {
                byte[][] values = new byte[size][];
                int at = 0;
                for (int i = 0; i < size; i++) {
                    check(length, at + 4L);
                    int bytes = (int) INT.get(page, at);
                    check(length, at + 4L + bytes);
                    values[i] = Arrays.copyOfRange(page, at + 4, at + 4 + bytes);
                    at += 4 + bytes;
                }
                return new PageDictionary(type, size, null, null, values);
            }
            default -> {
                return null;
            }
        }
    }

    private static void check(int length, long needed) throws IOException {
        if (needed > length) {
            throw new IOException("dictionary page holds fewer values than its header says");
        }
    }

    /**
     * Writes the values at {@code indices[0, nonNull)} to the non-null rows of {@code [row, row + count)}
     * ({@code levels} 1, or every row when {@code dense}).
     */
    void lookUp(int[] indices, int nonNull, int row, int count, int[] levels, boolean dense, VectorFiller out)
            throws IOException {
        for (int k = 0; k < nonNull; k++) {
            if (indices[k] < 0 || indices[k] >= size) {
                throw new IOException("dictionary index " + indices[k] + " outside the dictionary of " + size);
            }
        }
        if (type == DataType.STRING) {
            int k = 0;
            for (int i = 0; i < count; i++) {
                if (dense || levels[i] != 0) {
                    byte[] value = strings[indices[k++]];
                    out.string(row + i, value, 0, value.length);
                } else {
                    out.noString(row + i);
                }
            }
            return;
        }
        int width = out.width();
        byte[] spread = out.scratch(count * width);
        int k = 0;
        for (int i = 0; i < count; i++) {
            boolean present = dense || levels[i] != 0;
            int index = present ? indices[k++] : 0;
            if (width == 8) {
                LONG.set(spread, i * 8, present ? longs[index] : 0L);
            } else {
                INT.set(spread, i * 4, present ? ints[index] : 0);
            }
        }
        out.fixed(row, count, spread, 0);
    }
}
