package io.datajax.runtime.tablesaw;

/**
 * Whether a range of a Tablesaw column's values holds its missing-value sentinel (NaN for doubles,
 * {@code MIN_VALUE} for ints and longs). The loops have no early exit and no branch, so the JIT vectorises
 * them and a scan runs at memory speed; the answer is exact.
 */
final class SentinelScan {
    private static final long ABS = 0x7fff_ffff_ffff_ffffL;
    private static final long INFINITY_BITS = 0x7ff0_0000_0000_0000L;

    private SentinelScan() {
    }

    /** Whether {@code v[from, to)} holds a NaN (any NaN bit pattern). */
    static boolean anyNaN(double[] v, int from, int to) {
        // x is NaN exactly when |bits(x)| > bits(+infinity): then INFINITY_BITS - |bits| is negative, and OR
        // keeps the sign bit.
        long acc = 0;
        for (int i = from; i < to; i++) {
            acc |= INFINITY_BITS - (Double.doubleToRawLongBits(v[i]) & ABS);
        }
        return acc < 0;
    }

    /** Whether {@code v[from, to)} holds {@code sentinel}. */
    static boolean anyEqual(long[] v, int from, int to, long sentinel) {
        boolean found = false;
        for (int i = from; i < to; i++) {
            found |= v[i] == sentinel;
        }
        return found;
    }

    /** Whether {@code v[from, to)} holds {@code sentinel}. */
    static boolean anyEqual(int[] v, int from, int to, int sentinel) {
        boolean found = false;
        for (int i = from; i < to; i++) {
            found |= v[i] == sentinel;
        }
        return found;
    }
}
