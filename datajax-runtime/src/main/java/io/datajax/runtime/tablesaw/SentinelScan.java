package io.datajax.runtime.tablesaw;

/**
 * Whether a range of a Tablesaw int or long column's values holds its missing-value sentinel
 * ({@code MIN_VALUE}). The loops have no early exit and no branch, so that a scan runs at memory speed.
 */
final class SentinelScan {
    private SentinelScan() {
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
