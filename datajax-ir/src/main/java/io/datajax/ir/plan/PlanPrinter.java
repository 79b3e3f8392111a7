package io.datajax.ir.plan;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The canonical text form of a plan: one node per line, root first, inputs indented below, each line
 * ending with the node's output schema. A sub-plan read by several parents (a DAG) is printed in full
 * the first time, tagged {@code #n}, and referred to as {@code #n} afterwards.
 */
public final class PlanPrinter {
    private PlanPrinter() {
    }

    /** Prints the plan rooted at {@code root}. */
    public static String print(PlanNode root) {
        Map<PlanNode, Integer> parents = new IdentityHashMap<>();
        for (PlanNode node : Plans.postOrder(root)) {
            for (PlanNode input : node.inputs()) {
                parents.merge(input, 1, Integer::sum);
            }
        }
        StringBuilder out = new StringBuilder();
        new Printer(parents, out).print(root, 0);
        return out.toString();
    }

    private static final class Printer {
        private final Map<PlanNode, Integer> parents;
        private final Map<PlanNode, Integer> tags = new IdentityHashMap<>();
        private final StringBuilder out;

        Printer(Map<PlanNode, Integer> parents, StringBuilder out) {
            this.parents = parents;
            this.out = out;
        }

        void print(PlanNode node, int depth) {
            out.append("  ".repeat(depth));
            Integer tag = tags.get(node);
            if (tag != null) {
                out.append('#').append(tag).append('\n');
                return;
            }
            if (parents.getOrDefault(node, 0) > 1) {
                tag = tags.size() + 1;
                tags.put(node, tag);
                out.append('#').append(tag).append(' ');
            }
            out.append(node).append(" -> ").append(node.schema()).append('\n');
            for (PlanNode input : node.inputs()) {
                print(input, depth + 1);
            }
        }
    }
}
