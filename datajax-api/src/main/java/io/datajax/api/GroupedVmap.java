package io.datajax.api;

import static java.util.Objects.requireNonNull;

import io.datajax.api.spi.Executor;
import java.util.List;
import java.util.Optional;
import tech.tablesaw.api.Table;

/**
 * A function applied to each group of rows of key columns, as one plan (like a grouped apply in pandas or
 * Spark's {@code applyInPandas}), made by {@code DataJax.vmap(fn).byKey(keys)}. The function sees a group's rows
 * with every column (the keys included) and is traced once; the result is the key columns, then the function's
 * columns (a column of the function's result named like a key is that key's value), groups in key order with
 * nulls last (null keys are a group), each group's rows in the order the function gives them.
 *
 * <pre>{@code
 * // the 3 largest orders of every user
 * Table top3 = DataJax.vmap(orders -> orders.sort(desc("amount")).limit(3)).byKey("user").apply(orders);
 * }</pre>
 *
 * <p>A second argument of a two-argument function is shared by every group. A {@code GroupedVmap} is itself a
 * traced function, so it composes: {@code DataJax.pjit(DataJax.vmap(fn).byKey("user"), mesh, ...)}. Immutable.
 */
public final class GroupedVmap implements FrameFunction {
    private final GroupedVmapCore core;

    GroupedVmap(GroupedVmapCore core) {
        this.core = core;
    }

    /** This grouped vmap running on {@code newExecutor} (owned by the caller). */
    public GroupedVmap on(Executor newExecutor) {
        return new GroupedVmap(core.on(requireNonNull(newExecutor, "executor is null")));
    }

    /** The function applied to each group of {@code table}'s rows, as one plan. */
    public Table apply(Table table) {
        return jit().apply(table);
    }

    /** The function applied to each group of the frame's rows (traced). */
    @Override
    public Frame apply(Frame frame) {
        return core.apply(List.of(frame));
    }

    /** What the last run did. */
    public Optional<ExecutionRecord> lastExecution() {
        return jit().lastExecution();
    }

    /** The last run's plan with rows and time per stage. */
    public String explain() {
        return jit().explain();
    }

    private JitFunction jit() {
        return core.jit(config -> DataJax.djit(this, config));
    }
}
