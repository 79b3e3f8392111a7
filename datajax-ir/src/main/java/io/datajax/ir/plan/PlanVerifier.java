package io.datajax.ir.plan;

import io.datajax.ir.error.DataJaxException;
import io.datajax.ir.error.InternalException;
import java.util.HashMap;
import java.util.Map;

/**
 * Checks a whole plan: every node's arguments fit its inputs' schemas (re-derived from scratch), and
 * scans of one input index agree on name and schema. Rewrites are verified with it in tests.
 */
public final class PlanVerifier {
    private PlanVerifier() {
    }

    /**
     * Verifies {@code root}.
     *
     * @throws InternalException describing the first broken node
     */
    public static void verify(PlanNode root) {
        Map<Integer, Scan> scans = new HashMap<>();
        for (PlanNode node : Plans.postOrder(root)) {
            try {
                // Rebuilding re-runs every constructor check against the inputs as they are now.
                PlanNode rebuilt = node.withInputs(node.inputs());
                if (!rebuilt.equals(node)) {
                    throw new InternalException("node does not rebuild to itself: " + node);
                }
                node.schema();
            } catch (DataJaxException e) {
                throw new InternalException("invalid plan node " + node + ": " + e.reason());
            }
            if (node instanceof Scan scan) {
                Scan other = scans.putIfAbsent(scan.input(), scan);
                if (other != null && (!other.schema().equals(scan.schema()) || !other.name().equals(scan.name()))) {
                    throw new InternalException("input " + scan.input() + " is scanned as both " + other + " and " + scan);
                }
            }
        }
    }
}
