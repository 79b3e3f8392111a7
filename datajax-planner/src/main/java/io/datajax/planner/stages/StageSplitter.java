package io.datajax.planner.stages;

import io.datajax.ir.Mesh;
import io.datajax.ir.Schema;
import io.datajax.ir.Sharding;
import io.datajax.ir.plan.Aggregate;
import io.datajax.ir.plan.Filter;
import io.datajax.ir.plan.Join;
import io.datajax.ir.plan.Limit;
import io.datajax.ir.plan.PlanNode;
import io.datajax.ir.plan.PlanVisitor;
import io.datajax.ir.plan.Plans;
import io.datajax.ir.plan.Project;
import io.datajax.ir.plan.Repartition;
import io.datajax.ir.plan.Scan;
import io.datajax.ir.plan.Sort;
import io.datajax.ir.plan.Union;
import io.datajax.ir.plan.SourceScan;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Splits an optimised plan into stages: each {@code Scan} is an INPUT stage; each maximal chain of
 * {@code Filter}, {@code Project} and {@code Limit} over one input is one TRANSFORM stage (a node read by
 * several parents ends its chain, so it runs once); each {@code Join}, {@code Aggregate}, {@code Sort} and
 * {@code Repartition} is a stage of its own.
 *
 * <p>A sub-plan reachable twice, by identity or as structurally equal sub-plans, becomes one stage read by
 * both parents. Stages are numbered in depth-first post-order with inputs visited left to right, so every
 * stage follows its inputs and otherwise the order in which the user's code reads. Sharding and
 * exchanges come from {@link ShardingPropagation}.
 */
public final class StageSplitter {
    private final Mesh mesh;
    /** Canonical id of every node (identity): equal sub-plans share one id. */
    private final Map<PlanNode, Integer> canonical = new IdentityHashMap<>();
    /** The first node seen for each canonical id. */
    private final List<PlanNode> representatives = new ArrayList<>();
    /** Distinct canonical parents of each canonical id. */
    private final Map<Integer, Set<Integer>> parents = new HashMap<>();
    private final Map<Integer, Integer> stageOfNode = new HashMap<>();
    private final List<Stage> stages = new ArrayList<>();

    private StageSplitter(Mesh mesh) {
        this.mesh = mesh;
    }

    /** The stages of {@code plan} for {@code parallelism} ranks, in execution order; the last yields the result. */
    public static List<Stage> split(PlanNode plan, int parallelism) {
        return split(plan, Mesh.of(StagePlan.DEFAULT_AXIS, parallelism));
    }

    /** The stages of {@code plan} for the ranks of {@code mesh}, in execution order; the last yields the result. */
    public static List<Stage> split(PlanNode plan, Mesh mesh) {
        StageSplitter splitter = new StageSplitter(mesh);
        splitter.index(plan);
        splitter.stageOf(splitter.canonical.get(plan));
        return List.copyOf(splitter.stages);
    }

    /** Identity of a node up to its inputs: kind, canonical text, schema and canonical inputs. */
    private record NodeKey(Class<?> kind, String text, Schema schema, List<Integer> inputs) {
    }

    private void index(PlanNode root) {
        Map<NodeKey, Integer> ids = new HashMap<>();
        for (PlanNode node : Plans.postOrder(root)) {
            List<Integer> inputs = node.inputs().stream().map(canonical::get).toList();
            NodeKey key = new NodeKey(node.getClass(), node.toString(), node.schema(), inputs);
            Integer id = ids.get(key);
            if (id == null) {
                id = representatives.size();
                ids.put(key, id);
                representatives.add(node);
                for (int input : inputs) {
                    parents.computeIfAbsent(input, k -> new HashSet<>()).add(id);
                }
            }
            canonical.put(node, id);
        }
    }

    private int stageOf(int id) {
        Integer done = stageOfNode.get(id);
        if (done != null) {
            return done;
        }
        PlanNode node = representatives.get(id);
        int stage;
        StageKind kind = kindOf(node);
        if (kind == StageKind.INPUT) {
            stage = add(StageKind.INPUT, List.of(), List.of(node));
        } else if (kind == StageKind.TRANSFORM) {
            List<PlanNode> chain = new ArrayList<>();
            int current = id;
            chain.add(node);
            while (true) {
                int input = inputId(current, 0);
                if (!isTransform(representatives.get(input)) || parents.get(input).size() != 1) {
                    break;
                }
                chain.add(representatives.get(input));
                current = input;
            }
            int inputStage = stageOf(inputId(current, 0));
            Collections.reverse(chain);
            stage = add(StageKind.TRANSFORM, List.of(inputStage), chain);
        } else {
            List<Integer> inputStages = new ArrayList<>();
            for (int i = 0; i < node.inputs().size(); i++) {
                inputStages.add(stageOf(inputId(id, i)));
            }
            stage = add(kind, inputStages, List.of(node));
        }
        stageOfNode.put(id, stage);
        return stage;
    }

    private int inputId(int id, int input) {
        return canonical.get(representatives.get(id).inputs().get(input));
    }

    private int add(StageKind kind, List<Integer> inputs, List<PlanNode> nodes) {
        int id = stages.size();
        List<Schema> inputSchemas = inputs.stream().map(i -> stages.get(i).schema()).toList();
        List<Sharding> inputShardings = inputs.stream().map(i -> stages.get(i).sharding()).toList();
        ShardingPropagation.Placement placement = ShardingPropagation.place(kind, nodes, inputShardings, mesh);
        PlanNode root = nodes.get(nodes.size() - 1);
        stages.add(new Stage(id, kind, inputs, nodes, inputSchemas, root.schema(), placement.sharding(),
                placement.exchanges()));
        return id;
    }

    private static boolean isTransform(PlanNode node) {
        return kindOf(node) == StageKind.TRANSFORM;
    }

    private static StageKind kindOf(PlanNode node) {
        return node.accept(KIND);
    }

    /** The stage kind each node belongs to; a new node kind must be placed here to compile. */
    private static final PlanVisitor<StageKind> KIND = new PlanVisitor<>() {
        @Override
        public StageKind visitScan(Scan node) {
            return StageKind.INPUT;
        }

        @Override
        public StageKind visitSourceScan(SourceScan node) {
            return StageKind.INPUT;
        }

        @Override
        public StageKind visitFilter(Filter node) {
            return StageKind.TRANSFORM;
        }

        @Override
        public StageKind visitProject(Project node) {
            return StageKind.TRANSFORM;
        }

        @Override
        public StageKind visitJoin(Join node) {
            return StageKind.JOIN;
        }

        @Override
        public StageKind visitAggregate(Aggregate node) {
            return StageKind.AGGREGATE;
        }

        @Override
        public StageKind visitSort(Sort node) {
            return StageKind.SORT;
        }

        @Override
        public StageKind visitLimit(Limit node) {
            return StageKind.TRANSFORM;
        }

        @Override
        public StageKind visitRepartition(Repartition node) {
            return StageKind.REPARTITION;
        }

        @Override
        public StageKind visitUnion(Union node) {
            return StageKind.UNION;
        }
    };
}
