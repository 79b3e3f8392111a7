package io.datajax.api;

import static java.util.Objects.requireNonNull;

import io.datajax.api.spi.Executor;
import java.util.List;
import java.util.Optional;
import tech.tablesaw.api.Table;

/**
 * A function of two frames applied to each group of rows of key columns of the first, the second shared by
 * every group and read once, as one plan, made by {@code DataJax.vmap((orders, users) -> ...).byKey("user")}: see
 * {@link GroupedVmap} for the result's layout and order. Immutable.
 */
public final class GroupedVmap2 implements FrameFunction2 {
    private final GroupedVmapCore core;

    GroupedVmap2(GroupedVmapCore core) {
        this.core = core;
    }

    /** This grouped vmap running on {@code newExecutor} (owned by the caller). */
    public GroupedVmap2 on(Executor newExecutor) {
        return new GroupedVmap2(core.on(requireNonNull(newExecutor, "executor is null")));
    }

    /** The function applied to each group of {@code grouped}'s rows, with {@code shared} read once for all. */
    public Table apply(Table grouped, Table shared) {
        return jit().apply(grouped, shared);
    }

    /** The function applied to each group of {@code grouped}'s rows with {@code shared} shared (traced). */
    @Override
    public Frame apply(Frame grouped, Frame shared) {
        return core.apply(List.of(grouped, shared));
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
