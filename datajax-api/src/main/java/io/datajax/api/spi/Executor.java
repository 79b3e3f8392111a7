package io.datajax.api.spi;

import io.datajax.planner.stages.StagePlan;
import io.datajax.ir.source.DataSink;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * Runs stage plans. An executor may hold resources (threads, rank processes) between calls; it releases
 * them on {@link #close()}. Implementations must be safe for use by one caller at a time at least, and
 * must never modify the caller's input tables.
 */
public interface Executor extends AutoCloseable {

    /** The provider name this executor was created under, e.g. {@code "local"}. */
    String name();

    /**
     * Runs {@code plan} on {@code inputs} (one table per program input, in input-index order).
     *
     * @param listener told when each stage starts and ends
     * @return the result table and what each stage did
     */
    ExecutionResult execute(StagePlan plan, List<Table> inputs, StageListener listener);

    /**
     * Runs {@code plan} on {@code inputs} and writes the result to {@code sink} (atomically: the sink's directory
     * appears only once every part is written; a failure leaves nothing where the output was meant to be).
     *
     * @return the parts written as a table ({@code file} STRING, {@code rows} INT64, {@code bytes} INT64), and
     *     what each stage did
     * @throws io.datajax.ir.error.ExecutionException (INVALID_ARGUMENT) when this executor cannot write sinks
     */
    default ExecutionResult write(StagePlan plan, List<Table> inputs, DataSink sink, StageListener listener) {
        throw new io.datajax.ir.error.ExecutionException(io.datajax.ir.error.ErrorCode.INVALID_ARGUMENT, "The "
                + name() + " executor cannot write to sinks such as " + sink.describe() + ". Use the local or the"
                + " MPJ executor, or apply(...) and write the returned table yourself.");
    }

    /** The number of ranks a plan for this executor is split for (1 when everything runs in one process). */
    default int parallelism() {
        return 1;
    }

    @Override
    void close();
}
