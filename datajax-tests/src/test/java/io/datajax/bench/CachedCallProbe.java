package io.datajax.bench;

import static io.datajax.api.Functions.col;
import static io.datajax.api.Functions.count;
import static io.datajax.api.Functions.sum;

import io.datajax.api.DataJax;
import io.datajax.api.DataJaxConfig;
import io.datajax.api.ExecutionRecord;
import io.datajax.api.JitFunction;
import io.datajax.planner.stages.StageMetrics;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

/**
 * Measures what a cached {@code djit} call costs beyond executing its stages: calls a small filter + group-by
 * on a one-row table many times, and per call takes the wall time around {@code apply} and the stage time the
 * execution record reports. The overhead (wall minus stages) is signature building, the plan-cache lookup,
 * Tablesaw conversion in and out and the execution record. {@link CachedCallBenchmark} measures the same call
 * with JMH.
 */
final class CachedCallProbe {
    private CachedCallProbe() {
    }

    /**
     * Medians over {@code calls} measured calls (after as many warm-up calls), in nanoseconds.
     *
     * @param wallNanos time of {@code apply}, measured around the call
     * @param recordedTotalNanos {@link ExecutionRecord#totalNanos()}
     * @param stageNanos sum of the stages' nanos
     * @param overheadNanos median of wall minus stages per call
     */
    record Result(long calls, long wallNanos, long recordedTotalNanos, long stageNanos, long overheadNanos) {
    }

    /** The one-row input. */
    static Table tinyTable() {
        return Table.create("tiny", LongColumn.create("k", 7L), DoubleColumn.create("v", 1.5));
    }

    /** The probe's function: a filter, an expression and a group-by, so planning has real work to cache. */
    static JitFunction tinyFunction(DataJaxConfig config) {
        return DataJax.djit(df -> df
                .filter(col("v").gt(0.0))
                .withColumn("w", col("v").multiply(2.0))
                .groupBy("k")
                .agg(sum("w"), count()), config);
    }

    /** The sum of the stage times of {@code record}. */
    static long stageNanos(ExecutionRecord record) {
        long total = 0;
        for (StageMetrics stage : record.stages()) {
            total += stage.nanos();
        }
        return total;
    }

    static Result run(int calls) {
        Table tiny = tinyTable();
        JitFunction fn = tinyFunction(DataJaxConfig.defaults().withThreads(1));
        for (int i = 0; i < calls; i++) {
            fn.apply(tiny);
        }
        long[] wall = new long[calls];
        long[] recorded = new long[calls];
        long[] stages = new long[calls];
        long[] overhead = new long[calls];
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            fn.apply(tiny);
            wall[i] = System.nanoTime() - start;
            ExecutionRecord record = fn.lastExecution().orElseThrow();
            if (!record.cacheHit()) {
                throw new IllegalStateException("the plan cache missed on call " + i + " with an unchanged schema");
            }
            recorded[i] = record.totalNanos();
            stages[i] = stageNanos(record);
            overhead[i] = wall[i] - stages[i];
        }
        return new Result(calls, Timings.median(wall), Timings.median(recorded), Timings.median(stages),
                Timings.median(overhead));
    }
}
