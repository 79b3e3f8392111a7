package io.datajax.bench;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

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
 * @param mpjRuns the MPJ executor's runs, by rank count (empty without {@code --mpj})
 */
record WorkloadResult(Workload workload, int resultRows, double generateMillis, double loadMillis,
        Map<Engine, Timings> timings, Map<Engine, String> mismatches, Map<Engine, DataJaxProfile> profiles,
        SortedMap<Integer, MpjRun> mpjRuns) {
    WorkloadResult {
        timings = Map.copyOf(timings);
        mismatches = Map.copyOf(mismatches);
        profiles = Map.copyOf(profiles);
        mpjRuns = Collections.unmodifiableSortedMap(new TreeMap<>(mpjRuns));
    }

    WorkloadResult(Workload workload, int resultRows, double generateMillis, double loadMillis,
            Map<Engine, Timings> timings, Map<Engine, String> mismatches, Map<Engine, DataJaxProfile> profiles) {
        this(workload, resultRows, generateMillis, loadMillis, timings, mismatches, profiles, new TreeMap<>());
    }

    /**
     * Median time of the MPJ run with {@code base} ranks over that with {@code ranks} ranks (the speed-up), if both
     * ran and gave the right result.
     */
    Optional<Double> mpjSpeedup(int base, int ranks) {
        MpjRun from = mpjRuns.get(base);
        MpjRun to = mpjRuns.get(ranks);
        if (from == null || to == null || from.mismatch().isPresent() || to.mismatch().isPresent()) {
            return Optional.empty();
        }
        return Optional.of(from.timings().medianMillis() / to.timings().medianMillis());
    }

    /**
     * The MPJ executor on one warm pool ("DataJax MPJ 2r"): medians over the measured runs.
     *
     * @param ranks rank processes of the pool
     * @param timings wall time of {@code apply}
     * @param bytesExchanged median bytes the ranks sent each other per call ({@code MpjExecutor.lastCall()})
     * @param exchangeMillis median time in exchanges per call (per stage the longest rank's, summed)
     * @param joinStrategy the join stage's strategy note, or empty
     * @param mismatch how the result differs from DuckDB threads=1's, if it does
     * @param phases medians of where a call's time goes ({@code MpjExecutor.CallRecord})
     */
    record MpjRun(int ranks, Timings timings, long bytesExchanged, double exchangeMillis, String joinStrategy,
            Optional<String> mismatch, Phases phases) {
        String label() {
            return "DataJax MPJ " + ranks + "r";
        }
    }

    /**
     * Medians (ms) of an MPJ call's phases.
     *
     * @param prepareMillis driver: convert the tables, cut and Arrow-encode the shards
     * @param ranksMillis the pool call: ship the payloads, run every stage, answers back
     * @param stageMillis the stages on the ranks (per stage the longest rank's, summed), part of ranksMillis
     * @param gatherMillis driver: decode and concatenate the result shards, convert to Tablesaw
     */
    record Phases(double prepareMillis, double ranksMillis, double stageMillis, double gatherMillis) {
        static final Phases NONE = new Phases(0, 0, 0, 0);
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
