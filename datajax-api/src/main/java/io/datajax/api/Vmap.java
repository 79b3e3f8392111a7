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
    static final String DOMAIN = "__vmap_items";
    private static final String DEFAULT_BATCH_COLUMN = "batch";

    private final int arity;
    private final Function<List<Frame>, Frame> fn;
    private final String batchColumn;
    private final JitFunction jit;
    private final Optional<Executor> executor;

    private Vmap(int arity, Function<List<Frame>, Frame> fn, String batchColumn, JitFunction jit,
            Optional<Executor> executor) {
        this.arity = arity;
        this.executor = executor;
        this.fn = fn;
        this.batchColumn = batchColumn;
        this.jit = jit;
    }

    static Vmap of(int arity, Function<List<Frame>, Frame> fn, DataJaxConfig config) {
        List<String> names = new ArrayList<>(arity == 1 ? List.of("df") : List.of("left", "right"));
        names.add(DOMAIN);
        JitFunction jit = JitFunction.positional(names, frames -> Batching.overItems(frames.subList(0, arity),
                        frames.get(arity), fn), config)
                .withHeader("vmap: one plan for the whole batch; rows carry their item's index in " + Batching.ITEM
                        + " (input " + DOMAIN + " has one row per item)");
        return new Vmap(arity, fn, DEFAULT_BATCH_COLUMN, jit, Optional.empty());
    }

    /** This vmap running its batches on {@code executor} (owned by the caller). */
    public Vmap on(Executor executor) {
        return new Vmap(arity, fn, batchColumn, jit.on(executor), Optional.of(executor));
    }

    /** This vmap, as a function of stacked frames, reading each row's item label from {@code column}. */
    public Vmap batchColumn(String column) {
        return new Vmap(arity, fn, requireNonNull(column, "column is null"), jit, executor);
    }

    /**
     * The function applied to each group of rows of {@code keys} (a grouped apply), as one plan: see
     * {@link GroupedVmap}.
     */
    public GroupedVmap byKey(String... keys) {
        if (keys.length == 0) {
            throw new TracingException(ErrorCode.INVALID_ARGUMENT, "vmap(fn).byKey() needs at least one key column.");
        }
        return new GroupedVmap(arity, fn, List.of(keys), jit.config(), executor);
    }

    /**
     * Applies the function to every table of {@code batch}, as one plan.
     *
     * @return one result per item, in batch order (an empty batch gives an empty list and runs nothing)
     * @throws TracingException (INPUT_MISMATCH) when an item's schema differs from the first item's, naming the
     *     item and the difference
     */
    public List<Table> apply(List<Table> batch) {
        requireArity(1);
        return run(List.of(batch), batch.size());
    }




    /**
     * The function over a stacked frame (traced): rows labelled by the batch column, which the function does not
     * see; the result has the batch column first, then the function's columns.
     */
    @Override
    public Frame apply(Frame stacked) {
        requireArity(1);
        return stacked(List.of(stacked));
    }


    /** What the last batch run did: one execution of one plan for the whole batch. */
    public Optional<ExecutionRecord> lastExecution() {
        return jit.lastExecution();
    }

    /** The plan of the last batch run, if any. */
    public Optional<TracedProgram> lastPlan() {
        return jit.lastPlan();
    }

    /** The last batch run's plan with rows and time per stage. */
    public String explain() {
        return jit.explain();
    }

    private Frame stacked(List<Frame> args) {
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

    private List<Table> run(List<Object> args, int items) {
        if (items == 0) {
            return List.of();
        }
        List<String> names = arity == 1 ? List.of("df") : List.of("left", "right");
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

    private void requireArity(int given) {
        if (given != arity) {
            throw new TracingException(ErrorCode.INPUT_MISMATCH, "This vmap maps a function of " + arity
                    + " argument(s); it was called with " + given + ".");
        }
    }
}
