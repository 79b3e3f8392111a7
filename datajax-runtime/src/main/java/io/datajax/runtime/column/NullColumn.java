package io.datajax.runtime.column;

import io.datajax.ir.DataType;

/** A column of the untyped {@link DataType#NULL} type: every row is null. Produced by untyped null literals. */
public final class NullColumn extends Column {
    public NullColumn(int length) {
        super(DataType.NULL, length, allTrue(length));
    }

    private static boolean[] allTrue(int length) {
        boolean[] mask = new boolean[length];
        java.util.Arrays.fill(mask, true);
        return mask;
    }

    @Override
    public Object value(int row) {
        return null;
    }

    @Override
    public NullColumn gather(int[] rows) {
        return new NullColumn(rows.length);
    }

    @Override
    public NullColumn concat(Column other) {
        concatNulls(other);
        return new NullColumn(length() + other.length());
    }
}
