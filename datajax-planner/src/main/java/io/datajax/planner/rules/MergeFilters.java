package io.datajax.planner.rules;

import io.datajax.ir.expr.Exprs;
import io.datajax.ir.plan.Filter;
import io.datajax.ir.plan.PlanNode;
import java.util.List;
import java.util.Optional;

/**
 * Rule merging two stacked filters into one whose predicate is the AND of both, inner first.
 *
 * <pre>
 * Filter[b]                 Filter[(a AND b)]
 *   Filter[a]        =&gt;       x
 *     x
 * </pre>
 *
 * A row passes both filters exactly when both predicates are TRUE, which is when their AND is TRUE.
 */
public final class MergeFilters implements Rule {

    @Override
    public String name() {
        return "MergeFilters";
    }

    @Override
    public Optional<PlanNode> apply(PlanNode node) {
        if (node instanceof Filter outer && outer.input() instanceof Filter inner) {
            return Optional.of(new Filter(inner.input(), Exprs.and(List.of(inner.predicate(), outer.predicate()))));
        }
        return Optional.empty();
    }
}
