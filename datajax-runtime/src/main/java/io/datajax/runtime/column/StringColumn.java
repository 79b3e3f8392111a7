package io.datajax.runtime.column;

import static java.util.Objects.requireNonNull;

import io.datajax.ir.DataType;

/** A STRING column over a {@code String[]}; null rows hold {@code null} in both the mask and the array. */
public final class StringColumn extends Column {
    private final String[] values;

    public StringColumn(String[] values, boolean[] nulls) {
        super(DataType.STRING, requireNonNull(values, "values is null").length, nulls);
        this.values = values;
    }

    /** The backing values; read-only. */
    public String[] values() {
        return values;
    }

    /** The value of a row (unspecified at null rows). */
    public String get(int row) {
        return values[row];
    }

    @Override
    public Object value(int row) {
        return isNull(row) ? null : values[row];
    }

    @Override
    public StringColumn gather(int[] rows) {
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
        String[] out = java.util.Arrays.copyOf(values, length() + other.length());
        System.arraycopy(((StringColumn) other).values, 0, out, length(), other.length());
        return new StringColumn(out, mask);
    }

    @Override
    public long estimatedBytes() {
        long bytes = super.estimatedBytes() + 8L * values.length;
        for (String value : values) {
            if (value != null) {
                bytes += 40 + value.length();
            }
        }
        return bytes;
    }
}
