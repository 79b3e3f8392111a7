package io.datajax.planner.rules;

import io.datajax.ir.expr.ColumnRef;
import io.datajax.ir.expr.Expr;
import io.datajax.ir.expr.Exprs;
import io.datajax.ir.expr.NamedExpr;
import io.datajax.ir.plan.Filter;
import io.datajax.ir.plan.PlanNode;
import io.datajax.ir.plan.Project;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rule moving filter conjuncts below a projection when they read only passed-through columns.
 *
 * <pre>
 * Filter[((uid = 7L) AND (rev &gt; 0.0))]           Filter[(rev &gt; 0.0)]
 *   Project[uid := user_id, rev := (p * q)]  =&gt;     Project[uid := user_id, rev := (p * q)]
 *     x                                              Filter[(user_id = 7L)]
 *                                                      x
 * </pre>
 *
 * A conjunct qualifies when every column it reads is produced by a bare column reference (possibly
 * renamed); it is rewritten to the input names. Conjuncts reading computed columns stay above. A
 * projection keeps row count and order, so filtering before or after it selects the same rows.
 */
public final class PushFilterBelowProject implements Rule {

    @Override
    public String name() {
        return "PushFilterBelowProject";
    }

    @Override
    public Optional<PlanNode> apply(PlanNode node) {
        if (!(node instanceof Filter filter) || !(filter.input() instanceof Project project)) {
            return Optional.empty();
        }
        Map<String, ColumnRef> passThrough = new HashMap<>();
        for (NamedExpr named : project.exprs()) {
            if (named.expr() instanceof ColumnRef ref) {
                passThrough.put(named.name(), ref);
            }
        }
        List<Expr> pushed = new ArrayList<>();
        List<Expr> kept = new ArrayList<>();
        for (Expr conjunct : Exprs.conjuncts(filter.predicate())) {
            if (passThrough.keySet().containsAll(Exprs.columns(conjunct))) {
                pushed.add(Exprs.transformUp(conjunct, e -> e instanceof ColumnRef ref ? passThrough.get(ref.name()) : e));
            } else {
                kept.add(conjunct);
            }
        }
        if (pushed.isEmpty()) {
            return Optional.empty();
        }
        PlanNode below = new Project(new Filter(project.input(), Exprs.and(pushed)), project.exprs());
        return Optional.of(kept.isEmpty() ? below : new Filter(below, Exprs.and(kept)));
    }
}
