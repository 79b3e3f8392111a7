package io.datajax.runtime.vector;

import io.datajax.ir.DataType;

/**
 * A reusable buffer of values for one vector of rows, in the primitive array of its {@link Kind}, plus a
 * null mask that is meaningful only while {@link #hasNulls} is set. Not thread-safe.
 */
public final class Vec {
    /** How values of a type are held: every long-valued type (INT32, INT64, DATE, TIMESTAMP) as long. */
    public enum Kind {
        LONG, DOUBLE, BOOL, STRING, NULL;

        /** The kind of a DataJax type. */
        public static Kind of(DataType type) {
            return switch (type) {
                case INT32, INT64, DATE, TIMESTAMP -> LONG;
                case FLOAT64 -> DOUBLE;
                case BOOLEAN -> BOOL;
                case STRING -> STRING;
                case NULL -> NULL;
            };
        }
    }

    private final int capacity;
    /** Values of a LONG vector. */
    public final long[] longs;
    /** Values of a DOUBLE vector. */
    public final double[] doubles;
    /** Values of a BOOL vector. */
    public final boolean[] bools;
    /** Values of a STRING vector. */
    public final String[] strings;
    /** Null flags, valid for the current vector only when {@link #hasNulls} is true. */
    public final boolean[] nulls;
    /** Whether any row of the current vector may be null. */
    public boolean hasNulls;

    /** A buffer of {@code capacity} values of a kind. */
    public Vec(Kind kind, int capacity) {
        this.capacity = capacity;
        longs = kind == Kind.LONG ? new long[capacity] : null;
        doubles = kind == Kind.DOUBLE ? new double[capacity] : null;
        bools = kind == Kind.BOOL || kind == Kind.NULL ? new boolean[capacity] : null;
        strings = kind == Kind.STRING ? new String[capacity] : null;
        nulls = new boolean[capacity];
    }

    /** The number of rows the buffer holds. */
    public int capacity() {
        return capacity;
    }

    /** Whether row {@code i} of the current vector is null. */
    public boolean isNull(int i) {
        return hasNulls && nulls[i];
    }
}
