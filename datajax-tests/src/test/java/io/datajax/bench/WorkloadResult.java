package io.datajax.bench;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * What one workload measured: each engine's timings, which engines' results differed from the reference
 * (DuckDB, threads=1) and how, and where DataJax's time went. Immutable.
 *
 * @param workload the workload
 * @param resultRows rows of the reference result
 * @param generateMillis time to generate the data and build the Tablesaw tables (not counted)
 * @param loadMillis time to load DuckDB (not counted)
 * @param timings per engine that ran
 * @param mismatches per engine whose result differs from the reference: the difference
 * @param profiles per DataJax engine: medians from the execution records of the measured runs
 */
record WorkloadResult(Workload workload, int resultRows, double generateMillis, double loadMillis,
        Map<Engine, Timings> timings, Map<Engine, String> mismatches, Map<Engine, DataJaxProfile> profiles) {
    WorkloadResult {
        timings = Map.copyOf(timings);
        mismatches = Map.copyOf(mismatches);
        profiles = Map.copyOf(profiles);
    }

    /** Median milliseconds of {@code engine}, if it ran. */
    Optional<Double> median(Engine engine) {
        return Optional.ofNullable(timings.get(engine)).map(Timings::medianMillis);
    }

    /** {@code engine}'s median over {@code base}'s median, if both ran and {@code engine}'s result was right. */
    Optional<Double> ratio(Engine engine, Engine base) {
        if (mismatches.containsKey(engine) || mismatches.containsKey(base)) {
            return Optional.empty();
        }
        return median(engine).flatMap(e -> median(base).map(b -> e / b));
    }

    static Map<Engine, Timings> newTimings() {
        return new EnumMap<>(Engine.class);
    }

    /**
     * Where a DataJax engine's time went (medians over the measured runs, milliseconds).
     *
     * @param totalMillis wall time of {@code apply}
     * @param stageMillis sum of stage times from the execution record
     * @param peakMegabytes the largest per-stage peak memory the execution record reports
     * @param slowestStage the stage with the largest median time, with its kind, as the record prints it
     */
    record DataJaxProfile(double totalMillis, double stageMillis, double peakMegabytes, String slowestStage) {
    }
}
