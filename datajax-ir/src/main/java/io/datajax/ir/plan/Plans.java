package io.datajax.ir.plan;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Traversal and rewriting helpers for plan DAGs. */
public final class Plans {
    private Plans() {
    }

    /**
     * Rebuilds a plan bottom-up, replacing each node by {@code fn(node)} after its inputs. A sub-plan
     * shared by several parents is rewritten once and stays shared.
     */
    public static PlanNode transformUp(PlanNode root, Function<PlanNode, PlanNode> fn) {
        return transformUp(root, fn, new IdentityHashMap<>());
    }

    private static PlanNode transformUp(PlanNode node, Function<PlanNode, PlanNode> fn, Map<PlanNode, PlanNode> done) {
        PlanNode cached = done.get(node);
        if (cached != null) {
            return cached;
        }
        List<PlanNode> inputs = node.inputs();
        PlanNode rebuilt = node;
        if (!inputs.isEmpty()) {
            List<PlanNode> newInputs = new ArrayList<>(inputs.size());
            boolean changed = false;
            for (PlanNode input : inputs) {
                PlanNode newInput = transformUp(input, fn, done);
                changed |= newInput != input;
                newInputs.add(newInput);
            }
            if (changed) {
                rebuilt = node.withInputs(newInputs);
            }
        }
        PlanNode result = fn.apply(rebuilt);
        done.put(node, result);
        return result;
    }

    /** Every distinct node (by identity), inputs before the nodes that read them. */
    public static List<PlanNode> postOrder(PlanNode root) {
        List<PlanNode> out = new ArrayList<>();
        postOrder(root, out, new IdentityHashMap<>());
        return out;
    }

    private static void postOrder(PlanNode node, List<PlanNode> out, Map<PlanNode, Boolean> seen) {
        if (seen.put(node, Boolean.TRUE) != null) {
            return;
        }
        for (PlanNode input : node.inputs()) {
            postOrder(input, out, seen);
        }
        out.add(node);
    }

    /** The number of distinct nodes. */
    public static int size(PlanNode root) {
        return postOrder(root).size();
    }
}
