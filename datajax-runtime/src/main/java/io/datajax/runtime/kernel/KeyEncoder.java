package io.datajax.runtime.kernel;

import io.datajax.ir.DataType;
import io.datajax.ir.error.InternalException;
import io.datajax.runtime.column.Column;
import io.datajax.runtime.column.StringColumn;
import java.util.List;

/**
 * Encodes key columns as longs so that codes are equal exactly when the values are equal: integers,
 * booleans, dates and timestamps by value; FLOAT64 by {@link ValueOrder#doubleKey} (all NaNs one key,
 * {@code -0.0 = 0.0}); strings by codes of a {@link StringDictionary} per key column, shared by every
 * call on one encoder so two sides of a join agree. Columns of one key position must have one type.
 */
final class KeyEncoder {
    private final StringDictionary[] dictionaries;

    KeyEncoder(int keyCount) {
        if (keyCount > 64) {
            throw new InternalException("at most 64 key columns are supported, got " + keyCount);
        }
        dictionaries = new StringDictionary[keyCount];
    }

    /**
     * Encodes the key columns (all of one length). With {@code insert} false, a string never seen before
     * gets code -1, which matches nothing that was inserted.
     */
    EncodedKeys encode(List<Column> keys, boolean insert) {
        int rows = keys.isEmpty() ? 0 : keys.get(0).length();
        long[][] codes = new long[keys.size()][];
        long[] nullBits = null;
        for (int k = 0; k < keys.size(); k++) {
            Column column = keys.get(k);
            codes[k] = encode(k, column, insert);
            if (column.hasNulls()) {
                boolean[] nulls = column.nulls();
                for (int row = 0; row < rows; row++) {
                    if (nulls[row]) {
                        if (nullBits == null) {
                            nullBits = new long[rows];
                        }
                        nullBits[row] |= 1L << k;
                        codes[k][row] = 0;
                    }
                }
            }
        }
        return new EncodedKeys(codes, nullBits, rows);
    }

    private long[] encode(int k, Column column, boolean insert) {
        int rows = column.length();
        long[] out = new long[rows];
        if (column.type() == DataType.FLOAT64) {
            double[] values = column.doubleValues();
            for (int i = 0; i < rows; i++) {
                out[i] = ValueOrder.doubleKey(values[i]);
            }
        } else if (column.type() == DataType.STRING) {
            if (dictionaries[k] == null) {
                dictionaries[k] = new StringDictionary();
            }
            StringDictionary dictionary = dictionaries[k];
            String[] values = ((StringColumn) column).values();
            for (int i = 0; i < rows; i++) {
                if (!column.isNull(i)) {
                    out[i] = insert ? dictionary.codeOf(values[i]) : dictionary.find(values[i]);
                }
            }
        } else if (column.type() == DataType.NULL) {
            return out;
        } else {
            long[] values = column.longValues();
            System.arraycopy(values, 0, out, 0, rows);
        }
        return out;
    }

    /** An estimate of the heap bytes of the dictionaries. */
    long estimatedBytes() {
        long bytes = 0;
        for (StringDictionary dictionary : dictionaries) {
            bytes += dictionary == null ? 0 : dictionary.estimatedBytes();
        }
        return bytes;
    }
}
