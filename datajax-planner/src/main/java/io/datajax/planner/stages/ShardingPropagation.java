package io.datajax.planner.stages;

import static java.util.Objects.requireNonNull;

import io.datajax.ir.Mesh;
import io.datajax.ir.Schema;
import io.datajax.ir.Sharding;
import io.datajax.ir.expr.ColumnRef;
import io.datajax.ir.expr.NamedExpr;
import io.datajax.ir.plan.Aggregate;
import io.datajax.ir.plan.Join;
import io.datajax.ir.plan.JoinColumn;
import io.datajax.ir.plan.JoinType;
import io.datajax.ir.plan.Limit;
import io.datajax.ir.plan.PlanNode;
import io.datajax.ir.plan.Project;
import io.datajax.ir.plan.Repartition;
import io.datajax.ir.plan.Scan;
import io.datajax.ir.plan.Sort;
import io.datajax.ir.plan.SortKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * Decides where a stage's output rows lie and which exchanges its inputs need first.
 *
 * <p>Output sharding, per stage kind:
 * <ul>
 *   <li>INPUT: the scan's declared sharding, as the mesh reads it ({@link Mesh#normalize}). A spec bound to
 *       one axis of a mesh of several axes (rows replicated along the other axes) is read once: each rank
 *       keeps one block of its replica group's rows, so the stage's output is {@code blocks}.</li>
 *   <li>TRANSFORM: the input's; a projection that renames a {@code byKey} key column renames the key, one
 *       that drops it (or computes it) gives {@code blocks}. A chain holding a {@code Limit} needs the
 *       first rows in global order: unless the input is replicated it is gathered (a GATHER exchange) and
 *       the output is {@code blocks} (all rows on the first rank); a limit per key whose input is {@code byKey} on a
 *       subset of its keys runs on every rank in place.</li>
 *   <li>JOIN: {@code byKey} on the key output columns (the left keys, the right keys for a RIGHT join,
 *       the coalesced keys for a FULL join, else {@code blocks}). Needs a hash exchange of both sides
 *       on their keys, unless both are already {@code byKey} on exactly their keys with equal key types
 *       (co-partitioned), or one side is replicated and the other side's unmatched rows are never
 *       emitted (a broadcast join, whose output lies like the partitioned side), or both are
 *       replicated (output replicated).</li>
 *   <li>AGGREGATE: {@code byKey(keys)} after a hash exchange on the keys; no exchange and the input's
 *       placement when the input is {@code byKey(k)} with {@code k} a subset of the keys, or replicated.
 *       With no keys, partial results are broadcast and the output is replicated.</li>
 *   <li>SORT: a range exchange on the sort keys, so ranks hold consecutive key ranges in rank order:
 *       {@code blocks}. A replicated input is sorted in place and stays replicated.</li>
 *   <li>UNION: both sides' placement when it is the same whole-mesh {@code byKey} or replicated; a replicated
 *       side next to a partitioned one: both gathered to rank 0 ({@code blocks}); otherwise {@code blocks}, each
 *       rank concatenating its parts.</li>
 *   <li>REPARTITION: its spec, after a hash exchange (byKey) or a broadcast (replicated); blocks needs no
 *       exchange. Nothing moves when the input already has the spec. {@code byKey(k)@a} on a mesh of
 *       several axes is a hash exchange along axis {@code a} ({@code Exchange[hash(k)@a, size(a)]}) that
 *       sends each row to every rank at its position along {@code a}.</li>
 * </ul>
 * Output sharding does not depend on parallelism; exchanges are only inserted when it is above 1. Only
 * specs spanning the whole mesh (no axis) are trusted to make an exchange unnecessary.
 */
public final class ShardingPropagation {
    private ShardingPropagation() {
    }

    /**
     * Where a stage's output lies and what its inputs need.
     *
     * @param sharding the output sharding
     * @param exchanges per stage input, the exchange it needs (empty when none)
     */
    public record Placement(Sharding sharding, List<Optional<Exchange>> exchanges) {
        public Placement {
            requireNonNull(sharding, "sharding is null");
            exchanges = List.copyOf(requireNonNull(exchanges, "exchanges is null"));
        }
    }

    /**
     * The placement of a stage of {@code kind} running {@code nodes} over inputs placed as {@code inputs},
     * on a one-axis mesh of {@code parallelism} ranks.
     */
    public static Placement place(StageKind kind, List<PlanNode> nodes, List<Sharding> inputs, int parallelism) {
        return place(kind, nodes, inputs, Mesh.of(StagePlan.DEFAULT_AXIS, parallelism));
    }

    /** The placement of a stage of {@code kind} running {@code nodes} over inputs placed as {@code inputs} on {@code mesh}. */
    public static Placement place(StageKind kind, List<PlanNode> nodes, List<Sharding> inputs, Mesh mesh) {
        int parallelism = mesh.size();
        Placement full = switch (kind) {
            case INPUT -> new Placement(nodes.get(0) instanceof Scan scan ? input(scan, mesh) : Sharding.blocks(), List.of());
            case TRANSFORM -> transform(nodes, inputs.get(0), parallelism);
            case JOIN -> join((Join) nodes.get(0), inputs.get(0), inputs.get(1), parallelism);
            case AGGREGATE -> aggregate((Aggregate) nodes.get(0), inputs.get(0), parallelism);
            case SORT -> sort((Sort) nodes.get(0), inputs.get(0), parallelism);
            case REPARTITION -> repartition((Repartition) nodes.get(0), inputs.get(0), mesh);
            case UNION -> union(inputs.get(0), inputs.get(1), parallelism);
        };
        if (parallelism > 1) {
            return full;
        }
        return new Placement(full.sharding(), Collections.nCopies(full.exchanges().size(), Optional.empty()));
    }

    private static Sharding input(Scan scan, Mesh mesh) {
        Sharding declared = mesh.normalize(scan.sharding());
        return declared.axis().isPresent() ? Sharding.blocks() : declared;
    }

    private static Placement transform(List<PlanNode> nodes, Sharding input, int parallelism) {
        Sharding current = input;
        boolean limited = false;
        for (PlanNode node : nodes) {
            if (node instanceof Project project) {
                current = throughProject(current, project);
            } else if (node instanceof Limit limit) {
                // a limit per key needs no gather when each key group already lies on one rank
                boolean groupsTogether = current instanceof Sharding.ByKey byKey && byKey.axis().isEmpty()
                        && limit.keys().containsAll(byKey.keys());
                limited |= !groupsTogether;
            }
        }
        if (!limited || isReplicated(input)) {
            return new Placement(current, List.of(Optional.empty()));
        }
        return new Placement(Sharding.blocks(), List.of(exchange(Exchange.Kind.GATHER, List.of(), parallelism)));
    }

    /** The input's sharding as seen after a projection. */
    static Sharding throughProject(Sharding sharding, Project project) {
        if (!(sharding instanceof Sharding.ByKey byKey)) {
            return sharding;
        }
        List<String> renamed = new ArrayList<>();
        for (String key : byKey.keys()) {
            String name = null;
            for (NamedExpr named : project.exprs()) {
                if (named.expr() instanceof ColumnRef ref && ref.name().equals(key)
                        && (name == null || named.name().equals(key))) {
                    name = named.name();
                }
            }
            if (name == null) {
                return new Sharding.Blocks(byKey.axis());
            }
            renamed.add(name);
        }
        return new Sharding.ByKey(renamed, byKey.axis());
    }

    private static Placement join(Join join, Sharding left, Sharding right, int parallelism) {
        JoinType type = join.type();
        if (isReplicated(left) && isReplicated(right)) {
            return new Placement(Sharding.replicated(), List.of(Optional.empty(), Optional.empty()));
        }
        boolean leftRowsOnly = type == JoinType.INNER || !type.keepsUnmatchedRight();
        boolean rightRowsOnly = type == JoinType.INNER || type == JoinType.RIGHT;
        if (isReplicated(right) && leftRowsOnly) {
            return new Placement(throughJoin(join, left, true), List.of(Optional.empty(), Optional.empty()));
        }
        if (isReplicated(left) && rightRowsOnly) {
            return new Placement(throughJoin(join, right, false), List.of(Optional.empty(), Optional.empty()));
        }
        Sharding output = hashedJoinOutput(join);
        if (isByKeyOn(left, join.leftKeys()) && isByKeyOn(right, join.rightKeys()) && sameKeyTypes(join)) {
            return new Placement(output, List.of(Optional.empty(), Optional.empty()));
        }
        return new Placement(output, List.of(exchange(Exchange.Kind.HASH, join.leftKeys(), parallelism),
                exchange(Exchange.Kind.HASH, join.rightKeys(), parallelism)));
    }

    /** The join's output sharding when rows were hashed on the keys. */
    private static Sharding hashedJoinOutput(Join join) {
        List<JoinColumn> columns = join.columns();
        boolean fromLeft = join.type() != JoinType.RIGHT;
        Schema side = fromLeft ? join.left().schema() : join.right().schema();
        List<String> keys = fromLeft ? join.leftKeys() : join.rightKeys();
        List<String> names = new ArrayList<>();
        for (String key : keys) {
            int index = side.indexOf(key);
            for (JoinColumn column : columns) {
                boolean source = fromLeft ? column.leftIndex() == index : column.rightIndex() == index;
                boolean carriesKey = join.type() != JoinType.FULL || column.isCoalesced();
                if (source && carriesKey) {
                    names.add(column.field().name());
                }
            }
        }
        return names.size() == keys.size() ? Sharding.byKey(names) : Sharding.blocks();
    }

    /** One side's sharding carried to the join output (the other side being replicated). */
    private static Sharding throughJoin(Join join, Sharding sharding, boolean fromLeft) {
        if (!(sharding instanceof Sharding.ByKey byKey)) {
            return sharding;
        }
        Schema side = fromLeft ? join.left().schema() : join.right().schema();
        List<String> names = new ArrayList<>();
        for (String key : byKey.keys()) {
            int index = side.indexOf(key);
            for (JoinColumn column : join.columns()) {
                int source = fromLeft ? column.leftIndex() : column.rightIndex();
                if (source == index && column.field().type() == side.field(index).type()) {
                    names.add(column.field().name());
                }
            }
        }
        return names.size() == byKey.keys().size() ? new Sharding.ByKey(names, byKey.axis()) : new Sharding.Blocks(byKey.axis());
    }

    private static boolean sameKeyTypes(Join join) {
        for (int i = 0; i < join.leftKeys().size(); i++) {
            if (join.left().schema().field(join.leftKeys().get(i)).type()
                    != join.right().schema().field(join.rightKeys().get(i)).type()) {
                return false;
            }
        }
        return true;
    }

    private static Placement aggregate(Aggregate aggregate, Sharding input, int parallelism) {
        if (isReplicated(input)) {
            return new Placement(Sharding.replicated(), List.of(Optional.empty()));
        }
        if (aggregate.keys().isEmpty()) {
            return new Placement(Sharding.replicated(), List.of(exchange(Exchange.Kind.BROADCAST, List.of(), parallelism)));
        }
        if (input instanceof Sharding.ByKey byKey && byKey.axis().isEmpty()
                && new HashSet<>(aggregate.keys()).containsAll(byKey.keys())) {
            return new Placement(input, List.of(Optional.empty()));
        }
        return new Placement(Sharding.byKey(aggregate.keys()),
                List.of(exchange(Exchange.Kind.HASH, aggregate.keys(), parallelism)));
    }

    private static Placement sort(Sort sort, Sharding input, int parallelism) {
        if (isReplicated(input)) {
            return new Placement(input, List.of(Optional.empty()));
        }
        List<String> keys = sort.keys().stream().map(SortKey::column).toList();
        return new Placement(Sharding.blocks(), List.of(exchange(Exchange.Kind.RANGE, keys, parallelism)));
    }

    /**
     * Both sides placed alike (the same whole-mesh {@code byKey}, or both replicated) keep that placement; a
     * replicated side next to a partitioned one is gathered with the other side to rank 0 (so its rows count
     * once); otherwise each rank concatenates its own parts ({@code blocks}).
     */
    private static Placement union(Sharding left, Sharding right, int parallelism) {
        if (left.equals(right) && left.axis().isEmpty()
                && (left instanceof Sharding.ByKey || left instanceof Sharding.Replicated)) {
            return new Placement(left, List.of(Optional.empty(), Optional.empty()));
        }
        if (isReplicated(left) != isReplicated(right) || left.axis().isPresent() || right.axis().isPresent()) {
            return new Placement(Sharding.blocks(), List.of(exchange(Exchange.Kind.GATHER, List.of(), parallelism),
                    exchange(Exchange.Kind.GATHER, List.of(), parallelism)));
        }
        return new Placement(Sharding.blocks(), List.of(Optional.empty(), Optional.empty()));
    }

    private static Placement repartition(Repartition repartition, Sharding input, Mesh mesh) {
        int parallelism = mesh.size();
        Sharding target = mesh.normalize(repartition.sharding());
        Optional<Exchange> exchange = Optional.empty();
        if (!target.equals(input)) {
            if (target instanceof Sharding.ByKey byKey && byKey.axis().isPresent()) {
                String axis = byKey.axis().get();
                exchange = Optional.of(new Exchange(Exchange.Kind.HASH, byKey.keys(), mesh.axis(axis).size(),
                        Optional.of(axis)));
            } else if (target instanceof Sharding.ByKey byKey) {
                exchange = exchange(Exchange.Kind.HASH, byKey.keys(), parallelism);
            } else if (target instanceof Sharding.Replicated) {
                exchange = exchange(Exchange.Kind.BROADCAST, List.of(), parallelism);
            }
        }
        return new Placement(target, List.of(exchange));
    }

    private static boolean isReplicated(Sharding sharding) {
        return sharding instanceof Sharding.Replicated && sharding.axis().isEmpty();
    }

    private static boolean isByKeyOn(Sharding sharding, List<String> keys) {
        return sharding instanceof Sharding.ByKey byKey && byKey.axis().isEmpty() && byKey.keys().equals(keys);
    }

    private static Optional<Exchange> exchange(Exchange.Kind kind, List<String> keys, int parallelism) {
        return Optional.of(new Exchange(kind, keys, parallelism));
    }
}
