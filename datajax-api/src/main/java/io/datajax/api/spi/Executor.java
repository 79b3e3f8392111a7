package io.datajax.api.spi;

import io.datajax.planner.stages.StagePlan;
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

    /** The number of ranks a plan for this executor is split for (1 when everything runs in one process). */
    default int parallelism() {
        return 1;
    }

    @Override
    void close();
}
