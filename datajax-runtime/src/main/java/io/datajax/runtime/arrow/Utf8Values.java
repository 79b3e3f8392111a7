package io.datajax.runtime.arrow;

import io.datajax.runtime.column.StringColumn;
import java.nio.charset.StandardCharsets;

/**
 * The UTF-8 bytes of a string column's rows, encoded once: per distinct value for a dictionary-encoded column,
 * per row otherwise. Null rows have no bytes.
 */
final class Utf8Values {
    private final boolean[] nulls;
    private final int[] codes;
    private final byte[][] distinct;
    private final byte[][] rows;

    private Utf8Values(boolean[] nulls, int[] codes, byte[][] distinct, byte[][] rows) {
        this.nulls = nulls;
        this.codes = codes;
        this.distinct = distinct;
        this.rows = rows;
    }

    static Utf8Values of(StringColumn column) {
        boolean[] nulls = column.nulls();
        if (column.isDictionaryEncoded()) {
            StringColumn.Dictionary dictionary = column.dictionary();
            return new Utf8Values(nulls, dictionary.codes(), encode(dictionary.strings()), null);
        }
        String[] values = column.values();
        byte[][] rows = new byte[values.length][];
        for (int i = 0; i < values.length; i++) {
            if ((nulls == null || !nulls[i]) && values[i] != null) {
                rows[i] = values[i].getBytes(StandardCharsets.UTF_8);
            }
        }
        return new Utf8Values(nulls, null, null, rows);
    }

    /** The UTF-8 bytes of each string; unpaired surrogates become '?' (as {@link String#getBytes}). */
    static byte[][] encode(String[] strings) {
        byte[][] out = new byte[strings.length][];
        for (int i = 0; i < strings.length; i++) {
            out[i] = strings[i].getBytes(StandardCharsets.UTF_8);
        }
        return out;
    }

    /** The bytes of a row, or null at a null row. */
    byte[] bytes(int row) {
        if (nulls != null && nulls[row]) {
            return null;
        }
        return distinct != null ? distinct[codes[row]] : rows[row];
    }

    /** The total byte length of rows {@code [from, from + count)}. */
    long totalBytes(int from, int count) {
        long total = 0;
        for (int i = from, end = from + count; i < end; i++) {
            byte[] b = bytes(i);
            if (b != null) {
                total += b.length;
            }
        }
        return total;
    }
}
