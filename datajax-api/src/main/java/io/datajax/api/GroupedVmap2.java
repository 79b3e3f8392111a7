package io.datajax.api;

import static java.util.Objects.requireNonNull;

import io.datajax.api.spi.Executor;
import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.TracingException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import tech.tablesaw.api.Table;

/**
 * A function of two frames applied to each group of rows of key columns of the first, the second shared by
 * every group and read once, as one plan, made by {@code DataJax.vmap((orders, users) -> ...).byKey("user")}: see
 * {@link GroupedVmap} for the result's layout and order. Immutable.
 */
public final class GroupedVmap2 implements FrameFunction2 {
    private final int arity;
    private final Function<List<Frame>, Frame> fn;
    private final List<String> keys;
    private final DataJaxConfig config;
    private final Optional<Executor> executor;
    private volatile JitFunction jit;

    GroupedVmap2(int arity, Function<List<Frame>, Frame> fn, List<String> keys, DataJaxConfig config,
            Optional<Executor> executor) {
        this.arity = arity;
        this.fn = fn;
        this.keys = List.copyOf(keys);
        this.config = config;
        this.executor = executor;
    }

    /** This grouped vmap running on {@code newExecutor} (owned by the caller). */
    public GroupedVmap2 on(Executor newExecutor) {
        return new GroupedVmap2(arity, fn, keys, config, Optional.of(requireNonNull(newExecutor, "executor is null")));
    }


    /** The function applied to each group of {@code grouped}'s rows, with {@code shared} read once for all. */
    public Table apply(Table grouped, Table shared) {
        requireArity(2);
        return jit().apply(grouped, shared);
    }


    /** The function applied to each group of {@code grouped}'s rows with {@code shared} shared (traced). */
    @Override
    public Frame apply(Frame grouped, Frame shared) {
        requireArity(2);
        return Batching.overKeys(List.of(grouped, shared), 0, keys, true, fn);
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
        JitFunction current = jit;
        if (current == null) {
            JitFunction made = DataJax.djit((FrameFunction2) this, config);
            made = made.withHeader("vmap by key " + keys + ": one plan for every group; rows carry their group's key"
                    + " in __vmap_null_i/__vmap_key_i (null flag, value) and __vmap_group_i");
            current = executor.map(made::on).orElse(made);
            jit = current;
        }
        return current;
    }

    private void requireArity(int given) {
        if (given != arity) {
            throw new TracingException(ErrorCode.INPUT_MISMATCH, "This vmap maps a function of " + arity
                    + " argument(s); it was called with " + given + ".");
        }
    }
}
