package io.datajax.api;

import static java.util.Objects.requireNonNull;

import io.datajax.api.spi.Executor;
import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.TracingException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
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
    static final String DOMAIN = "__vmap_items";
    private static final String DEFAULT_BATCH_COLUMN = "batch";

    private final int arity;
    private final Function<List<Frame>, Frame> fn;
    private final String batchColumn;
    private final JitFunction jit;
    private final Optional<Executor> executor;

    private Vmap2(int arity, Function<List<Frame>, Frame> fn, String batchColumn, JitFunction jit,
            Optional<Executor> executor) {
        this.arity = arity;
        this.executor = executor;
        this.fn = fn;
        this.batchColumn = batchColumn;
        this.jit = jit;
    }

    static Vmap2 of(int arity, Function<List<Frame>, Frame> fn, DataJaxConfig config) {
        List<String> names = new ArrayList<>(arity == 1 ? List.of("df") : List.of("left", "right"));
        names.add(DOMAIN);
        JitFunction jit = JitFunction.positional(names, frames -> Batching.overItems(frames.subList(0, arity),
                        frames.get(arity), fn), config)
                .withHeader("vmap: one plan for the whole batch; rows carry their item's index in " + Batching.ITEM
                        + " (input " + DOMAIN + " has one row per item)");
        return new Vmap2(arity, fn, DEFAULT_BATCH_COLUMN, jit, Optional.empty());
    }

    /** This vmap running its batches on {@code executor} (owned by the caller). */
    public Vmap2 on(Executor executor) {
        return new Vmap2(arity, fn, batchColumn, jit.on(executor), Optional.of(executor));
    }

    /** This vmap, as a function of stacked frames, reading each row's item label from {@code column}. */
    public Vmap2 batchColumn(String column) {
        return new Vmap2(arity, fn, requireNonNull(column, "column is null"), jit, executor);
    }

    /**
     * The function applied to each group of rows of {@code keys} (a grouped apply), as one plan: see
     * {@link GroupedVmap}.
     */
    public GroupedVmap2 byKey(String... keys) {
        if (keys.length == 0) {
            throw new TracingException(ErrorCode.INVALID_ARGUMENT, "vmap(fn).byKey() needs at least one key column.");
        }
        return new GroupedVmap2(arity, fn, List.of(keys), jit.config(), executor);
    }


    /** Applies the function to each pair of the two batches (of one size), as one plan. */
    public List<Table> apply(List<Table> left, List<Table> right) {
        requireArity(2);
        if (left.size() != right.size()) {
            throw new TracingException(ErrorCode.INPUT_MISMATCH, "vmap was given batches of different sizes: left has "
                    + left.size() + " tables, right " + right.size() + ". Pass batches of one size, or a single Table"
                    + " for an argument shared by every item.");
        }
        return run(List.of(left, right), left.size());
    }

    /** Applies the function to each table of {@code left} with {@code right} shared by every item (read once). */
    public List<Table> apply(List<Table> left, Table right) {
        requireArity(2);
        return run(Arrays.asList(left, requireNonNull(right, "right is null")), left.size());
    }

    /** Applies the function to each table of {@code right} with {@code left} shared by every item (read once). */
    public List<Table> apply(Table left, List<Table> right) {
        requireArity(2);
        return run(Arrays.asList(requireNonNull(left, "left is null"), right), right.size());
    }


    /** The function over stacked frames (traced); an argument without the batch column is shared by every item. */
    @Override
    public Frame apply(Frame left, Frame right) {
        requireArity(2);
        return stacked(List.of(left, right));
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
