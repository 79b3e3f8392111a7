package io.datajax.api;

import io.datajax.api.spi.Executor;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What {@link GroupedVmap} and {@link GroupedVmap2} share: the function, the keys, and the jitted program of the
 * owner (made on first use, since it traces the owner itself).
 */
final class GroupedVmapCore {
    private final Function<List<Frame>, Frame> fn;
    private final List<String> keys;
    private final DataJaxConfig config;
    private final Optional<Executor> executor;
    private volatile JitFunction jit;

    GroupedVmapCore(Function<List<Frame>, Frame> fn, List<String> keys, DataJaxConfig config,
            Optional<Executor> executor) {
        this.fn = fn;
        this.keys = List.copyOf(keys);
        this.config = config;
        this.executor = executor;
    }

    GroupedVmapCore on(Executor newExecutor) {
        return new GroupedVmapCore(fn, keys, config, Optional.of(newExecutor));
    }

    /** The function on each group of {@code args.get(0)}'s rows, the other arguments shared (traced). */
    Frame apply(List<Frame> args) {
        return Batching.overKeys(args, 0, keys, true, fn);
    }

    /** The owner's jitted program; {@code djit} makes it from the owner (as a traced function) and the config. */
    JitFunction jit(Function<DataJaxConfig, JitFunction> djit) {
        JitFunction current = jit;
        if (current == null) {
            JitFunction made = djit.apply(config).withHeader("vmap by key " + keys + ": one plan for every group;"
                    + " rows carry their group's key in __vmap_null_i/__vmap_key_i (null flag, value) and"
                    + " __vmap_group_i");
            current = executor.map(made::on).orElse(made);
            jit = current;
        }
        return current;
    }
}
