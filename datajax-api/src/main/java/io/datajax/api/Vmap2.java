package io.datajax.api;

import static java.util.Objects.requireNonNull;

import io.datajax.api.spi.Executor;
import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.TracingException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import tech.tablesaw.api.Table;

/**
 * A function of two frames mapped over batches as one program, made by {@code DataJax.vmap((a, b) -> ...)}: see
 * {@link Vmap} for how a batch runs. An argument passed as a list is batched (two lists must have one size); an
 * argument passed as one {@code Table} is shared by every item and read once, never copied per item.
 *
 * <pre>{@code
 * Vmap2 enrich = DataJax.vmap((orders, users) -> orders.join(users, "user"));
 * List<Table> enriched = enrich.apply(List.of(ordersA, ordersB), users);
 * }</pre>
 *
 * <p>As a traced {@link FrameFunction2} over stacked frames, the argument with the batch column is batched and
 * the other shared. Immutable and thread-safe.
 */
public final class Vmap2 implements FrameFunction2 {
    private final VmapCore core;

    private Vmap2(VmapCore core) {
        this.core = core;
    }

    static Vmap2 of(FrameFunction2 fn, DataJaxConfig config) {
        return new Vmap2(VmapCore.of(List.of("left", "right"), frames -> fn.apply(frames.get(0), frames.get(1)),
                config));
    }

    /** This vmap running its batches on {@code executor} (owned by the caller). */
    public Vmap2 on(Executor executor) {
        return new Vmap2(core.on(executor));
    }

    /** This vmap, as a function of stacked frames, reading each row's item label from {@code column}. */
    public Vmap2 batchColumn(String column) {
        return new Vmap2(core.batchColumn(column));
    }

    /** The function applied to each group of rows of {@code keys} of the first argument, the second shared. */
    public GroupedVmap2 byKey(String... keys) {
        return new GroupedVmap2(new GroupedVmapCore(core.fn(), VmapCore.keys(keys), core.config(), core.executor()));
    }

    /** Applies the function to each pair of the two batches (of one size), as one plan. */
    public List<Table> apply(List<Table> left, List<Table> right) {
        if (left.size() != right.size()) {
            throw new TracingException(ErrorCode.INPUT_MISMATCH, "vmap was given batches of different sizes: left has "
                    + left.size() + " tables, right " + right.size() + ". Pass batches of one size, or a single Table"
                    + " for an argument shared by every item.");
        }
        return core.run(List.of(left, right), left.size());
    }

    /** Applies the function to each table of {@code left} with {@code right} shared by every item (read once). */
    public List<Table> apply(List<Table> left, Table right) {
        return core.run(Arrays.asList(left, requireNonNull(right, "right is null")), left.size());
    }

    /** Applies the function to each table of {@code right} with {@code left} shared by every item (read once). */
    public List<Table> apply(Table left, List<Table> right) {
        return core.run(Arrays.asList(requireNonNull(left, "left is null"), right), right.size());
    }

    /** The function over stacked frames (traced); an argument without the batch column is shared by every item. */
    @Override
    public Frame apply(Frame left, Frame right) {
        return core.stacked(List.of(left, right));
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
