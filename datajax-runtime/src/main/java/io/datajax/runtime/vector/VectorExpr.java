package io.datajax.runtime.vector;

import io.datajax.ir.DataType;

/**
 * An expression compiled for vectorised evaluation: evaluates selected rows of its input relation into a
 * {@link Vec}. Holds scratch buffers, so one instance serves one thread.
 */
public abstract class VectorExpr {
    private final DataType type;
    private final boolean nullable;

    protected VectorExpr(DataType type, boolean nullable) {
        this.type = type;
        this.nullable = nullable;
    }

    /** The result type. */
    public final DataType type() {
        return type;
    }

    /** The kind of {@link Vec} this writes. */
    public final Vec.Kind kind() {
        return Vec.Kind.of(type);
    }

    /** False when no row can be null (decided once, at compile time, from the input columns). */
    public final boolean nullable() {
        return nullable;
    }

    /**
     * Writes the values of rows {@code sel[0..n)} (row ids of the input relation) to {@code out[0..n)},
     * setting {@code out.hasNulls} and, when set, {@code out.nulls}.
     */
    public abstract void eval(int[] sel, int n, Vec out);

    /** A new buffer for this expression's values. */
    public final Vec newVec(int capacity) {
        return new Vec(kind(), capacity);
    }
}
