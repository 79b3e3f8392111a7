package io.datajax.api;

import static java.util.Objects.requireNonNull;

/**
 * What the last {@link ScanFunction} run did.
 *
 * @param executor the executor name
 * @param steps the number of chunks processed
 * @param traced whether this run traced the body (false: the plans came from the scan's cache)
 * @param carryKept how the carry lay between steps, e.g. {@code kept by mpj as byKey(user)}
 * @param totalNanos wall time of the whole run
 * @param lastCarryStep the record of the last step's carry plan (null when there was no chunk)
 * @param lastOutputStep the record of the last step's output plan (null when there was no chunk)
 */
public record ScanExecution(String executor, int steps, boolean traced, String carryKept, long totalNanos,
        ExecutionRecord lastCarryStep, ExecutionRecord lastOutputStep) {
    public ScanExecution {
        requireNonNull(executor, "executor is null");
        requireNonNull(carryKept, "carryKept is null");
    }
}
