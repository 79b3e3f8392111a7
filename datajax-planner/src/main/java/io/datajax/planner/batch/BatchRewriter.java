package io.datajax.planner.batch;

import static java.util.Objects.requireNonNull;

import io.datajax.ir.DataType;
import io.datajax.ir.Field;
import io.datajax.ir.Schema;
import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.TracingException;
import io.datajax.ir.expr.Coalesce;
import io.datajax.ir.expr.ColumnRef;
import io.datajax.ir.expr.Expr;
import io.datajax.ir.expr.Literal;
import io.datajax.ir.expr.NamedExpr;
import io.datajax.ir.plan.AggCall;
import io.datajax.ir.plan.AggFunction;
import io.datajax.ir.plan.Aggregate;
import io.datajax.ir.plan.Filter;
import io.datajax.ir.plan.Join;
import io.datajax.ir.plan.JoinColumn;
import io.datajax.ir.plan.JoinType;
import io.datajax.ir.plan.Limit;
import io.datajax.ir.plan.PlanNode;
import io.datajax.ir.plan.Plans;
import io.datajax.ir.plan.Project;
import io.datajax.ir.plan.Repartition;
import io.datajax.ir.plan.Sort;
import io.datajax.ir.plan.SortKey;
import io.datajax.ir.plan.Union;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the plan a function recorded for one batch item into one plan over every item of a batch (the core of
 * {@code vmap}). The function was traced on placeholder nodes, one per batched argument, with an item's schema;
 * each placeholder is replaced by a node with the same columns plus the {@link BatchAxis} columns, and every node
 * that reads batched rows is rewritten to keep items apart:
 *
 * <pre>
 *   filter                     unchanged (rows keep their axis columns)
 *   project [e1, e2]           project [e1, e2, axis...]
 *   aggregate by [k]           aggregate by [axis..., k]
 *   aggregate (no keys)        domain LEFT JOIN aggregate by [axis...] (an empty item still gives its one row;
 *                              counts of an empty item are 0)
 *   sort [s]                   sort [axis keys..., s]
 *   limit n (per [k])          limit n per [axis keys..., k]
 *   join on [k] (both sides)   join on [axis keys..., k]; a passenger column is taken from whichever side matched
 *   join, one side shared      unchanged when the shared side's unmatched rows are never output (a shared side is
 *                              read once for all items); otherwise the shared side is first paired with every item
 *                              (a cross join with the domain)
 *   union                      unchanged when both sides are batched; a shared side is paired with every item
 *   repartition                unchanged
 * </pre>
 *
 * <p>Nodes that read no batched rows (shared arguments, sources read inside the function) are left as they are,
 * so they run once for the whole batch. A result that reads no batched rows is paired with every item. The
 * {@code domain} is a node with one row per item and the axis columns as its schema.
 */
public final class BatchRewriter {
    private static final String CROSS = "__vmap_cross";

    private final BatchAxis axis;
    private final Map<PlanNode, PlanNode> items;
    private final PlanNode domain;
    private final Map<PlanNode, PlanNode> done = new IdentityHashMap<>();
    private final Map<PlanNode, Boolean> batched = new IdentityHashMap<>();

    private BatchRewriter(BatchAxis axis, Map<PlanNode, PlanNode> items, PlanNode domain) {
        this.axis = axis;
        this.items = items;
        this.domain = domain;
    }

    /**
     * The batched form of {@code output}.
     *
     * @param output the function's result, traced over the placeholders
     * @param axis the columns that identify an item
     * @param items per placeholder (by identity), the node of every item's rows: the placeholder's columns plus
     *     the axis columns
     * @param domain one row per item, schema {@link BatchAxis#schema()}
     * @return a plan with {@code output}'s columns plus the axis columns
     * @throws TracingException (INVALID_ARGUMENT) when the function made a column named like an axis column
     */
    public static PlanNode rewrite(PlanNode output, BatchAxis axis, Map<PlanNode, PlanNode> items, PlanNode domain) {
        requireNonNull(output, "output is null");
        requireNonNull(axis, "axis is null");
        requireNonNull(domain, "domain is null");
        IdentityHashMap<PlanNode, PlanNode> placeholders = new IdentityHashMap<>(items);
        for (Map.Entry<PlanNode, PlanNode> item : placeholders.entrySet()) {
            for (String name : axis.names()) {
                if (!item.getValue().schema().contains(name)) {
                    throw new IllegalArgumentException("batched node " + item.getValue() + " lacks axis column " + name);
                }
            }
        }
        if (!domain.schema().names().equals(axis.names())) {
            throw new IllegalArgumentException("domain schema " + domain.schema() + " is not the axis " + axis.schema());
        }
        BatchRewriter rewriter = new BatchRewriter(axis, placeholders, domain);
        rewriter.checkNoAxisNames(output);
        PlanNode result = rewriter.visit(output);
        return rewriter.isBatched(output) ? result : rewriter.pairWithItems(result);
    }

    private void checkNoAxisNames(PlanNode output) {
        for (PlanNode node : Plans.postOrder(output)) {
            if (items.containsKey(node)) {
                continue;
            }
            for (String name : axis.names()) {
                if (node.schema().contains(name)) {
                    throw new TracingException(ErrorCode.INVALID_ARGUMENT, "The function given to vmap has a column '"
                            + name + "' (at " + node + "), the name vmap uses for the batch item. Rename that column,"
                            + " or choose another batch column name with vmap(fn).batchColumn(\"...\").");
                }
            }
        }
    }

    private boolean isBatched(PlanNode original) {
        return batched.getOrDefault(original, false);
    }

    private PlanNode visit(PlanNode node) {
        PlanNode cached = done.get(node);
        if (cached != null) {
            return cached;
        }
        PlanNode result;
        boolean anyBatched;
        PlanNode item = items.get(node);
        if (item != null) {
            result = item;
            anyBatched = true;
        } else {
            List<PlanNode> inputs = new ArrayList<>();
            anyBatched = false;
            for (PlanNode input : node.inputs()) {
                inputs.add(visit(input));
                anyBatched |= isBatched(input);
            }
            result = anyBatched ? batch(node, inputs) : node;
        }
        done.put(node, result);
        batched.put(node, anyBatched);
        return result;
    }

    private PlanNode batch(PlanNode node, List<PlanNode> inputs) {
        if (node instanceof Filter || node instanceof Repartition) {
            return node.withInputs(inputs);
        }
        if (node instanceof Project project) {
            return withAxis(inputs.get(0), project.exprs());
        }
        if (node instanceof Sort sort) {
            List<SortKey> keys = new ArrayList<>();
            for (String key : axis.keyNames()) {
                keys.add(new SortKey(key, true, false));
            }
            keys.addAll(sort.keys());
            return new Sort(inputs.get(0), keys);
        }
        if (node instanceof Limit limit) {
            List<String> keys = new ArrayList<>(axis.keyNames());
            keys.addAll(limit.keys());
            return new Limit(inputs.get(0), limit.count(), keys);
        }
        if (node instanceof Aggregate aggregate) {
            return aggregate.keys().isEmpty() ? globalAggregate(aggregate, inputs.get(0))
                    : new Aggregate(inputs.get(0), concat(axis.names(), aggregate.keys()), aggregate.aggregates());
        }
        if (node instanceof Join join) {
            return join(join, inputs.get(0), inputs.get(1));
        }

        if (node instanceof Union) {
            PlanNode left = isBatched(node.inputs().get(0)) ? inputs.get(0) : pairWithItems(inputs.get(0));
            PlanNode right = isBatched(node.inputs().get(1)) ? inputs.get(1) : pairWithItems(inputs.get(1));
            List<NamedExpr> aligned = new ArrayList<>();
            for (String name : left.schema().names()) {
                aligned.add(ref(right.schema().field(name)));
            }
            return node.withInputs(List.of(left, new Project(right, aligned)));
        }
        throw new TracingException(ErrorCode.INVALID_ARGUMENT, "vmap cannot batch " + node + " yet.");
    }

    /**
     * A global aggregate per item: grouped by the axis, then joined onto the domain so that an item with no rows
     * still has its row (counts 0, other aggregates null), in domain order.
     */
    private PlanNode globalAggregate(Aggregate aggregate, PlanNode input) {
        Aggregate perItem = new Aggregate(input, axis.names(), aggregate.aggregates());
        List<NamedExpr> withoutPassengers = new ArrayList<>();
        for (Field key : axis.keys()) {
            withoutPassengers.add(ref(key));
        }
        for (AggCall call : aggregate.aggregates()) {
            withoutPassengers.add(ref(call.field()));
        }
        PlanNode values = new Project(perItem, withoutPassengers);
        Join joined = new Join(domain, values, JoinType.LEFT, axis.keyNames(), axis.keyNames(), false, "_x", "_y");
        List<NamedExpr> out = new ArrayList<>();
        Schema schema = joined.schema();
        for (AggCall call : aggregate.aggregates()) {
            Field field = schema.field(call.name());
            boolean count = call.function() == AggFunction.COUNT || call.function() == AggFunction.COUNT_ALL;
            Expr value = count ? new Coalesce(List.of(ColumnRef.of(field), Literal.of(0L))) : ColumnRef.of(field);
            out.add(new NamedExpr(call.name(), value));
        }
        for (Field column : axis.columns()) {
            out.add(ref(schema.field(column.name())));
        }
        return new Project(joined, out);
    }

    private PlanNode join(Join join, PlanNode left, PlanNode right) {
        boolean leftBatched = isBatched(join.left());
        boolean rightBatched = isBatched(join.right());
        JoinType type = join.type();
        if (leftBatched && !rightBatched) {
            if (!type.keepsUnmatchedRight()) {
                return join.withInputs(List.of(left, right));
            }
            right = pairWithItems(right);
        } else if (!leftBatched && rightBatched) {
            boolean outputsUnmatchedLeft = type.keepsUnmatchedLeft() || !type.outputsRight();
            if (!outputsUnmatchedLeft) {
                return join.withInputs(List.of(left, right));
            }
            left = pairWithItems(left);
        }
        Join keyed = new Join(left, right, type, concat(axis.keyNames(), join.leftKeys()),
                concat(axis.keyNames(), join.rightKeys()), join.nullsEqual(), join.leftSuffix(), join.rightSuffix());
        if (axis.passengers().isEmpty() || !type.outputsRight()) {
            return keyed;
        }
        return mergePassengers(keyed);
    }

    /** After a join of two batched sides, one column per passenger: the matched side's (either side's for outer joins). */
    private PlanNode mergePassengers(Join keyed) {
        Schema leftSchema = keyed.left().schema();
        Schema rightSchema = keyed.right().schema();
        Map<Integer, String> leftNames = new java.util.HashMap<>();
        Map<Integer, String> rightNames = new java.util.HashMap<>();
        for (JoinColumn column : keyed.columns()) {
            if (column.leftIndex() >= 0) {
                leftNames.put(column.leftIndex(), column.field().name());
            }
            if (column.rightIndex() >= 0) {
                rightNames.put(column.rightIndex(), column.field().name());
            }
        }
        Schema joined = keyed.schema();
        List<String> passengerOutputs = new ArrayList<>();
        List<NamedExpr> merged = new ArrayList<>();
        for (Field passenger : axis.passengers()) {
            String fromLeft = leftNames.get(leftSchema.indexOf(passenger.name()));
            String fromRight = rightNames.get(rightSchema.indexOf(passenger.name()));
            passengerOutputs.add(fromLeft);
            passengerOutputs.add(fromRight);
            Expr left = ColumnRef.of(joined.field(fromLeft));
            Expr right = ColumnRef.of(joined.field(fromRight));
            Expr value = keyed.type() == JoinType.INNER || keyed.type() == JoinType.LEFT ? left
                    : keyed.type() == JoinType.RIGHT ? right : new Coalesce(List.of(left, right));
            merged.add(new NamedExpr(passenger.name(), value));
        }
        List<NamedExpr> out = new ArrayList<>();
        for (Field field : joined.fields()) {
            if (!passengerOutputs.contains(field.name())) {
                out.add(ref(field));
            }
        }
        out.addAll(merged);
        return new Project(keyed, out);
    }

    /** {@code node}'s rows once per item: a cross join with the domain. */
    private PlanNode pairWithItems(PlanNode node) {
        List<NamedExpr> tagged = new ArrayList<>();
        for (Field field : node.schema().fields()) {
            tagged.add(ref(field));
        }
        tagged.add(new NamedExpr(CROSS, Literal.of(0)));
        List<NamedExpr> taggedDomain = new ArrayList<>();
        for (Field field : axis.columns()) {
            taggedDomain.add(ref(field));
        }
        taggedDomain.add(new NamedExpr(CROSS, Literal.of(0)));
        Join cross = new Join(new Project(node, tagged), new Project(domain, taggedDomain), JoinType.INNER,
                List.of(CROSS), List.of(CROSS), false, "_x", "_y");
        List<NamedExpr> out = new ArrayList<>();
        for (Field field : cross.schema().fields()) {
            if (!field.name().equals(CROSS)) {
                out.add(ref(field));
            }
        }
        return new Project(cross, out);
    }

    private PlanNode withAxis(PlanNode input, List<NamedExpr> exprs) {
        List<NamedExpr> out = new ArrayList<>(exprs);
        Schema schema = input.schema();
        for (String name : axis.names()) {
            out.add(ref(schema.field(name)));
        }
        return new Project(input, out);
    }

    private static NamedExpr ref(Field field) {
        return new NamedExpr(field.name(), ColumnRef.of(field));
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    /** The zero value of {@code type}, used where a non-null stand-in for a null key is needed. */
    public static Literal zeroOf(DataType type) {
        return switch (type) {
            case BOOLEAN -> new Literal(false, type);
            case INT32 -> new Literal(0, type);
            case INT64 -> new Literal(0L, type);
            case FLOAT64 -> new Literal(0.0, type);
            case STRING -> new Literal("", type);
            case DATE -> new Literal(java.time.LocalDate.EPOCH, type);
            case TIMESTAMP -> new Literal(java.time.LocalDateTime.of(1970, 1, 1, 0, 0), type);
            case NULL -> throw new IllegalArgumentException("no zero for NULL");
        };
    }
}
