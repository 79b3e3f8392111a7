package io.datajax.api;

import static java.util.Objects.requireNonNull;

import io.datajax.planner.stages.ExplainPrinter;
import io.datajax.planner.stages.StageMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What one {@code apply} did: which executor ran, how, whether the plan came from the cache, and each
 * stage's rows and time. Immutable.
 *
 * @param executor the executor name
 * @param mode how it ran, e.g. {@code in-process, 1 thread}
 * @param cacheHit whether the plan was reused without tracing
 * @param stages metrics per stage, in stage order
 * @param totalNanos wall time of the whole call, including conversion in and out
 * @param program the program that ran
 */
public record ExecutionRecord(String executor, String mode, boolean cacheHit, List<StageMetrics> stages,
        long totalNanos, TracedProgram program) {
    public ExecutionRecord {
        requireNonNull(executor, "executor is null");
        requireNonNull(mode, "mode is null");
        stages = List.copyOf(requireNonNull(stages, "stages is null"));
        requireNonNull(program, "program is null");
    }

    /** The metrics of one stage. */
    public StageMetrics stage(int id) {
        return stages.stream().filter(s -> s.stageId() == id).findFirst().orElseThrow(
                () -> new IllegalArgumentException("no metrics for stage " + id + "; stages: " + stages.size()));
    }

    /** The plan with this run's rows and time per stage. */
    public String explain() {
        Map<Integer, StageMetrics> byStage = stages.stream().collect(Collectors.toMap(StageMetrics::stageId, Function.identity()));
        List<String> header = new ArrayList<>(List.of(
                "executor: " + executor + " (" + mode + ")",
                "plan cache: " + (cacheHit ? "hit" : "miss, traced"),
                String.format(Locale.ROOT, "total: %.3f ms", totalNanos / 1e6)));
        header.addAll(program.header());
        return ExplainPrinter.print(program.stagePlan(), header, byStage);
    }
}
