package io.datajax.api;

import io.datajax.ir.DataType;
import io.datajax.ir.Field;
import io.datajax.ir.Schema;
import io.datajax.ir.Sharding;
import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.TracingException;
import io.datajax.ir.expr.Coalesce;
import io.datajax.ir.expr.ColumnRef;
import io.datajax.ir.expr.IsNull;
import io.datajax.ir.expr.NamedExpr;
import io.datajax.ir.plan.Aggregate;
import io.datajax.ir.plan.PlanNode;
import io.datajax.ir.plan.Project;
import io.datajax.ir.plan.Scan;
import io.datajax.ir.plan.Sort;
import io.datajax.ir.plan.SortKey;
import io.datajax.planner.batch.BatchAxis;
import io.datajax.planner.batch.BatchRewriter;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code vmap} at trace time: traces a function once on frames of one item's schema, then batches the plan it
 * recorded ({@link BatchRewriter}) over frames that hold every item's rows. Two ways to tell items apart:
 * <ul>
 *   <li>by item index: a batched frame has an INT32 column {@link #ITEM} (the stacked tables of a batch, see
 *       {@link BatchTables}); the domain (every index, so that an empty item has its result too) is a frame of
 *       that one column;</li>
 *   <li>by key: the rows of each group of key columns are one item; the domain is the distinct keys.</li>
 * </ul>
 */
final class Batching {
    /** The item index column of stacked tables. */
    static final String ITEM = "__vmap_item";
    private static final String KEY_NULL = "__vmap_null_";
    private static final String KEY_VALUE = "__vmap_key_";
    private static final String GROUP = "__vmap_group_";
    private static final String NOTE = "vmap traces the function once for every item of the batch, so what it"
            + " computes (and its output schema) cannot depend on an item's rows. ";

    private Batching() {
    }

    /**
     * The function applied to each item of stacked frames: an argument with an {@link #ITEM} column is batched,
     * others are shared by every item. The result has the function's columns and {@link #ITEM}. The index column
     * holds no nulls (it is typed nullable only because every Tablesaw column is), so it is read as it is.
     */
    static Frame overItems(List<Frame> args, Frame domain, Function<List<Frame>, Frame> fn) {
        BatchAxis axis = BatchAxis.index(domain.schema().field(ITEM));
        List<PlanNode> itemNodes = new ArrayList<>();
        List<Schema> itemSchemas = new ArrayList<>();
        for (Frame arg : args) {
            if (arg.schema().contains(ITEM)) {
                itemNodes.add(arg.node());
                itemSchemas.add(without(arg.schema(), List.of(ITEM)));
            } else {
                itemNodes.add(null);
                itemSchemas.add(null);
            }
        }
        Traced traced = trace(args, itemNodes, itemSchemas, fn);
        PlanNode batched = BatchRewriter.rewrite(traced.out().node(), axis, traced.items(itemNodes), domain.node());
        return new Frame(traced.out().context(), batched);
    }

    /**
     * The function applied to the rows of each group of {@code keys} of argument {@code grouped} (other arguments
     * shared): the key columns, then the function's columns (a column of the function's output named like a key
     * is that key), groups in key order (nulls last), each group's rows in the function's order.
     *
     * @param keysVisible whether the function sees the key columns (a grouped apply) or not (a stacked batch
     *     whose key is the item's label)
     */
    static Frame overKeys(List<Frame> args, int grouped, List<String> keys, boolean keysVisible,
            Function<List<Frame>, Frame> fn) {
        Frame input = args.get(grouped);
        Schema schema = input.schema();
        List<Field> axisKeys = new ArrayList<>();
        List<Field> passengers = new ArrayList<>();
        List<NamedExpr> hidden = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            Field key = schema.field(keys.get(i));
            if (key.type() == DataType.NULL) {
                throw new TracingException(ErrorCode.TYPE_MISMATCH, "vmap by key cannot group by '" + key.name()
                        + "', a column of type NULL; cast it to a type first.");
            }
            ColumnRef ref = ColumnRef.of(key);
            NamedExpr isNull = new NamedExpr(KEY_NULL + i, new IsNull(ref, false));
            NamedExpr value = new NamedExpr(KEY_VALUE + i, new Coalesce(List.of(ref, BatchRewriter.zeroOf(key.type()))));
            NamedExpr group = new NamedExpr(GROUP + i, ref);
            axisKeys.add(isNull.field());
            axisKeys.add(value.field());
            passengers.add(group.field());
            hidden.add(isNull);
            hidden.add(value);
            hidden.add(group);
        }
        BatchAxis axis = new BatchAxis(axisKeys, passengers);
        Schema itemSchema = keysVisible ? schema : without(schema, keys);
        List<NamedExpr> itemColumns = new ArrayList<>();
        for (Field field : itemSchema.fields()) {
            itemColumns.add(new NamedExpr(field.name(), ColumnRef.of(field)));
        }
        itemColumns.addAll(hidden);
        PlanNode itemNode = new Project(input.node(), itemColumns);
        List<NamedExpr> axisColumns = new ArrayList<>();
        for (Field field : axis.columns()) {
            axisColumns.add(new NamedExpr(field.name(), ColumnRef.of(field)));
        }
        PlanNode domain = new Aggregate(new Project(itemNode, axisColumns), axis.names(), List.of());
        List<PlanNode> itemNodes = new ArrayList<>();
        List<Schema> itemSchemas = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            itemNodes.add(i == grouped ? itemNode : null);
            itemSchemas.add(i == grouped ? itemSchema : null);
        }
        Traced traced = trace(args, itemNodes, itemSchemas, fn);
        Frame out = traced.out();
        Schema fnSchema = out.schema();
        if (!keysVisible) {
            for (String key : keys) {
                if (fnSchema.contains(key)) {
                    throw new TracingException(ErrorCode.DUPLICATE_COLUMN, "The function given to vmap returns a"
                            + " column '" + key + "', the name of the batch column the result is labelled with."
                            + " Rename the function's column, or stack the batch under another column name.");
                }
            }
        }
        PlanNode batched = BatchRewriter.rewrite(out.node(), axis, traced.items(itemNodes), domain);
        List<SortKey> order = new ArrayList<>();
        for (Field key : axisKeys) {
            order.add(new SortKey(key.name(), true, false));
        }
        PlanNode sorted = new Sort(batched, order);
        List<NamedExpr> result = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            result.add(new NamedExpr(keys.get(i), ColumnRef.of(sorted.schema().field(GROUP + i))));
        }
        for (Field field : fnSchema.fields()) {
            if (!keys.contains(field.name())) {
                result.add(new NamedExpr(field.name(), ColumnRef.of(sorted.schema().field(field.name()))));
            }
        }
        return new Frame(out.context(), new Project(sorted, result));
    }

    /** The function's result and the placeholder scan it was given per batched argument (null for shared ones). */
    private record Traced(Frame out, List<PlanNode> placeholders) {
        /** Each placeholder mapped (by identity) to the node of every item's rows. */
        Map<PlanNode, PlanNode> items(List<PlanNode> itemNodes) {
            Map<PlanNode, PlanNode> items = new IdentityHashMap<>();
            for (int i = 0; i < itemNodes.size(); i++) {
                if (itemNodes.get(i) != null) {
                    items.put(placeholders.get(i), itemNodes.get(i));
                }
            }
            return items;
        }
    }

    /** Calls {@code fn} once on placeholder frames (an item's schema) for batched arguments and the shared ones. */
    private static Traced trace(List<Frame> args, List<PlanNode> itemNodes, List<Schema> itemSchemas,
            Function<List<Frame>, Frame> fn) {
        TraceContext context = args.get(0).context();
        boolean anyBatched = false;
        List<Frame> fnArgs = new ArrayList<>();
        List<PlanNode> scans = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            context.requireSameTrace(args.get(i).context(), "vmap");
            if (itemNodes.get(i) != null) {
                Scan placeholder = new Scan(i, "vmap item", itemSchemas.get(i), Sharding.blocks());
                scans.add(placeholder);
                fnArgs.add(new Frame(context, placeholder));
                anyBatched = true;
            } else {
                scans.add(null);
                fnArgs.add(args.get(i));
            }
        }
        if (!anyBatched) {
            throw new TracingException(ErrorCode.INPUT_MISMATCH, "vmap was given no batched argument: pass a list of"
                    + " tables (or a frame with the batch column) for at least one argument.");
        }
        Frame out = context.inTransform(NOTE, () -> fn.apply(fnArgs));
        if (out == null) {
            throw new TracingException(ErrorCode.INVALID_ARGUMENT, "The function given to vmap returned null; it must"
                    + " return a Frame built from its arguments.");
        }
        context.requireSameTrace(out.context(), "return from vmap");
        return new Traced(out, scans);
    }

    private static Schema without(Schema schema, List<String> names) {
        List<Field> kept = new ArrayList<>();
        for (Field field : schema.fields()) {
            if (!names.contains(field.name())) {
                kept.add(field);
            }
        }
        return new Schema(kept);
    }
}
