package io.datajax.api.spi;

import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.ExecutionException;
import io.datajax.ir.source.DataSink;
import io.datajax.planner.stages.StagePlan;
import java.util.ArrayList;
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

    /**
     * Runs {@code plan} on inputs that may be results this executor kept ({@link #executeAndKeep}). The default
     * collects kept inputs into tables and calls {@link #execute(StagePlan, List, StageListener)}; an executor
     * that keeps results elsewhere (the MPJ ranks) reads them where they are.
     *
     * @throws ExecutionException (INVALID_ARGUMENT) when a kept input was closed or kept by another executor
     */
    default ExecutionResult executeInputs(StagePlan plan, List<CallInput> inputs, StageListener listener) {
        return execute(plan, collectInputs(inputs), listener);
    }

    /**
     * Runs {@code plan} and keeps its result instead of returning it, for later calls to read as an input
     * ({@link CallInput#of(KeptTable)}) without moving it through the caller. The default keeps the result as a
     * table in this JVM ({@link HeapKeptTable}) whose sharding is {@code blocks}: its rows were gathered to the
     * caller, so a later call must not assume they lie as the plan placed them.
     *
     * @return the kept result, owned by the caller, who closes it
     */
    default KeptResult executeAndKeep(StagePlan plan, List<CallInput> inputs, StageListener listener) {
        ExecutionResult result = executeInputs(plan, inputs, listener);
        return new KeptResult(new HeapKeptTable(name(), plan.schema(), io.datajax.ir.Sharding.blocks(), result.table()),
                result.mode(), result.stages());
    }

    /** The inputs as tables: the caller's as given, kept ones collected (checked to be this executor's and open). */
    default List<Table> collectInputs(List<CallInput> inputs) {
        List<Table> tables = new ArrayList<>(inputs.size());
        for (CallInput input : inputs) {
            if (input instanceof CallInput.Rows rows) {
                tables.add(rows.table());
            } else {
                KeptTable kept = ((CallInput.Kept) input).table();
                requireOwnKept(kept);
                tables.add(kept instanceof HeapKeptTable heap ? heap.table() : kept.collect());
            }
        }
        return tables;
    }

    /** Checks that {@code kept} is open and was kept by an executor of this name. */
    default void requireOwnKept(KeptTable kept) {
        if (!kept.executor().equals(name())) {
            throw new ExecutionException(ErrorCode.INVALID_ARGUMENT, "A result kept by the " + kept.executor()
                    + " executor was passed to the " + name() + " executor; pass kept results back to the executor"
                    + " that made them, or collect() it and pass the table.");
        }
        if (!kept.isOpen()) {
            throw new ExecutionException(ErrorCode.INVALID_ARGUMENT, "A kept result (" + kept.schema() + ") was"
                    + " closed before this call read it; close kept results only after their last use.");
        }
    }

    /** The number of ranks a plan for this executor is split for (1 when everything runs in one process). */
    default int parallelism() {
        return 1;
    }

    @Override
    void close();
}
