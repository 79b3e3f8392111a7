package io.datajax.planner.stages;

/**
 * What one stage did in one run; reported by executors, printed by {@link ExplainPrinter}.
 *
 * @param stageId the stage
 * @param rowsIn rows read from the stage's inputs (summed)
 * @param rowsOut rows produced
 * @param nanos wall time
 * @param bytesExchanged bytes moved between ranks before the stage (0 locally)
 * @param peakBytes estimated peak memory held by the stage's output and working state
 */
public record StageMetrics(int stageId, long rowsIn, long rowsOut, long nanos, long bytesExchanged, long peakBytes) {
}
