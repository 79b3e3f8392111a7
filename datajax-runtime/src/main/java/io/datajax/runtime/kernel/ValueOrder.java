package io.datajax.runtime.kernel;

/**
 * The total order and equality of values that every kernel uses: FLOAT64 compares numerically with
 * {@code -0.0 == 0.0}, NaN equal to NaN and greater than every number; other types use their natural order.
 */
public final class ValueOrder {
    private ValueOrder() {
    }

    /** Compares two doubles: NaN above every number and equal to itself, {@code -0.0} equal to {@code 0.0}. */
    public static int compareDoubles(double a, double b) {
        if (a < b) {
            return -1;
        }
        if (a > b) {
            return 1;
        }
        if (a == b) {
            return 0;
        }
        boolean aNaN = Double.isNaN(a);
        boolean bNaN = Double.isNaN(b);
        return aNaN == bNaN ? 0 : aNaN ? 1 : -1;
    }

    /** A long that is equal for two doubles exactly when {@link #compareDoubles} says they are equal. */
    public static long doubleKey(double value) {
        return value == 0.0 ? 0L : Double.doubleToLongBits(value);
    }
}
