package io.datajax.runtime.column;

import static java.util.Objects.requireNonNull;

import io.datajax.ir.DataType;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A STRING column, stored either as a {@code String[]} or dictionary-encoded (an {@code int[]} of codes into
 * an array of distinct strings). Null rows hold {@code null} in the value array (and an unspecified code).
 * Each representation is derived from the other on first use, once; both are read-only.
 */
public final class StringColumn extends Column {
    private volatile String[] values;
    private volatile Dictionary dictionary;

    /**
     * Dictionary encoding of a string column.
     *
     * @param codes per row, an index into {@code strings} (unspecified at null rows)
     * @param strings the distinct non-null values, in first-seen order
     */
    public record Dictionary(int[] codes, String[] strings) {
        public Dictionary {
            requireNonNull(codes, "codes is null");
            requireNonNull(strings, "strings is null");
        }
    }

    public StringColumn(String[] values, boolean[] nulls) {
        super(DataType.STRING, requireNonNull(values, "values is null").length, nulls);
        this.values = values;
    }

    /** A dictionary-encoded column; {@code strings} must be distinct. */
    public StringColumn(Dictionary dictionary, boolean[] nulls) {
        super(DataType.STRING, requireNonNull(dictionary, "dictionary is null").codes().length, nulls);
        this.dictionary = dictionary;
    }

    /** The values; read-only. Built from the dictionary on first use when the column is encoded. */
    public String[] values() {
        String[] v = values;
        if (v == null) {
            synchronized (this) {
                v = values;
                if (v == null) {
                    Dictionary d = dictionary;
                    int[] codes = d.codes();
                    String[] strings = d.strings();
                    boolean[] mask = nulls();
                    v = new String[codes.length];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = mask != null && mask[i] ? null : strings[codes[i]];
                    }
                    values = v;
                }
            }
        }
        return v;
    }

    /** Whether the column is already dictionary-encoded (then {@link #dictionary()} is free). */
    public boolean isDictionaryEncoded() {
        return dictionary != null;
    }

    /** The dictionary encoding, computed on first use. */
    public Dictionary dictionary() {
        Dictionary d = dictionary;
        if (d == null) {
            synchronized (this) {
                d = dictionary;
                if (d == null) {
                    d = encode(values, nulls());
                    dictionary = d;
                }
            }
        }
        return d;
    }

    private static Dictionary encode(String[] values, boolean[] mask) {
        Map<String, Integer> codes = new HashMap<>();
        int[] out = new int[values.length];
        String[] strings = new String[16];
        for (int i = 0; i < values.length; i++) {
            if (mask != null && mask[i]) {
                continue;
            }
            String value = values[i];
            Integer code = codes.get(value);
            if (code == null) {
                code = codes.size();
                codes.put(value, code);
                if (code == strings.length) {
                    strings = Arrays.copyOf(strings, code * 2);
                }
                strings[code] = value;
            }
            out[i] = code;
        }
        return new Dictionary(out, Arrays.copyOf(strings, codes.size()));
    }

    /** The value of a row (unspecified at null rows). */
    public String get(int row) {
        Dictionary d = dictionary;
        if (values == null && d != null) {
            return isNull(row) ? null : d.strings()[d.codes()[row]];
        }
        return values()[row];
    }

    @Override
    public Object value(int row) {
        return isNull(row) ? null : get(row);
    }

    @Override
    public StringColumn gather(int[] rows) {
        Dictionary d = dictionary;
        if (d != null) {
            int[] codes = d.codes();
            int[] out = new int[rows.length];
            for (int i = 0; i < rows.length; i++) {
                int row = rows[i];
                out[i] = row >= 0 ? codes[row] : 0;
            }
            return new StringColumn(new Dictionary(out, d.strings()), gatherNulls(rows));
        }
        String[] values = values();
        String[] out = new String[rows.length];
        for (int i = 0; i < rows.length; i++) {
            int row = rows[i];
            out[i] = row >= 0 ? values[row] : null;
        }
        return new StringColumn(out, gatherNulls(rows));
    }

    @Override
    public StringColumn concat(Column other) {
        boolean[] mask = concatNulls(other);
        String[] out = java.util.Arrays.copyOf(values(), length() + other.length());
        System.arraycopy(((StringColumn) other).values(), 0, out, length(), other.length());
        return new StringColumn(out, mask);
    }

    @Override
    public long estimatedBytes() {
        Dictionary d = dictionary;
        String[] v = values;
        long bytes = super.estimatedBytes();
        if (d != null) {
            bytes += 4L * d.codes().length;
            for (String value : d.strings()) {
                bytes += 48 + value.length();
            }
        }
        if (v != null) {
            bytes += 4L * v.length;
            if (d == null) {
                for (String value : v) {
                    if (value != null) {
                        bytes += 48 + value.length();
                    }
                }
            }
        }
        return bytes;
    }
}
