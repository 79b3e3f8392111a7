package io.datajax.planner.rules;

import io.datajax.ir.expr.NamedExpr;
import io.datajax.ir.plan.PlanNode;
import io.datajax.ir.plan.Project;
import java.util.List;
import java.util.Optional;

/**
 * Rule removing a projection that passes every input column through unchanged, in input order.
 *
 * <pre>
 * Project[a, b]          =&gt;   x      (when x's columns are exactly a, b)
 *   x
 * </pre>
 *
 * Such projections are left behind by {@link PruneColumns} and by user code such as
 * {@code select} of all columns.
 */
public final class DropIdentityProjections implements Rule {

    @Override
    public String name() {
        return "DropIdentityProjections";
    }

    @Override
    public Optional<PlanNode> apply(PlanNode node) {
        if (!(node instanceof Project project)) {
            return Optional.empty();
        }
        List<String> inputNames = project.input().schema().names();
        List<NamedExpr> exprs = project.exprs();
        if (exprs.size() != inputNames.size()) {
            return Optional.empty();
        }
        for (int i = 0; i < exprs.size(); i++) {
            if (!exprs.get(i).isIdentity() || !exprs.get(i).name().equals(inputNames.get(i))) {
                return Optional.empty();
            }
        }
        return Optional.of(project.input());
    }
}
