package io.datajax.planner.stages;

import static java.util.Objects.requireNonNull;

/**
 * What one stage did in one run; reported by executors, printed by {@link ExplainPrinter}.
 *
 * @param stageId the stage
 * @param rowsIn rows read from the stage's inputs (summed)
 * @param rowsOut rows produced
 * @param nanos wall time
 * @param bytesExchanged bytes moved between ranks before the stage (0 locally)
 * @param peakBytes estimated peak memory held by the stage's output and working state
 * @param notes what the executor decided at run time for the stage, e.g. the MPJ executor's join strategy
 *     ({@code join strategy: broadcast right (100000 rows <= threshold 1000000)}); empty when nothing to say
 */
public record StageMetrics(int stageId, long rowsIn, long rowsOut, long nanos, long bytesExchanged, long peakBytes,
        String notes) {
    public StageMetrics {
        requireNonNull(notes, "notes is null");
    }

    /** Metrics without notes. */
    public StageMetrics(int stageId, long rowsIn, long rowsOut, long nanos, long bytesExchanged, long peakBytes) {
        this(stageId, rowsIn, rowsOut, nanos, bytesExchanged, peakBytes, "");
    }
}
