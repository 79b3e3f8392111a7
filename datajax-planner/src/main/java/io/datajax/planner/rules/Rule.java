package io.datajax.planner.rules;

import io.datajax.ir.plan.PlanNode;
import java.util.Optional;

/**
 * One rewrite of the plan: matches a node (and the shape of its direct inputs) and returns an equivalent
 * replacement, or nothing. A rule never walks the tree ({@link RuleDriver} does), never changes a result,
 * and returns empty when its replacement would equal the node, so the driver reaches a fixpoint.
 * Implementations are stateless.
 */
public interface Rule {

    /** The stable name, used to switch the rule off and in {@code explain}; the simple class name. */
    String name();

    /** The replacement for {@code node}, or empty when the rule does not apply. */
    Optional<PlanNode> apply(PlanNode node);
}
