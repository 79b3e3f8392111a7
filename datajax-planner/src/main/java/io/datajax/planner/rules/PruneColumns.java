package io.datajax.planner.rules;

import io.datajax.ir.expr.Exprs;
import io.datajax.ir.expr.NamedExpr;
import io.datajax.ir.plan.AggCall;
import io.datajax.ir.plan.Aggregate;
import io.datajax.ir.plan.PlanNode;
import io.datajax.ir.plan.Project;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Rule removing the columns of a projection's or an aggregation's input that it never reads.
 *
 * <pre>
 * Aggregate[keys=[k], s := sum(v)]           Aggregate[keys=[k], s := sum(v)]
 *   Filter[(w &gt; 0L)]                   =&gt;     Filter[(w &gt; 0L)]
 *     Scan[0: t (k, v, w, junk)]                 Project[k, v, w]
 *                                                  Scan[0: t (k, v, w, junk)]
 * </pre>
 *
 * Only a projection or an aggregation knows which columns its consumers need, so only they trigger the
 * rule, and only on their direct input: a projection input drops unused outputs, an aggregation input
 * drops unused aggregates, a join prunes its inputs down to keys and needed columns (keeping same-named
 * columns on both sides so suffixes stay put), and a filter, sort, limit or repartition gets a
 * narrowing projection below it (keeping the columns it reads). An aggregation over a scan gets a
 * narrowing projection above the scan; a projection over a scan does not need one. Schemas of the
 * triggering node never change, and the rule does not fire on its own output.
 */
public final class PruneColumns implements Rule {

    @Override
    public String name() {
        return "PruneColumns";
    }

    @Override
    public Optional<PlanNode> apply(PlanNode node) {
        Set<String> needed = new HashSet<>();
        boolean allowWrap;
        if (node instanceof Project project) {
            for (NamedExpr named : project.exprs()) {
                needed.addAll(Exprs.columns(named.expr()));
            }
            allowWrap = false;
        } else if (node instanceof Aggregate aggregate) {
            needed.addAll(aggregate.keys());
            for (AggCall call : aggregate.aggregates()) {
                call.argument().ifPresent(arg -> needed.addAll(Exprs.columns(arg)));
            }
            allowWrap = true;
        } else {
            return Optional.empty();
        }
        PlanNode input = node.inputs().get(0);
        return ColumnNarrowing.narrow(input, needed, allowWrap).map(narrowed -> node.withInputs(List.of(narrowed)));
    }
}
