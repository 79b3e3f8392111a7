package io.datajax.planner.rules;

import static java.util.Objects.requireNonNull;

import io.datajax.ir.plan.PlanNode;
import java.util.List;

/**
 * The outcome of running the rules over a plan. Immutable.
 *
 * @param plan the rewritten plan (the input itself when no rule fired)
 * @param appliedRules the names of the rules that changed the plan, each once, in the order they first fired
 */
public record Rewrite(PlanNode plan, List<String> appliedRules) {
    public Rewrite {
        requireNonNull(plan, "plan is null");
        appliedRules = List.copyOf(requireNonNull(appliedRules, "appliedRules is null"));
    }
}
