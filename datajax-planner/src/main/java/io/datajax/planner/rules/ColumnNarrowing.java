package io.datajax.planner.rules;

import io.datajax.ir.Field;
import io.datajax.ir.Schema;
import io.datajax.ir.Sharding;
import io.datajax.ir.expr.ColumnRef;
import io.datajax.ir.expr.Exprs;
import io.datajax.ir.expr.NamedExpr;
import io.datajax.ir.plan.AggCall;
import io.datajax.ir.plan.Aggregate;
import io.datajax.ir.plan.Filter;
import io.datajax.ir.plan.Join;
import io.datajax.ir.plan.JoinColumn;
import io.datajax.ir.plan.Limit;
import io.datajax.ir.plan.PlanNode;
import io.datajax.ir.plan.Project;
import io.datajax.ir.plan.Repartition;
import io.datajax.ir.plan.Sort;
import io.datajax.ir.plan.SortKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Replacements of a node that produce fewer of its columns, for {@link PruneColumns}.
 *
 * <p>Every method returns a node whose columns are a subset, in the same order and with the same fields,
 * of the original's and still include every needed column, or empty when no column can go. A node never
 * loses its last column (row counts must survive), and group keys and join keys always stay.
 */
final class ColumnNarrowing {
    private ColumnNarrowing() {
    }

    /**
     * {@code node} with columns outside {@code needed} removed, or empty. {@code allowWrap} says whether a
     * node that cannot drop columns itself (a scan, say) may be wrapped in a narrowing projection.
     */
    static Optional<PlanNode> narrow(PlanNode node, Set<String> needed, boolean allowWrap) {
        if (needed.containsAll(node.schema().names())) {
            return Optional.empty();
        }
        if (node instanceof Project project) {
            return narrowProject(project, needed);
        }
        if (node instanceof Aggregate aggregate) {
            return narrowAggregate(aggregate, needed);
        }
        if (node instanceof Join join) {
            return narrowJoin(join, needed);
        }
        Optional<Set<String>> ownColumns = passThroughColumns(node);
        if (ownColumns.isPresent()) {
            Set<String> below = new HashSet<>(needed);
            below.addAll(ownColumns.get());
            PlanNode input = node.inputs().get(0);
            return select(input, below).map(narrowed -> node.withInputs(List.of(narrowed)));
        }
        return allowWrap ? select(node, needed) : Optional.empty();
    }

    /** The columns a schema-preserving node reads itself, or empty when the node is not one. */
    private static Optional<Set<String>> passThroughColumns(PlanNode node) {
        if (node instanceof Filter filter) {
            return Optional.of(Exprs.columns(filter.predicate()));
        }
        if (node instanceof Sort sort) {
            return Optional.of(sort.keys().stream().map(SortKey::column).collect(Collectors.toSet()));
        }
        if (node instanceof Limit limit) {
            return Optional.of(Set.copyOf(limit.keys()));
        }
        if (node instanceof Repartition repartition) {
            return Optional.of(repartition.sharding() instanceof Sharding.ByKey byKey ? Set.copyOf(byKey.keys()) : Set.of());
        }
        return Optional.empty();
    }

    /** An identity projection of {@code node}'s columns in {@code needed}, or of a narrowed projection. */
    private static Optional<PlanNode> select(PlanNode node, Set<String> needed) {
        if (node instanceof Project project) {
            return narrowProject(project, needed);
        }
        List<Field> fields = node.schema().fields();
        List<NamedExpr> kept = new ArrayList<>();
        for (Field field : fields) {
            if (needed.contains(field.name())) {
                kept.add(new NamedExpr(field.name(), ColumnRef.of(field)));
            }
        }
        if (kept.isEmpty()) {
            kept.add(new NamedExpr(fields.get(0).name(), ColumnRef.of(fields.get(0))));
        }
        return kept.size() == fields.size() ? Optional.empty() : Optional.of(new Project(node, kept));
    }

    private static Optional<PlanNode> narrowProject(Project project, Set<String> needed) {
        List<NamedExpr> kept = keep(project.exprs(), NamedExpr::name, needed, false);
        return kept.size() == project.exprs().size() ? Optional.empty() : Optional.of(new Project(project.input(), kept));
    }

    private static Optional<PlanNode> narrowAggregate(Aggregate aggregate, Set<String> needed) {
        List<AggCall> kept = keep(aggregate.aggregates(), AggCall::name, needed, !aggregate.keys().isEmpty());
        return kept.size() == aggregate.aggregates().size()
                ? Optional.empty()
                : Optional.of(new Aggregate(aggregate.input(), aggregate.keys(), kept));
    }

    /** The items named in {@code needed}; the first item when none is and the list may not become empty. */
    private static <T> List<T> keep(List<T> items, Function<T, String> name, Set<String> needed, boolean mayBeEmpty) {
        List<T> kept = items.stream().filter(item -> needed.contains(name.apply(item))).collect(Collectors.toList());
        if (kept.isEmpty() && !mayBeEmpty && !items.isEmpty()) {
            kept.add(items.get(0));
        }
        return kept;
    }

    /**
     * The join over inputs narrowed to their keys and the sources of the needed columns. A kept column
     * whose name also occurs on the other side keeps its namesake there too, so suffixes do not change;
     * the result is checked to give every needed column the same name, field and sources as before.
     */
    private static Optional<PlanNode> narrowJoin(Join join, Set<String> needed) {
        Schema left = join.left().schema();
        Schema right = join.right().schema();
        Set<Integer> leftKeep = new TreeSet<>();
        Set<Integer> rightKeep = new TreeSet<>();
        join.leftKeys().forEach(key -> leftKeep.add(left.indexOf(key)));
        join.rightKeys().forEach(key -> rightKeep.add(right.indexOf(key)));
        for (JoinColumn column : join.columns()) {
            if (needed.contains(column.field().name())) {
                if (column.leftIndex() >= 0) {
                    leftKeep.add(column.leftIndex());
                }
                if (column.rightIndex() >= 0) {
                    rightKeep.add(column.rightIndex());
                }
            }
        }
        if (join.type().outputsRight()) {
            keepNamesakes(left, leftKeep, right, rightKeep);
            keepNamesakes(right, rightKeep, left, leftKeep);
        }
        if (leftKeep.size() == left.size() && rightKeep.size() == right.size()) {
            return Optional.empty();
        }
        PlanNode newLeft = leftKeep.size() == left.size() ? join.left() : selectIndexes(join.left(), leftKeep);
        PlanNode newRight = rightKeep.size() == right.size() ? join.right() : selectIndexes(join.right(), rightKeep);
        Join narrowed = (Join) join.withInputs(List.of(newLeft, newRight));
        return sameNeededColumns(join, narrowed, needed) ? Optional.of(narrowed) : Optional.empty();
    }

    private static void keepNamesakes(Schema from, Set<Integer> fromKeep, Schema other, Set<Integer> otherKeep) {
        for (int index : List.copyOf(fromKeep)) {
            int namesake = other.indexOf(from.field(index).name());
            if (namesake >= 0) {
                otherKeep.add(namesake);
            }
        }
    }

    private static PlanNode selectIndexes(PlanNode node, Set<Integer> indexes) {
        Set<String> names = new LinkedHashSet<>();
        indexes.forEach(i -> names.add(node.schema().field(i).name()));
        return select(node, names).orElse(node);
    }

    private static boolean sameNeededColumns(Join before, Join after, Set<String> needed) {
        Map<String, String> beforeSources = sources(before);
        Map<String, String> afterSources = sources(after);
        Schema beforeSchema = before.schema();
        Schema afterSchema = after.schema();
        for (String name : needed) {
            if (!beforeSchema.contains(name)) {
                continue;
            }
            if (!afterSchema.find(name).equals(beforeSchema.find(name))
                    || !beforeSources.get(name).equals(afterSources.get(name))) {
                return false;
            }
        }
        return true;
    }

    /** Output name to "left-input-name|right-input-name" of its sources. */
    private static Map<String, String> sources(Join join) {
        Schema left = join.left().schema();
        Schema right = join.right().schema();
        return join.columns().stream().collect(Collectors.toMap(c -> c.field().name(),
                c -> (c.leftIndex() < 0 ? "" : left.field(c.leftIndex()).name()) + "|"
                        + (c.rightIndex() < 0 ? "" : right.field(c.rightIndex()).name())));
    }
}
