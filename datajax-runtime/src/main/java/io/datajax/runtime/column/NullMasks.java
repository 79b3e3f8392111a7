package io.datajax.runtime.column;

/** Operations on null masks ({@code boolean[]}, {@code null} meaning "no nulls"). */
public final class NullMasks {
    private NullMasks() {
    }

    /** The union of two masks of one length: a row is null if it is null in either; may return an argument. */
    public static boolean[] or(boolean[] a, boolean[] b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        boolean[] out = new boolean[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] | b[i];
        }
        return out;
    }

    /** A writable copy of a mask, or a new all-false mask of {@code length} when it is {@code null}. */
    public static boolean[] writableCopy(boolean[] mask, int length) {
        return mask == null ? new boolean[length] : mask.clone();
    }
}
