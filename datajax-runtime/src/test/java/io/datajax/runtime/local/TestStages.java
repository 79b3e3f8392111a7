package io.datajax.runtime.local;

import io.datajax.ir.Schema;
import io.datajax.ir.Sharding;
import io.datajax.ir.plan.Aggregate;
import io.datajax.ir.plan.Filter;
import io.datajax.ir.plan.Join;
import io.datajax.ir.plan.Limit;
import io.datajax.ir.plan.PlanNode;
import io.datajax.ir.plan.Project;
import io.datajax.ir.plan.Repartition;
import io.datajax.ir.plan.Scan;
import io.datajax.ir.plan.Sort;
import io.datajax.planner.stages.Exchange;
import io.datajax.planner.stages.Stage;
import io.datajax.planner.stages.StageKind;
import io.datajax.planner.stages.StagePlan;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** A test stand-in for the planner's splitter: one stage per pipeline breaker, Filter/Project/Limit chains fused. */
final class TestStages {
    private final List<Stage> stages = new ArrayList<>();

    private TestStages() {
    }

    /** The stage plan of a plan tree. */
    static StagePlan of(PlanNode root) {
        TestStages builder = new TestStages();
        builder.build(root);
        return new StagePlan(root, root, builder.stages, List.of(), 1);
    }

    private int build(PlanNode node) {
        if (node instanceof Scan) {
            return add(StageKind.INPUT, List.of(), List.of(node));
        }
        if (node instanceof Join join) {
            int left = build(join.left());
            int right = build(join.right());
            return add(StageKind.JOIN, List.of(left, right), List.of(node));
        }
        if (isTransform(node)) {
            List<PlanNode> chain = new ArrayList<>();
            PlanNode current = node;
            while (isTransform(current)) {
                chain.add(current);
                current = current.inputs().get(0);
            }
            Collections.reverse(chain);
            return add(StageKind.TRANSFORM, List.of(build(current)), chain);
        }
        StageKind kind = node instanceof Aggregate ? StageKind.AGGREGATE
                : node instanceof Sort ? StageKind.SORT
                : node instanceof Repartition ? StageKind.REPARTITION : null;
        if (kind == null) {
            throw new IllegalArgumentException("unhandled node " + node);
        }
        return add(kind, List.of(build(node.inputs().get(0))), List.of(node));
    }

    private static boolean isTransform(PlanNode node) {
        return node instanceof Filter || node instanceof Project || node instanceof Limit;
    }

    private int add(StageKind kind, List<Integer> inputs, List<PlanNode> nodes) {
        List<Schema> inputSchemas = new ArrayList<>();
        List<Optional<Exchange>> exchanges = new ArrayList<>();
        for (int input : inputs) {
            inputSchemas.add(stages.get(input).schema());
            exchanges.add(Optional.empty());
        }
        PlanNode root = nodes.get(nodes.size() - 1);
        int id = stages.size();
        stages.add(new Stage(id, kind, inputs, nodes, inputSchemas, root.schema(), Sharding.blocks(), exchanges));
        return id;
    }
}
