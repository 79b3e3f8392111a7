package io.datajax.io.parquet;

import io.datajax.ir.DataType;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * Writes decoded Parquet values into one Arrow vector of a DataJax type, at row positions: validity bits from
 * definition levels, fixed-width values a page at a time from a little-endian heap buffer, strings straight
 * into the offset and data buffers. Rows are written in order; not thread-safe.
 */
final class VectorFiller {
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final FieldVector vector;
    private final DataType type;
    private byte[] scratch = new byte[0];
    private int stringEnd;

    private VectorFiller(FieldVector vector, DataType type) {
        this.vector = vector;
        this.type = type;
    }

    /** A filler of {@code vector}, allocated here for {@code rows} rows ({@code stringBytes} a size hint). */
    static VectorFiller allocate(FieldVector vector, DataType type, int rows, long stringBytes) {
        int slots = Math.max(rows, 1);
        if (vector instanceof VarCharVector strings) {
            strings.allocateNew(Math.max(64, Math.min(64L << 20, stringBytes)), slots);
            strings.getOffsetBuffer().setInt(0, 0);
        } else if (vector instanceof BitVector bits) {
            bits.allocateNew(slots);
        } else {
            ((BaseFixedWidthVector) vector).allocateNew(slots);
        }
        return new VectorFiller(vector, type);
    }

    /** The bytes of one value of a fixed-width type: 4 or 8. */
    int width() {
        return type == DataType.INT32 || type == DataType.DATE ? 4 : 8;
    }

    /** Marks rows {@code [row, row + count)} valid: all when {@code dense}, else those whose level is 1. */
    void validity(int row, int count, int[] levels, boolean dense) {
        ArrowBuf validity = vector.getValidityBuffer();
        int i = 0;
        while (i < count && ((row + i) & 7) != 0) {
            if (dense || levels[i] != 0) {
                BitVectorHelper.setBit(validity, row + i);
            }
            i++;
        }
        int bytes = (count - i) / 8;
        if (dense) {
            if (bytes > 0) {
                validity.setOne((long) (row + i) >>> 3, bytes);
            }
            i += bytes * 8;
        } else {
            for (int b = 0; b < bytes; b++, i += 8) {
                int bits = levels[i] | levels[i + 1] << 1 | levels[i + 2] << 2 | levels[i + 3] << 3
                        | levels[i + 4] << 4 | levels[i + 5] << 5 | levels[i + 6] << 6 | levels[i + 7] << 7;
                validity.setByte((long) (row + i) >>> 3, bits);
            }
        }
        for (; i < count; i++) {
            if (dense || levels[i] != 0) {
                BitVectorHelper.setBit(validity, row + i);
            }
        }
    }

    /** Copies {@code count} fixed-width values, little-endian at {@code offset} of {@code bytes}, to rows from {@code row}. */
    void fixed(int row, int count, byte[] bytes, int offset) {
        int width = width();
        vector.getDataBuffer().setBytes((long) row * width, bytes, offset, (long) count * width);
    }

    /** A reused heap buffer of at least {@code bytes} bytes, for spreading a page's values before {@link #fixed}. */
    byte[] scratch(int bytes) {
        if (scratch.length < bytes) {
            scratch = new byte[Math.max(bytes, scratch.length * 2)];
        }
        return scratch;
    }

    /** Writes integers (one per non-null row of the page, in order) to rows {@code [row, row + count)}. */
    void longs(long[] values, int row, int count, int[] levels, boolean dense) {
        int width = width();
        byte[] spread = scratch(count * width);
        int k = 0;
        for (int i = 0; i < count; i++) {
            long value = dense || levels[i] != 0 ? values[k++] : 0L;
            if (width == 8) {
                LONG.set(spread, i * 8, value);
            } else {
                INT.set(spread, i * 4, (int) value);
            }
        }
        fixed(row, count, spread, 0);
    }

    /** Sets the boolean at {@code index}. */
    void bit(int index, int value) {
        ((BitVector) vector).set(index, value);
    }

    /** Makes room for {@code more} string bytes. */
    void reserveStrings(int more) {
        VarCharVector strings = (VarCharVector) vector;
        long needed = (long) stringEnd + more;
        if (needed > Integer.MAX_VALUE) {
            throw new IllegalStateException("string column holds more than 2 GB in one row group");
        }
        while (strings.getDataBuffer().capacity() < needed) {
            strings.reallocDataBuffer(Math.max(needed, strings.getDataBuffer().capacity() * 2));
        }
    }

    /** Sets the string at {@code index} (after every earlier row) to {@code length} bytes of {@code source}. */
    void string(int index, byte[] source, int offset, int length) {
        reserveStrings(length);
        vector.getDataBuffer().setBytes(stringEnd, source, offset, length);
        stringEnd += length;
        vector.getOffsetBuffer().setInt((long) (index + 1) * 4, stringEnd);
    }

    /** Leaves the string at {@code index} empty (a null row). */
    void noString(int index) {
        vector.getOffsetBuffer().setInt((long) (index + 1) * 4, stringEnd);
    }

    /** Completes the vector with {@code rows} rows. */
    void finish(int rows) {
        if (vector instanceof VarCharVector strings) {
            strings.setLastSet(rows - 1);
        }
        vector.setValueCount(rows);
    }
}
