package io.datajax.api;

import static java.util.Objects.requireNonNull;

import io.datajax.api.spi.Executor;
import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.TracingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import tech.tablesaw.api.Table;

/**
 * What {@link Vmap} and {@link Vmap2} share: the mapped function, the batch column of stacked frames, and the
 * jitted program that runs a batch of tables (stack, one plan, split). Immutable.
 */
final class VmapCore {
    static final String DOMAIN = "__vmap_items";
    private static final String DEFAULT_BATCH_COLUMN = "batch";

    private final List<String> names;
    private final Function<List<Frame>, Frame> fn;
    private final String batchColumn;
    private final JitFunction jit;
    private final Optional<Executor> executor;

    private VmapCore(List<String> names, Function<List<Frame>, Frame> fn, String batchColumn, JitFunction jit,
            Optional<Executor> executor) {
        this.names = names;
        this.fn = fn;
        this.batchColumn = batchColumn;
        this.jit = jit;
        this.executor = executor;
    }

    /** The core of a function of the frames named {@code names}. */
    static VmapCore of(List<String> names, Function<List<Frame>, Frame> fn, DataJaxConfig config) {
        int arity = names.size();
        List<String> inputs = new ArrayList<>(names);
        inputs.add(DOMAIN);
        JitFunction jit = JitFunction.positional(inputs, frames -> Batching.overItems(frames.subList(0, arity),
                        frames.get(arity), fn), config)
                .withHeader("vmap: one plan for the whole batch; rows carry their item's index in " + Batching.ITEM
                        + " (input " + DOMAIN + " has one row per item)");
        return new VmapCore(List.copyOf(names), fn, DEFAULT_BATCH_COLUMN, jit, Optional.empty());
    }

    VmapCore on(Executor newExecutor) {
        requireNonNull(newExecutor, "executor is null");
        return new VmapCore(names, fn, batchColumn, jit.on(newExecutor), Optional.of(newExecutor));
    }

    VmapCore batchColumn(String column) {
        return new VmapCore(names, fn, requireNonNull(column, "column is null"), jit, executor);
    }

    Function<List<Frame>, Frame> fn() {
        return fn;
    }

    Optional<Executor> executor() {
        return executor;
    }

    DataJaxConfig config() {
        return jit.config();
    }

    JitFunction jit() {
        return jit;
    }

    /** The keys of {@code byKey}, checked. */
    static List<String> keys(String... keys) {
        if (keys.length == 0) {
            throw new TracingException(ErrorCode.INVALID_ARGUMENT, "vmap(fn).byKey() needs at least one key column.");
        }
        return List.of(keys);
    }

    /** The function over stacked frames: the argument with the batch column is batched, the others shared. */
    Frame stacked(List<Frame> args) {
        int grouped = -1;
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).schema().contains(batchColumn)) {
                if (grouped >= 0) {
                    throw new TracingException(ErrorCode.INVALID_ARGUMENT, "vmap over stacked frames batches one"
                            + " argument by its '" + batchColumn + "' column; both arguments have one. Use"
                            + " vmap(fn).apply(List, List) for two batches, or rename one column.");
                }
                grouped = i;
            }
        }
        if (grouped < 0) {
            throw new TracingException(ErrorCode.UNKNOWN_COLUMN, "vmap over a stacked frame needs its batch column '"
                    + batchColumn + "', which no argument has (columns: " + args.get(0).columns() + "). Name the"
                    + " column with vmap(fn).batchColumn(\"...\"), or pass a List of tables to apply.");
        }
        return Batching.overKeys(args, grouped, List.of(batchColumn), false, fn);
    }

    /**
     * Runs a batch of {@code items}: per argument a {@code List<Table>} (batched, stacked) or a {@code Table}
     * (shared); returns one result per item (none, and nothing runs, for an empty batch).
     */
    List<Table> run(List<Object> args, int items) {
        if (items == 0) {
            return List.of();
        }
        Input[] inputs = new Input[args.size() + 1];
        for (int i = 0; i < args.size(); i++) {
            Object arg = args.get(i);
            if (arg instanceof Table table) {
                inputs[i] = Input.of(table);
            } else {
                @SuppressWarnings("unchecked")
                List<Table> batch = (List<Table>) requireNonNull(arg, "batch is null");
                inputs[i] = Input.of(BatchTables.stack(names.get(i), batch));
            }
        }
        inputs[args.size()] = Input.of(BatchTables.domain(items));
        Table result = jit.apply(inputs);
        return BatchTables.split(result, items);
    }
}
