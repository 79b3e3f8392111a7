package io.datajax.api;

import static java.util.Objects.requireNonNull;

import io.datajax.ir.Field;
import io.datajax.ir.Schema;
import io.datajax.ir.Sharding;
import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.SchemaException;
import io.datajax.ir.error.TracingException;
import io.datajax.ir.expr.ColumnRef;
import io.datajax.ir.expr.Expr;
import io.datajax.ir.expr.NamedExpr;
import io.datajax.ir.plan.AggCall;
import io.datajax.ir.plan.Aggregate;
import io.datajax.ir.plan.Filter;
import io.datajax.ir.plan.Join;
import io.datajax.ir.plan.Limit;
import io.datajax.ir.plan.PlanNode;
import io.datajax.ir.plan.Project;
import io.datajax.ir.plan.Repartition;
import io.datajax.ir.plan.Sort;
import io.datajax.ir.plan.SortKey;
import io.datajax.ir.plan.SourceScan;
import io.datajax.ir.source.DataSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A traced table: what a {@code djit} function receives and returns. A frame knows its schema, never
 * its rows; every method records an operation and returns a new frame. Immutable.
 *
 * <p>Errors (unknown columns, type mismatches, join key problems) are raised by the method that causes
 * them, at trace time, and name the user's line.
 */
public final class Frame {
    private final TraceContext context;
    private final PlanNode node;

    Frame(TraceContext context, PlanNode node) {
        this.context = requireNonNull(context, "context is null");
        this.node = requireNonNull(node, "node is null");
    }

    /**
     * A frame of the rows of {@code source}, read when the traced function runs (inside the function being
     * traced only). The source becomes part of the plan: later steps' column needs and filters are pushed into
     * the read where the format allows, and on the MPJ executor every rank reads its own block of the source's
     * parts ({@code blocks} sharding).
     *
     * <pre>{@code
     * DataJax.djit(orders -> orders.join(Frame.read(Sources.parquet(Path.of("users.parquet"))), JoinSpec.on("user")))
     * }</pre>
     *
     * @throws TracingException (TRACER_DATA_ACCESS) when called outside a traced function
     */
    public static Frame read(DataSource source) {
        requireNonNull(source, "source is null");
        TraceContext context = TraceContext.current().orElseThrow(() -> new TracingException(
                ErrorCode.TRACER_DATA_ACCESS, "Frame.read(" + source.describe() + ") was called outside a traced"
                        + " function. Call it inside the function given to djit/pjit, or pass the source as an input:"
                        + " fn.apply(Input.of(source))."));
        return new Frame(context, SourceScan.of(source, Sharding.blocks()));
    }

    /** The schema of this frame's rows. */
    public Schema schema() {
        return node.schema();
    }

    /** The column names, in order. */
    public List<String> columns() {
        return node.schema().names();
    }

    PlanNode node() {
        return node;
    }

    TraceContext context() {
        return context;
    }

    private Frame next(PlanNode newNode) {
        return new Frame(context, newNode);
    }

    /** Adds a column computed from this frame's columns, or replaces one of the same name in place. */
    public Frame withColumn(String name, Column expr) {
        requireNonNull(name, "name is null");
        Schema schema = schema();
        Expr resolved = expr.resolve(schema);
        List<NamedExpr> out = new ArrayList<>(schema.size() + 1);
        boolean replaced = false;
        for (Field field : schema.fields()) {
            if (field.name().equals(name)) {
                out.add(new NamedExpr(name, resolved));
                replaced = true;
            } else {
                out.add(new NamedExpr(field.name(), ColumnRef.of(field)));
            }
        }
        if (!replaced) {
            out.add(new NamedExpr(name, resolved));
        }
        return next(new Project(node, out));
    }

    /** Adds or replaces several named columns, each computed from this frame's columns (not from each other). */
    public Frame withColumns(Column... exprs) {
        Schema schema = schema();
        Map<String, NamedExpr> out = new LinkedHashMap<>();
        for (Field field : schema.fields()) {
            out.put(field.name(), new NamedExpr(field.name(), ColumnRef.of(field)));
        }
        for (Column expr : exprs) {
            String name = outputName(expr, "withColumns");
            out.put(name, new NamedExpr(name, expr.resolve(schema)));
        }
        return next(new Project(node, new ArrayList<>(out.values())));
    }

    /** Keeps the named columns, in the order given. */
    public Frame select(String... columns) {
        Column[] refs = Arrays.stream(columns).map(Functions::col).toArray(Column[]::new);
        return select(refs);
    }

    /** Computes exactly the given columns; each needs a name (a column reference or an alias). */
    public Frame select(Column... exprs) {
        Schema schema = schema();
        List<NamedExpr> out = new ArrayList<>(exprs.length);
        for (Column expr : exprs) {
            out.add(new NamedExpr(outputName(expr, "select"), expr.resolve(schema)));
        }
        return next(new Project(node, out));
    }

    /** Removes the named columns; each must exist. */
    public Frame drop(String... columns) {
        Schema schema = schema();
        List<String> dropped = Arrays.asList(columns);
        dropped.forEach(schema::field);
        List<NamedExpr> out = new ArrayList<>();
        for (Field field : schema.fields()) {
            if (!dropped.contains(field.name())) {
                out.add(new NamedExpr(field.name(), ColumnRef.of(field)));
            }
        }
        return next(new Project(node, out));
    }

    /** Renames one column. */
    public Frame rename(String from, String to) {
        return rename(Map.of(from, to));
    }

    /** Renames columns {@code old -> new}; every old name must exist and new names must not collide. */
    public Frame rename(Map<String, String> renames) {
        Schema schema = schema();
        renames.keySet().forEach(schema::field);
        List<NamedExpr> out = new ArrayList<>();
        for (Field field : schema.fields()) {
            out.add(new NamedExpr(renames.getOrDefault(field.name(), field.name()), ColumnRef.of(field)));
        }
        return next(new Project(node, out));
    }

    /** Keeps the rows for which {@code predicate} is TRUE (false and null drop the row). */
    public Frame filter(Column predicate) {
        return next(new Filter(node, predicate.resolve(schema())));
    }

    /** Inner join on keys named alike on both sides. */
    public Frame join(Frame other, String... keys) {
        return join(other, JoinSpec.on(keys));
    }

    /** Joins {@code other} as described by {@code spec}. */
    public Frame join(Frame other, JoinSpec spec) {
        requireNonNull(other, "other is null");
        context.requireSameTrace(other.context, "join");
        return next(new Join(node, other.node, spec.joinType(), spec.leftKeys(), spec.rightKeys(), spec.isNullsEqual(),
                spec.leftSuffix(), spec.rightSuffix()));
    }

    /**
     * The rows of this frame, then the rows of {@code other} (UNION ALL, duplicates kept), like Spark's
     * {@code unionByName}: columns are matched by name (other's may be in another order) and come out in this
     * frame's order; numeric types promote to the wider one (INT32 &lt; INT64 &lt; FLOAT64); a column is nullable
     * when it is on either side. On the local executor this frame's rows come first.
     *
     * @throws SchemaException (UNKNOWN_COLUMN) when the column names differ, naming the missing and extra ones;
     *     (TYPE_MISMATCH) when a column's types do not promote
     */
    public Frame union(Frame other) {
        requireNonNull(other, "other is null");
        context.requireSameTrace(other.context, "union");
        Schema left = schema();
        Schema right = other.schema();
        java.util.Set<String> missing = new java.util.LinkedHashSet<>(left.names());
        missing.removeAll(right.names());
        java.util.Set<String> extra = new java.util.LinkedHashSet<>(right.names());
        extra.removeAll(left.names());
        if (!missing.isEmpty() || !extra.isEmpty()) {
            throw new SchemaException(ErrorCode.UNKNOWN_COLUMN, "union needs the same column names on both sides;"
                    + (missing.isEmpty() ? "" : " the other frame lacks " + missing + ";")
                    + (extra.isEmpty() ? "" : " it has extra " + extra + ";") + " this frame has " + left.names()
                    + ", the other " + right.names() + ". Select, rename or add the columns first.");
        }
        List<NamedExpr> leftColumns = new ArrayList<>();
        List<NamedExpr> rightColumns = new ArrayList<>();
        boolean leftChanged = false;
        boolean rightChanged = !left.names().equals(right.names());
        for (Field l : left.fields()) {
            Field r = right.field(l.name());
            io.datajax.ir.DataType type = l.type().unify(r.type()).orElseThrow(() -> new SchemaException(
                    ErrorCode.TYPE_MISMATCH, "union cannot combine column '" + l.name() + "' of type " + l.type()
                            + " with one of type " + r.type() + "; cast one side first, e.g. col(\"" + l.name()
                            + "\").cast(DataType." + l.type() + ")."));
            leftColumns.add(new NamedExpr(l.name(), castTo(ColumnRef.of(l), type)));
            rightColumns.add(new NamedExpr(l.name(), castTo(ColumnRef.of(r), type)));
            leftChanged |= l.type() != type;
            rightChanged |= r.type() != type;
        }
        PlanNode leftNode = leftChanged ? new Project(node, leftColumns) : node;
        PlanNode rightNode = rightChanged ? new Project(other.node, rightColumns) : other.node;
        return next(new io.datajax.ir.plan.Union(leftNode, rightNode));
    }

    private static Expr castTo(Expr expr, io.datajax.ir.DataType type) {
        return expr.type() == type ? expr : new io.datajax.ir.expr.Cast(expr, type);
    }

    /** Groups by key columns; finish with {@link GroupedFrame#agg}. */
    public GroupedFrame groupBy(String... keys) {
        Schema schema = schema();
        for (String key : keys) {
            schema.field(key);
        }
        return new GroupedFrame(this, List.of(keys));
    }

    /** Aggregates all rows into one. */
    public Frame agg(Agg... aggregates) {
        return groupBy().agg(aggregates);
    }

    Frame aggregate(List<String> keys, Agg... aggregates) {
        Schema schema = schema();
        List<AggCall> calls = new ArrayList<>(aggregates.length);
        for (Agg agg : aggregates) {
            calls.add(agg.resolve(schema));
        }
        return next(new Aggregate(node, keys, calls));
    }

    /** Sorts ascending by the named columns, nulls last; stable. */
    public Frame sort(String... columns) {
        return sort(Arrays.stream(columns).map(Functions::asc).toArray(SortOrder[]::new));
    }

    /** Sorts by the given keys; stable. */
    public Frame sort(SortOrder... keys) {
        List<SortKey> sortKeys = new ArrayList<>(keys.length);
        for (SortOrder key : keys) {
            sortKeys.add(key.toKey());
        }
        return next(new Sort(node, sortKeys));
    }

    /** The first {@code count} rows in the current order. */
    public Frame limit(long count) {
        return next(new Limit(node, count));
    }

    Frame limitPerKey(long count, List<String> keys) {
        return next(new Limit(node, count, keys));
    }

    /** Redistributes rows to {@code sharding} (values unchanged). */
    public Frame repartition(Sharding sharding) {
        return next(new Repartition(node, sharding));
    }

    /** Redistributes rows by a hash of the key columns. */
    public Frame repartition(String... keys) {
        return repartition(Sharding.byKey(keys));
    }

    /** Not available while tracing: a traced frame has no rows. Use the {@code Table} that {@code apply} returns. */
    public long rowCount() {
        throw TracingException.dataAccess("rowCount()", context.transformNote() + "Use count() in an aggregation, or"
                + " read rowCount() of the Table that apply(...) returns.");
    }

    /** Not available while tracing: a traced frame has no rows. Use the {@code Table} that {@code apply} returns. */
    public Object value(int row, String column) {
        throw TracingException.dataAccess("value(" + row + ", \"" + column + "\")", context.transformNote()
                + "Express the computation with"
                + " Frame operations, or read the cell from the Table that apply(...) returns.");
    }

    /** Not available while tracing: a traced frame has no rows. Use the {@code Table} that {@code apply} returns. */
    public Object toTable() {
        throw TracingException.dataAccess("toTable()", context.transformNote() + "Return the Frame from your function;"
                + " apply(...) returns"
                + " the result as a Table.");
    }

    private static String outputName(Column expr, String method) {
        return expr.name().orElseThrow(() -> new SchemaException(ErrorCode.MISSING_ALIAS, "The expression " + expr
                + " passed to " + method + " has no name. Name it with .as(\"name\")."));
    }

    @Override
    public String toString() {
        return "Frame" + schema() + " (traced; " + node + ")";
    }

}
