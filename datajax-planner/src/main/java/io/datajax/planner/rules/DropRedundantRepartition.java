package io.datajax.planner.rules;

import io.datajax.ir.plan.PlanNode;
import io.datajax.ir.plan.Repartition;
import java.util.Optional;

/**
 * Rule removing a repartition whose placement is immediately replaced by another one, or repeated.
 *
 * <pre>
 * Repartition[s2]                 Repartition[s2]
 *   Repartition[s1]        =&gt;       x
 *     x
 *
 * Repartition[s]                  Repartition[s]     (the inner node itself)
 *   Repartition[s]         =&gt;       x
 *     x
 * </pre>
 *
 * Repartitions move rows without changing them, so only the last one decides the placement.
 */
public final class DropRedundantRepartition implements Rule {

    @Override
    public String name() {
        return "DropRedundantRepartition";
    }

    @Override
    public Optional<PlanNode> apply(PlanNode node) {
        if (node instanceof Repartition outer && outer.input() instanceof Repartition inner) {
            if (inner.sharding().equals(outer.sharding())) {
                return Optional.of(inner);
            }
            return Optional.of(new Repartition(inner.input(), outer.sharding()));
        }
        return Optional.empty();
    }
}
