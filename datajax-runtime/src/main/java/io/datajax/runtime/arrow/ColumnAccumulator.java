package io.datajax.runtime.arrow;

import io.datajax.ir.DataType;
import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.ExecutionException;
import io.datajax.ir.error.InternalException;
import io.datajax.runtime.column.BooleanColumn;
import io.datajax.runtime.column.Column;
import io.datajax.runtime.column.DoubleColumn;
import io.datajax.runtime.column.IntColumn;
import io.datajax.runtime.column.LongColumn;
import io.datajax.runtime.column.NullColumn;
import io.datajax.runtime.column.StringColumn;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.Types.MinorType;

/**
 * Copies the rows of one column out of successive Arrow vectors into heap arrays, and builds the column. Checks
 * every buffer's size and every string offset and dictionary code before reading, so corrupt vectors give an
 * {@link ExecutionException}, never a read outside a buffer. A dictionary-encoded Utf8 column stays
 * dictionary-encoded while all its batches share one dictionary of distinct strings.
 */
final class ColumnAccumulator {
    private final String name;
    private final DataType type;
    private int size;
    private int capacity;
    private boolean[] nulls;
    private boolean[] booleans;
    private int[] ints;
    private long[] longs;
    private double[] doubles;
    private String[] strings;
    private int[] codes;
    private String[] dictionary;

    ColumnAccumulator(String name, DataType type, int capacityHint) {
        this.name = name;
        this.type = type;
        this.capacity = Math.max(0, capacityHint);
    }

    /**
     * Appends the first {@code rows} rows of {@code vector}; {@code dictionary} is the vector of values when
     * {@code vector} holds dictionary indices, else null.
     */
    void append(FieldVector vector, int rows, FieldVector dictionary) {
        MinorType expected = dictionary == null ? ArrowBatches.minorType(type) : MinorType.INT;
        if (vector.getMinorType() != expected) {
            throw corrupt("is a " + vector.getMinorType() + " vector where " + expected + " was expected");
        }
        if (vector.getValueCount() < rows) {
            throw corrupt("has " + vector.getValueCount() + " values for " + rows + " rows");
        }
        if (dictionary != null && dictionary.getMinorType() != MinorType.VARCHAR) {
            throw corrupt("has a dictionary of " + dictionary.getMinorType() + "; only Utf8 dictionaries are read");
        }
        ensure(rows);
        if (type == DataType.NULL) {
            size += rows;
            return;
        }
        appendValidity(vector, rows);
        switch (type) {
            case BOOLEAN -> {
                ArrowMemory.unpackBits(bits(vector, vector.getDataBuffer(), rows), rows, booleans, size, false);
            }
            case INT32, DATE -> {
                ArrowBatches.requireCapacity(vector, vector.getDataBuffer(), 4L * rows, "data", rows);
                ArrowMemory.getInts(vector.getDataBuffer(), ints, size, rows);
            }
            case INT64, TIMESTAMP -> {
                ArrowBatches.requireCapacity(vector, vector.getDataBuffer(), 8L * rows, "data", rows);
                ArrowMemory.getLongs(vector.getDataBuffer(), longs, size, rows);
            }
            case FLOAT64 -> {
                ArrowBatches.requireCapacity(vector, vector.getDataBuffer(), 8L * rows, "data", rows);
                ArrowMemory.getDoubles(vector.getDataBuffer(), doubles, size, rows);
            }
            case STRING -> {
                if (dictionary == null) {
                    toPlainStrings();
                    decodeUtf8(vector, rows, strings, size, nulls, size);
                } else {
                    appendCodes(vector, rows, dictionary);
                }
            }
            default -> throw new InternalException("unmapped type " + type);
        }
        size += rows;
    }

    private void appendValidity(FieldVector vector, int rows) {
        if (rows == 0) {
            return;
        }
        byte[] bits = bits(vector, vector.getValidityBuffer(), rows);
        if (ArrowMemory.anyClear(bits, rows)) {
            if (nulls == null) {
                nulls = new boolean[capacity];
            }
            ArrowMemory.unpackBits(bits, rows, nulls, size, true);
        }
    }

    private static byte[] bits(FieldVector vector, ArrowBuf buffer, int rows) {
        ArrowBatches.requireCapacity(vector, buffer, (rows + 7L) >>> 3, "bit", rows);
        return ArrowMemory.bitBytes(buffer, rows);
    }

    private void appendCodes(FieldVector vector, int rows, FieldVector dictionaryVector) {
        int entries = dictionaryVector.getValueCount();
        String[] values = new String[entries];
        boolean[] valueNulls = new boolean[entries];
        if (entries > 0) {
            byte[] validity = bits(dictionaryVector, dictionaryVector.getValidityBuffer(), entries);
            ArrowMemory.unpackBits(validity, entries, valueNulls, 0, true);
        }
        decodeUtf8(dictionaryVector, entries, values, 0, valueNulls, 0);
        ArrowBatches.requireCapacity(vector, vector.getDataBuffer(), 4L * rows, "data", rows);
        int[] batchCodes = new int[rows];
        ArrowMemory.getInts(vector.getDataBuffer(), batchCodes, 0, rows);
        for (int i = 0; i < rows; i++) {
            int code = batchCodes[i];
            if ((code < 0 || code >= entries) && (nulls == null || !nulls[size + i])) {
                throw corrupt("holds dictionary index " + code + " at row " + i + "; the dictionary has " + entries
                        + " entries");
            }
        }
        boolean reusable = strings == null && (size == 0 || Arrays.equals(dictionary, values))
                && distinctAndNonNull(values, valueNulls);
        if (reusable) {
            if (codes == null) {
                codes = new int[capacity];
            }
            dictionary = values;
            System.arraycopy(batchCodes, 0, codes, size, rows);
            return;
        }
        toPlainStrings();
        for (int i = 0; i < rows; i++) {
            boolean isNull = nulls != null && nulls[size + i];
            if (!isNull && valueNulls[batchCodes[i]]) {
                if (nulls == null) {
                    nulls = new boolean[capacity];
                }
                nulls[size + i] = true;
                isNull = true;
            }
            strings[size + i] = isNull ? null : values[batchCodes[i]];
        }
    }

    private static boolean distinctAndNonNull(String[] values, boolean[] valueNulls) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < values.length; i++) {
            if (valueNulls[i] || !seen.add(values[i])) {
                return false;
            }
        }
        return true;
    }

    /** Switches a string column to a {@code String[]} (materialising codes read so far). */
    private void toPlainStrings() {
        if (strings != null) {
            return;
        }
        strings = new String[capacity];
        if (codes != null) {
            for (int i = 0; i < size; i++) {
                strings[i] = nulls != null && nulls[i] ? null : dictionary[codes[i]];
            }
            codes = null;
            dictionary = null;
        }
    }

    /**
     * Decodes the first {@code rows} strings of a Utf8 vector into {@code out[to..]}, skipping rows {@code i}
     * where {@code skip[skipBase + i]} is set ({@code skip} may be null).
     */
    private void decodeUtf8(FieldVector vector, int rows, String[] out, int to, boolean[] skip, int skipBase) {
        if (rows == 0) {
            return;
        }
        ArrowBatches.requireCapacity(vector, vector.getOffsetBuffer(), 4L * (rows + 1), "offset", rows);
        int[] offsets = new int[rows + 1];
        ArrowMemory.getInts(vector.getOffsetBuffer(), offsets, 0, rows + 1);
        int start = offsets[0];
        int end = offsets[rows];
        if (start < 0 || end < start) {
            throw corrupt("has string offsets from " + start + " to " + end);
        }
        ArrowBatches.requireCapacity(vector, vector.getDataBuffer(), end, "string data", rows);
        byte[] data = new byte[end - start];
        ArrowMemory.getBytes(vector.getDataBuffer(), start, data, 0, data.length);
        for (int i = 0; i < rows; i++) {
            int from = offsets[i];
            int until = offsets[i + 1];
            if (from < start || until < from || until > end) {
                throw corrupt("has string offsets " + from + ".." + until + " at row " + i);
            }
            if (skip == null || !skip[skipBase + i]) {
                out[to + i] = new String(data, from - start, until - from, StandardCharsets.UTF_8);
            }
        }
    }

    private void ensure(int rows) {
        long needed = (long) size + rows;
        if (needed > Integer.MAX_VALUE - 8) {
            throw corrupt("would exceed " + (Integer.MAX_VALUE - 8) + " rows");
        }
        if (needed > capacity || (type != DataType.NULL && dataArray() == null)) {
            int grown = (int) Math.max(needed, needed > capacity ? Math.min(Integer.MAX_VALUE - 8L,
                    capacity + (capacity >> 1)) : capacity);
            capacity = grown;
            nulls = nulls == null ? null : Arrays.copyOf(nulls, grown);
            codes = codes == null ? null : Arrays.copyOf(codes, grown);
            switch (type) {
                case BOOLEAN -> booleans = booleans == null ? new boolean[grown] : Arrays.copyOf(booleans, grown);
                case INT32, DATE -> ints = ints == null ? new int[grown] : Arrays.copyOf(ints, grown);
                case INT64, TIMESTAMP -> longs = longs == null ? new long[grown] : Arrays.copyOf(longs, grown);
                case FLOAT64 -> doubles = doubles == null ? new double[grown] : Arrays.copyOf(doubles, grown);
                case STRING -> strings = strings == null ? null : Arrays.copyOf(strings, grown);
                default -> {
                }
            }
        }
    }

    private Object dataArray() {
        return switch (type) {
            case BOOLEAN -> booleans;
            case INT32, DATE -> ints;
            case INT64, TIMESTAMP -> longs;
            case FLOAT64 -> doubles;
            case STRING -> this; // strings and codes are created on first use
            default -> null;
        };
    }

    /** The column of the rows appended so far. */
    Column finish() {
        ensure(0);
        boolean[] mask = nulls == null ? null : trim(nulls);
        return switch (type) {
            case BOOLEAN -> new BooleanColumn(trim(booleans), mask);
            case INT32, DATE -> new IntColumn(type, size == ints.length ? ints : Arrays.copyOf(ints, size), mask);
            case INT64, TIMESTAMP -> new LongColumn(type, size == longs.length ? longs : Arrays.copyOf(longs, size),
                    mask);
            case FLOAT64 -> new DoubleColumn(size == doubles.length ? doubles : Arrays.copyOf(doubles, size), mask);
            case STRING -> codes != null
                    ? new StringColumn(new StringColumn.Dictionary(size == codes.length ? codes : Arrays.copyOf(codes,
                            size), dictionary), mask)
                    : new StringColumn(strings == null ? new String[size]
                            : size == strings.length ? strings : Arrays.copyOf(strings, size), mask);
            case NULL -> new NullColumn(size);
        };
    }

    private boolean[] trim(boolean[] array) {
        return size == array.length ? array : Arrays.copyOf(array, size);
    }

    private ExecutionException corrupt(String detail) {
        return new ExecutionException(ErrorCode.EXECUTION_FAILED, "Arrow column '" + name + "' (" + type + ") "
                + detail + ". The data is corrupt or was not written by ArrowIpc/ArrowBatches.");
    }
}
