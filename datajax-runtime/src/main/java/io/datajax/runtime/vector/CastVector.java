package io.datajax.runtime.vector;

import io.datajax.ir.DataType;
import io.datajax.runtime.column.BooleanColumn;
import io.datajax.runtime.column.Column;
import io.datajax.runtime.column.DoubleColumn;
import io.datajax.runtime.column.LongColumn;
import io.datajax.runtime.column.StringColumn;
import io.datajax.runtime.kernel.CastKernel;

/**
 * An explicit cast, delegated per vector to {@link CastKernel} (one implementation of the cast rules):
 * the input vector is wrapped as a column, cast, and copied out. Not a hot path.
 */
final class CastVector extends VectorExpr {
    private final VectorExpr input;
    private final String text;
    private Vec a;

    CastVector(VectorExpr input, DataType type, String text) {
        super(type, input.nullable());
        this.input = input;
        this.text = text;
    }

    @Override
    public void eval(int[] sel, int n, Vec out) {
        if (a == null || a.capacity() < n) {
            a = input.newVec(Math.max(n, out.capacity()));
        }
        input.eval(sel, n, a);
        Column cast = CastKernel.cast(toColumn(a, input.type(), n), type(), text);
        copy(cast, out, n);
    }

    /** The first {@code n} values of a vector as a new column of {@code type}. */
    static Column toColumn(Vec vec, DataType type, int n) {
        boolean[] nulls = vec.hasNulls ? java.util.Arrays.copyOf(vec.nulls, n) : null;
        return switch (Vec.Kind.of(type)) {
            case LONG -> Column.ofLongs(type, java.util.Arrays.copyOf(vec.longs, n), nulls);
            case DOUBLE -> new DoubleColumn(java.util.Arrays.copyOf(vec.doubles, n), nulls);
            case BOOL -> new BooleanColumn(java.util.Arrays.copyOf(vec.bools, n), nulls);
            case STRING -> new StringColumn(java.util.Arrays.copyOf(vec.strings, n), nulls);
            case NULL -> Column.nulls(DataType.NULL, n);
        };
    }

    /** Copies the {@code n} rows of a column into a vector of its kind. */
    static void copy(Column column, Vec out, int n) {
        switch (Vec.Kind.of(column.type())) {
            case LONG -> {
                if (column instanceof LongColumn longs) {
                    System.arraycopy(longs.values(), 0, out.longs, 0, n);
                } else {
                    for (int i = 0; i < n; i++) {
                        out.longs[i] = column.longAt(i);
                    }
                }
            }
            case DOUBLE -> System.arraycopy(((DoubleColumn) column).values(), 0, out.doubles, 0, n);
            case BOOL -> System.arraycopy(((BooleanColumn) column).values(), 0, out.bools, 0, n);
            case STRING -> System.arraycopy(((StringColumn) column).values(), 0, out.strings, 0, n);
            case NULL -> {
            }
        }
        out.hasNulls = column.hasNulls();
        if (out.hasNulls) {
            System.arraycopy(column.nulls(), 0, out.nulls, 0, n);
        }
    }
}
