package io.datajax.bench;

import java.util.Arrays;

/** Wall times of the measured runs of one engine on one workload, in nanoseconds. Immutable. */
record Timings(long[] nanos) {
    Timings {
        if (nanos.length == 0) {
            throw new IllegalArgumentException("no measured runs");
        }
        nanos = nanos.clone();
        Arrays.sort(nanos);
    }

    /** The median (the mean of the two middle runs for an even count), in milliseconds. */
    double medianMillis() {
        int n = nanos.length;
        double median = n % 2 == 1 ? nanos[n / 2] : (nanos[n / 2 - 1] + nanos[n / 2]) / 2.0;
        return median / 1e6;
    }

    /** The fastest run, in milliseconds. */
    double minMillis() {
        return nanos[0] / 1e6;
    }

    /** The number of measured runs. */
    int count() {
        return nanos.length;
    }

    /** The median of {@code values}, which it sorts in place. */
    static long median(long[] values) {
        Arrays.sort(values);
        return values[values.length / 2];
    }
}
