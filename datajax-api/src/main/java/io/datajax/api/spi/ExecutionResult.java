package io.datajax.api.spi;

import static java.util.Objects.requireNonNull;

import io.datajax.planner.stages.StageMetrics;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * What an executor returns: the result and how it was produced.
 *
 * @param table the result; owned by the caller
 * @param mode how the executor ran, e.g. {@code "in-process, 2 threads"}
 * @param stages metrics per stage, in stage order
 */
public record ExecutionResult(Table table, String mode, List<StageMetrics> stages) {
    public ExecutionResult {
        requireNonNull(table, "table is null");
        requireNonNull(mode, "mode is null");
        stages = List.copyOf(requireNonNull(stages, "stages is null"));
    }
}
