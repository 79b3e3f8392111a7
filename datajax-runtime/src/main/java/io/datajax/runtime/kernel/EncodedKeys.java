package io.datajax.runtime.kernel;

/**
 * Key columns encoded as longs: equal codes mean equal keys (see {@link KeyEncoder}). Null keys have
 * code 0 and their bit set in {@code nullBits}.
 *
 * @param codes one array of codes per key column
 * @param nullBits per row, bit {@code k} set when key {@code k} is null; {@code null} when no key is null
 * @param rows the number of rows
 */
record EncodedKeys(long[][] codes, long[] nullBits, int rows) {
    /** Whether any key of the row is null. */
    boolean anyNull(int row) {
        return nullBits != null && nullBits[row] != 0;
    }

    /** The null bits of a row (0 when none). */
    long nullBits(int row) {
        return nullBits == null ? 0 : nullBits[row];
    }
}
