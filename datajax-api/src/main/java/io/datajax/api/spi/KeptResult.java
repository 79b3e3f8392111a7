package io.datajax.api.spi;

import static java.util.Objects.requireNonNull;

import io.datajax.planner.stages.StageMetrics;
import java.util.List;

/**
 * What {@link Executor#executeAndKeep} returns: the kept result and how it was produced.
 *
 * @param table the kept rows; owned (and closed) by the caller
 * @param mode how the executor ran
 * @param stages metrics per stage, in stage order
 */
public record KeptResult(KeptTable table, String mode, List<StageMetrics> stages) {
    public KeptResult {
        requireNonNull(table, "table is null");
        requireNonNull(mode, "mode is null");
        stages = List.copyOf(requireNonNull(stages, "stages is null"));
    }
}
