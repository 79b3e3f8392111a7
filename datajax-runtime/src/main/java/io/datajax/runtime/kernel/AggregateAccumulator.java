package io.datajax.runtime.kernel;

import io.datajax.ir.DataType;
import io.datajax.ir.plan.AggCall;
import io.datajax.runtime.column.Column;
import io.datajax.runtime.column.DoubleColumn;
import io.datajax.runtime.column.LongColumn;
import io.datajax.runtime.column.StringColumn;

/**
 * Computes one {@link AggCall} per group over an evaluated argument column and a row-to-group map, one
 * loop per function over widened arrays. Nulls are skipped; a group with no non-null value is null,
 * except for counts (0). Integer SUM is exact INT64 (overflow is an error); MEAN sums in double; MIN and
 * MAX keep the type, with NaN the largest double.
 */
final class AggregateAccumulator {
    private AggregateAccumulator() {
    }

    /**
     * @param argument the evaluated argument, or null for COUNT_ALL
     * @param groupOf the group of each input row
     * @param groups the number of groups
     */
    static Column compute(AggCall call, Column argument, int[] groupOf, int groups) {
        return switch (call.function()) {
            case COUNT_ALL -> countAll(groupOf, groups);
            case COUNT -> count(argument, groupOf, groups);
            case SUM -> argument.type() == DataType.FLOAT64 ? sumDoubles(argument, groupOf, groups)
                    : sumLongs(call, argument, groupOf, groups);
            case MEAN -> mean(argument, groupOf, groups);
            case MIN, MAX -> extreme(argument, groupOf, groups, call.function() == io.datajax.ir.plan.AggFunction.MAX);
        };
    }

    private static Column countAll(int[] groupOf, int groups) {
        long[] counts = new long[groups];
        for (int group : groupOf) {
            counts[group]++;
        }
        return new LongColumn(DataType.INT64, counts, null);
    }

    private static Column count(Column argument, int[] groupOf, int groups) {
        long[] counts = new long[groups];
        boolean[] nulls = argument.nulls();
        for (int row = 0; row < groupOf.length; row++) {
            if (nulls == null || !nulls[row]) {
                counts[groupOf[row]]++;
            }
        }
        return new LongColumn(DataType.INT64, counts, null);
    }

    private static Column sumLongs(AggCall call, Column argument, int[] groupOf, int groups) {
        long[] values = argument.longValues();
        boolean[] nulls = argument.nulls();
        long[] sums = new long[groups];
        boolean[] empty = allTrue(groups);
        for (int row = 0; row < groupOf.length; row++) {
            if (nulls != null && nulls[row]) {
                continue;
            }
            int group = groupOf[row];
            long sum = sums[group];
            long value = values[row];
            long result = sum + value;
            if (((sum ^ result) & (value ^ result)) < 0) {
                throw RuntimeErrors.sumOverflow(call.toString(), sum, value);
            }
            sums[group] = result;
            empty[group] = false;
        }
        return new LongColumn(DataType.INT64, sums, maskOrNull(empty));
    }

    private static Column sumDoubles(Column argument, int[] groupOf, int groups) {
        double[] values = argument.doubleValues();
        boolean[] nulls = argument.nulls();
        double[] sums = new double[groups];
        boolean[] empty = allTrue(groups);
        for (int row = 0; row < groupOf.length; row++) {
            if (nulls != null && nulls[row]) {
                continue;
            }
            sums[groupOf[row]] += values[row];
            empty[groupOf[row]] = false;
        }
        return new DoubleColumn(sums, maskOrNull(empty));
    }

    private static Column mean(Column argument, int[] groupOf, int groups) {
        double[] values = argument.doubleValues();
        boolean[] nulls = argument.nulls();
        double[] sums = new double[groups];
        long[] counts = new long[groups];
        for (int row = 0; row < groupOf.length; row++) {
            if (nulls != null && nulls[row]) {
                continue;
            }
            sums[groupOf[row]] += values[row];
            counts[groupOf[row]]++;
        }
        boolean[] empty = new boolean[groups];
        for (int group = 0; group < groups; group++) {
            empty[group] = counts[group] == 0;
            sums[group] = counts[group] == 0 ? 0 : sums[group] / counts[group];
        }
        return new DoubleColumn(sums, maskOrNull(empty));
    }

    private static Column extreme(Column argument, int[] groupOf, int groups, boolean max) {
        boolean[] nulls = argument.nulls();
        boolean[] empty = allTrue(groups);
        int sign = max ? 1 : -1;
        switch (argument.type()) {
            case FLOAT64 -> {
                double[] values = argument.doubleValues();
                double[] best = new double[groups];
                for (int row = 0; row < groupOf.length; row++) {
                    if (nulls != null && nulls[row]) {
                        continue;
                    }
                    int group = groupOf[row];
                    if (empty[group] || ValueOrder.compareDoubles(values[row], best[group]) * sign > 0) {
                        best[group] = values[row];
                        empty[group] = false;
                    }
                }
                return new DoubleColumn(best, maskOrNull(empty));
            }
            case STRING -> {
                String[] values = ((StringColumn) argument).values();
                String[] best = new String[groups];
                for (int row = 0; row < groupOf.length; row++) {
                    if (nulls != null && nulls[row]) {
                        continue;
                    }
                    int group = groupOf[row];
                    if (empty[group] || values[row].compareTo(best[group]) * sign > 0) {
                        best[group] = values[row];
                        empty[group] = false;
                    }
                }
                return new StringColumn(best, maskOrNull(empty));
            }
            default -> {
                long[] values = argument.longValues();
                long[] best = new long[groups];
                for (int row = 0; row < groupOf.length; row++) {
                    if (nulls != null && nulls[row]) {
                        continue;
                    }
                    int group = groupOf[row];
                    if (empty[group] || Long.compare(values[row], best[group]) * sign > 0) {
                        best[group] = values[row];
                        empty[group] = false;
                    }
                }
                return Column.ofLongs(argument.type(), best, maskOrNull(empty));
            }
        }
    }

    private static boolean[] allTrue(int length) {
        boolean[] mask = new boolean[length];
        java.util.Arrays.fill(mask, true);
        return mask;
    }

    private static boolean[] maskOrNull(boolean[] mask) {
        for (boolean isNull : mask) {
            if (isNull) {
                return mask;
            }
        }
        return null;
    }
}
