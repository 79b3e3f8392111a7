package io.datajax.runtime.local;

import io.datajax.ir.DataType;
import io.datajax.ir.plan.AggCall;
import io.datajax.ir.plan.AggFunction;
import io.datajax.runtime.column.BooleanColumn;
import io.datajax.runtime.column.Column;
import io.datajax.runtime.column.DoubleColumn;
import io.datajax.runtime.column.LongColumn;
import io.datajax.runtime.column.StringColumn;
import io.datajax.runtime.kernel.RuntimeErrors;
import io.datajax.runtime.kernel.ValueOrder;
import io.datajax.runtime.vector.Vec;
import java.util.Arrays;

/**
 * The running state of one aggregate call over the groups of one partial aggregation: one loop per
 * function over the argument vector (kinds widened to long or double), no boxing. Null arguments are
 * skipped; a group without a non-null value outputs null (counts: 0). MIN and MAX start from a neutral
 * sentinel (so the first value needs no test) and keep the first of equal values.
 */
final class AggregateStates {
    private final AggCall call;
    private final AggFunction function;
    private final Vec.Kind kind;
    /**
     * Whether the argument can be null; then {@link #nullCounts} counts, per group, the rows whose argument was
     * null, and a group's value count is its row count minus those (so a batch without nulls costs nothing
     * here). Otherwise a group's value count is its row count.
     */
    private final boolean ownCounts;
    private long[] nullCounts;
    private long[] longs;
    private double[] doubles;
    private String[] strings;
    private int capacity;

    AggregateStates(AggCall call, Vec.Kind kind, boolean argumentNullable, int capacity) {
        this.call = call;
        this.function = call.function();
        this.kind = kind;
        this.ownCounts = function == AggFunction.COUNT ? argumentNullable : argumentNullable && function != AggFunction.COUNT_ALL;
        grow(Math.max(1, capacity));
    }

    /** An estimate of the heap bytes held. */
    long estimatedBytes() {
        return 8L * capacity * ((nullCounts != null ? 1 : 0) + (longs != null ? 1 : 0) + (doubles != null ? 1 : 0)
                + (strings != null ? 1 : 0));
    }

    /** Makes room for groups {@code [0, groups)}. */
    void ensure(int groups) {
        if (groups > capacity) {
            grow(Math.max(groups, capacity * 2));
        }
    }

    private void grow(int size) {
        int old = capacity;
        if (ownCounts) {
            nullCounts = nullCounts == null ? new long[size] : Arrays.copyOf(nullCounts, size);
        }
        switch (function) {
            case SUM -> {
                if (kind == Vec.Kind.DOUBLE) {
                    doubles = doubles == null ? new double[size] : Arrays.copyOf(doubles, size);
                } else {
                    longs = longs == null ? new long[size] : Arrays.copyOf(longs, size);
                }
            }
            case MEAN -> doubles = doubles == null ? new double[size] : Arrays.copyOf(doubles, size);
            case MIN, MAX -> {
                boolean max = function == AggFunction.MAX;
                switch (kind) {
                    case DOUBLE -> {
                        doubles = doubles == null ? new double[size] : Arrays.copyOf(doubles, size);
                        Arrays.fill(doubles, old, size, max ? Double.NEGATIVE_INFINITY : Double.NaN);
                    }
                    case STRING -> strings = strings == null ? new String[size] : Arrays.copyOf(strings, size);
                    default -> {
                        longs = longs == null ? new long[size] : Arrays.copyOf(longs, size);
                        Arrays.fill(longs, old, size, max ? Long.MIN_VALUE : Long.MAX_VALUE);
                    }
                }
            }
            case COUNT, COUNT_ALL -> {
            }
        }
        capacity = size;
    }

    /** Adds rows {@code [0, n)} of {@code arg} (null for COUNT_ALL) to groups {@code gid}; {@code single}: all in group 0. */
    void update(int[] gid, int n, Vec arg, boolean single) {
        if (function == AggFunction.COUNT_ALL) {
            return;
        }
        boolean hasNulls = arg.hasNulls;
        boolean[] nulls = arg.nulls;
        if (ownCounts && hasNulls) {
            long[] c = nullCounts;
            if (single) {
                long k = 0;
                for (int i = 0; i < n; i++) {
                    k += nulls[i] ? 1 : 0;
                }
                c[0] += k;
            } else {
                for (int i = 0; i < n; i++) {
                    if (nulls[i]) {
                        c[gid[i]]++;
                    }
                }
            }
        }
        switch (function) {
            case SUM -> {
                if (kind == Vec.Kind.DOUBLE) {
                    sumDoubles(gid, n, arg.doubles, hasNulls, nulls, single);
                } else {
                    sumLongs(gid, n, arg.longs, hasNulls, nulls);
                }
            }
            case MEAN -> sumDoubles(gid, n, arg.doubles, hasNulls, nulls, single);
            case MIN, MAX -> extreme(gid, n, arg, hasNulls, nulls);
            default -> {
            }
        }
    }

    private void sumDoubles(int[] gid, int n, double[] v, boolean hasNulls, boolean[] nulls, boolean single) {
        double[] s = doubles;
        if (single) {
            double sum = s[0];
            if (hasNulls) {
                for (int i = 0; i < n; i++) {
                    if (!nulls[i]) {
                        sum += v[i];
                    }
                }
            } else {
                for (int i = 0; i < n; i++) {
                    sum += v[i];
                }
            }
            s[0] = sum;
        } else if (hasNulls) {
            for (int i = 0; i < n; i++) {
                if (!nulls[i]) {
                    s[gid[i]] += v[i];
                }
            }
        } else {
            for (int i = 0; i < n; i++) {
                s[gid[i]] += v[i];
            }
        }
    }

    private void sumLongs(int[] gid, int n, long[] v, boolean hasNulls, boolean[] nulls) {
        long[] s = longs;
        for (int i = 0; i < n; i++) {
            if (hasNulls && nulls[i]) {
                continue;
            }
            int g = gid[i];
            long sum = s[g];
            long value = v[i];
            long result = sum + value;
            if (((sum ^ result) & (value ^ result)) < 0) {
                throw RuntimeErrors.sumOverflow(call.toString(), sum, value);
            }
            s[g] = result;
        }
    }

    private void extreme(int[] gid, int n, Vec arg, boolean hasNulls, boolean[] nulls) {
        boolean max = function == AggFunction.MAX;
        switch (kind) {
            case DOUBLE -> {
                double[] v = arg.doubles;
                double[] best = doubles;
                for (int i = 0; i < n; i++) {
                    if (!(hasNulls && nulls[i])) {
                        int g = gid[i];
                        int c = ValueOrder.compareDoubles(v[i], best[g]);
                        if (max ? c > 0 : c < 0) {
                            best[g] = v[i];
                        }
                    }
                }
            }
            case STRING -> {
                String[] v = arg.strings;
                String[] best = strings;
                for (int i = 0; i < n; i++) {
                    if (!(hasNulls && nulls[i])) {
                        int g = gid[i];
                        if (best[g] == null || (max ? v[i].compareTo(best[g]) > 0 : v[i].compareTo(best[g]) < 0)) {
                            best[g] = v[i];
                        }
                    }
                }
            }
            case BOOL -> {
                boolean[] v = arg.bools;
                long[] best = longs;
                for (int i = 0; i < n; i++) {
                    if (!(hasNulls && nulls[i])) {
                        int g = gid[i];
                        long x = v[i] ? 1 : 0;
                        best[g] = max ? Math.max(best[g], x) : Math.min(best[g], x);
                    }
                }
            }
            default -> {
                long[] v = arg.longs;
                long[] best = longs;
                for (int i = 0; i < n; i++) {
                    if (!(hasNulls && nulls[i])) {
                        int g = gid[i];
                        best[g] = max ? Math.max(best[g], v[i]) : Math.min(best[g], v[i]);
                    }
                }
            }
        }
    }

    /** Sets group {@code to} (still empty) to group {@code from} of {@code other} (the same call), exactly. */
    void copy(int to, AggregateStates other, int from) {
        if (ownCounts) {
            nullCounts[to] = other.nullCounts[from];
        }
        if (longs != null) {
            longs[to] = other.longs[from];
        }
        if (doubles != null) {
            doubles[to] = other.doubles[from];
        }
        if (strings != null) {
            strings[to] = other.strings[from];
        }
    }

    /** Adds group {@code from} of {@code other} (the same call, a later chunk) into group {@code to}. */
    void merge(int to, AggregateStates other, int from) {
        if (ownCounts) {
            nullCounts[to] += other.nullCounts[from];
        }
        switch (function) {
            case SUM -> {
                if (kind == Vec.Kind.DOUBLE) {
                    doubles[to] += other.doubles[from];
                } else {
                    long sum = longs[to];
                    long value = other.longs[from];
                    long result = sum + value;
                    if (((sum ^ result) & (value ^ result)) < 0) {
                        throw RuntimeErrors.sumOverflow(call.toString(), sum, value);
                    }
                    longs[to] = result;
                }
            }
            case MEAN -> doubles[to] += other.doubles[from];
            case MIN, MAX -> {
                boolean max = function == AggFunction.MAX;
                switch (kind) {
                    case DOUBLE -> {
                        int c = ValueOrder.compareDoubles(other.doubles[from], doubles[to]);
                        if (max ? c > 0 : c < 0) {
                            doubles[to] = other.doubles[from];
                        }
                    }
                    case STRING -> {
                        String v = other.strings[from];
                        if (v != null && (strings[to] == null
                                || (max ? v.compareTo(strings[to]) > 0 : v.compareTo(strings[to]) < 0))) {
                            strings[to] = v;
                        }
                    }
                    default -> longs[to] = max ? Math.max(longs[to], other.longs[from]) : Math.min(longs[to], other.longs[from]);
                }
            }
            default -> {
            }
        }
    }

    /** The output column for the groups {@code order} (group ids in output order); {@code rows}: rows per group. */
    Column output(int[] order, long[] rows) {
        int n = order.length;
        long[] valueCounts = rows;
        if (ownCounts) {
            valueCounts = new long[rows.length];
            for (int g : order) {
                valueCounts[g] = rows[g] - nullCounts[g];
            }
        }
        if (function == AggFunction.COUNT || function == AggFunction.COUNT_ALL) {
            long[] out = new long[n];
            long[] source = function == AggFunction.COUNT_ALL ? rows : valueCounts;
            for (int i = 0; i < n; i++) {
                out[i] = source[order[i]];
            }
            return new LongColumn(DataType.INT64, out, null);
        }
        boolean[] nulls = null;
        for (int i = 0; i < n; i++) {
            if (valueCounts[order[i]] == 0) {
                if (nulls == null) {
                    nulls = new boolean[n];
                }
                nulls[i] = true;
            }
        }
        DataType type = call.type();
        switch (function) {
            case MEAN -> {
                double[] out = new double[n];
                for (int i = 0; i < n; i++) {
                    long count = valueCounts[order[i]];
                    out[i] = count == 0 ? 0 : doubles[order[i]] / count;
                }
                return new DoubleColumn(out, nulls);
            }
            default -> {
                if (type == DataType.FLOAT64) {
                    double[] out = new double[n];
                    for (int i = 0; i < n; i++) {
                        out[i] = nulls != null && nulls[i] ? 0 : doubles[order[i]];
                    }
                    return new DoubleColumn(out, nulls);
                }
                if (type == DataType.STRING) {
                    String[] out = new String[n];
                    for (int i = 0; i < n; i++) {
                        out[i] = strings[order[i]];
                    }
                    return new StringColumn(out, nulls);
                }
                long[] out = new long[n];
                for (int i = 0; i < n; i++) {
                    out[i] = nulls != null && nulls[i] ? 0 : longs[order[i]];
                }
                if (type == DataType.BOOLEAN) {
                    boolean[] bools = new boolean[n];
                    for (int i = 0; i < n; i++) {
                        bools[i] = out[i] != 0;
                    }
                    return new BooleanColumn(bools, nulls);
                }
                return Column.ofLongs(type, out, nulls);
            }
        }
    }
}
