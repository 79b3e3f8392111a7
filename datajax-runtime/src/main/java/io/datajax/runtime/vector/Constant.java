package io.datajax.runtime.vector;

import io.datajax.ir.DataType;
import io.datajax.runtime.column.Column;
import io.datajax.runtime.column.StringColumn;

/** A literal, held as a scalar; parents read the scalar instead of evaluating it per row. */
public final class Constant extends VectorExpr {
    private final boolean isNull;
    private final long longValue;
    private final double doubleValue;
    private final String stringValue;

    /** The constant {@code value} (a Literal-class object, or null) of {@code type}. */
    public Constant(DataType type, Object value) {
        super(type, value == null);
        isNull = value == null || type == DataType.NULL;
        if (isNull) {
            longValue = 0;
            doubleValue = 0;
            stringValue = null;
        } else {
            Column one = Column.constant(type, value, 1);
            longValue = type == DataType.FLOAT64 || type == DataType.STRING ? 0 : one.longAt(0);
            doubleValue = type == DataType.STRING ? 0 : one.doubleAt(0);
            stringValue = type == DataType.STRING ? ((StringColumn) one).get(0) : null;
        }
    }

    /** The constant in row 0 of a one-row column. */
    public static Constant of(Column oneRow) {
        return new Constant(oneRow.type(), oneRow.value(0));
    }

    /** Whether the constant is null. */
    public boolean isNull() {
        return isNull;
    }

    /** The value of a long-valued or BOOLEAN constant (booleans as 0/1). */
    public long longValue() {
        return longValue;
    }

    /** The value of a numeric constant as a double. */
    public double doubleValue() {
        return doubleValue;
    }

    /** The value of a STRING constant. */
    public String stringValue() {
        return stringValue;
    }

    @Override
    public void eval(int[] sel, int n, Vec out) {
        if (isNull) {
            java.util.Arrays.fill(out.nulls, 0, n, true);
            out.hasNulls = true;
            return;
        }
        out.hasNulls = false;
        switch (kind()) {
            case LONG -> java.util.Arrays.fill(out.longs, 0, n, longValue);
            case DOUBLE -> java.util.Arrays.fill(out.doubles, 0, n, doubleValue);
            case BOOL -> java.util.Arrays.fill(out.bools, 0, n, longValue != 0);
            case STRING -> java.util.Arrays.fill(out.strings, 0, n, stringValue);
            case NULL -> throw new IllegalStateException("typed NULL constant");
        }
    }
}
