package io.datajax.api;

import static java.util.Objects.requireNonNull;

import io.datajax.api.spi.Executor;
import io.datajax.ir.error.TracingException;
import java.util.List;
import java.util.Optional;
import tech.tablesaw.api.Table;

/**
 * A function mapped over a batch of tables as one program, made by {@link DataJax#vmap}. The function is traced
 * once, on one item's schema; the batch runs as <b>one</b> plan over the items' stacked rows, each row carrying
 * its item's index through every filter, projection, group-by, join, sort and limit; the result is split back
 * into one table per item, each equal to what the function gives for that item alone.
 *
 * <pre>{@code
 * Vmap totals = DataJax.vmap(day -> day.groupBy("user").agg(sum("amount")));
 * List<Table> perDay = totals.apply(List.of(monday, tuesday, wednesday));
 *
 * // a shared (unbatched) argument: pass a Table where the other argument is a list
 * Vmap enrich = DataJax.vmap((orders, users) -> orders.join(users, "user"));
 * List<Table> enriched = enrich.apply(List.of(ordersA, ordersB), users);   // users is read once, not per item
 * }</pre>
 *
 * <p>Composition: a {@code Vmap} is itself a traced function over <em>stacked</em> frames, whose batch column
 * ({@link #batchColumn(String)}, default {@code "batch"}) labels each row's item; it can be given to {@code djit}
 * or {@code pjit} ({@code DataJax.pjit(DataJax.vmap(fn), mesh, List.of(Sharding.byKey("batch")), ...)}); its
 * result has the batch column first, then the function's columns, items in batch-label order. {@link #byKey}
 * maps the function over the groups of key columns instead. Immutable and thread-safe.
 */
public final class Vmap implements FrameFunction {
    private final VmapCore core;

    private Vmap(VmapCore core) {
        this.core = core;
    }

    static Vmap of(FrameFunction fn, DataJaxConfig config) {
        return new Vmap(VmapCore.of(List.of("df"), frames -> fn.apply(frames.get(0)), config));
    }

    /** This vmap running its batches on {@code executor} (owned by the caller). */
    public Vmap on(Executor executor) {
        return new Vmap(core.on(executor));
    }

    /** This vmap, as a function of stacked frames, reading each row's item label from {@code column}. */
    public Vmap batchColumn(String column) {
        return new Vmap(core.batchColumn(column));
    }

    /**
     * The function applied to each group of rows of {@code keys} (a grouped apply), as one plan: see
     * {@link GroupedVmap}.
     */
    public GroupedVmap byKey(String... keys) {
        return new GroupedVmap(new GroupedVmapCore(core.fn(), VmapCore.keys(keys), core.config(), core.executor()));
    }

    /**
     * Applies the function to every table of {@code batch}, as one plan.
     *
     * @return one result per item, in batch order (an empty batch gives an empty list and runs nothing)
     * @throws TracingException (INPUT_MISMATCH) when an item's schema differs from the first item's, naming the
     *     item and the difference
     */
    public List<Table> apply(List<Table> batch) {
        return core.run(List.of(batch), batch.size());
    }

    /**
     * The function over a stacked frame (traced): rows labelled by the batch column, which the function does not
     * see; the result has the batch column first, then the function's columns.
     */
    @Override
    public Frame apply(Frame stacked) {
        return core.stacked(List.of(stacked));
    }

    /** What the last batch run did: one execution of one plan for the whole batch. */
    public Optional<ExecutionRecord> lastExecution() {
        return core.jit().lastExecution();
    }

    /** The plan of the last batch run, if any. */
    public Optional<TracedProgram> lastPlan() {
        return core.jit().lastPlan();
    }

    /** The last batch run's plan with rows and time per stage. */
    public String explain() {
        return core.jit().explain();
    }
}
