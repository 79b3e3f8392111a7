package io.datajax.planner.rules;

import io.datajax.ir.expr.Expr;
import io.datajax.ir.expr.Literal;
import io.datajax.ir.expr.NamedExpr;
import io.datajax.ir.plan.AggCall;
import io.datajax.ir.plan.Aggregate;
import io.datajax.ir.plan.Filter;
import io.datajax.ir.plan.PlanNode;
import io.datajax.ir.plan.Project;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Rule evaluating constant sub-expressions of a node's expressions, and removing always-true filters.
 *
 * <pre>
 * Filter[((1 + 2) &lt; qty)]      =&gt;   Filter[(3 &lt; qty)]
 * Project[y := (x * (2L * 3L))] =&gt;   Project[y := (x * 6L)]
 * Filter[(true OR (x &gt; 1L))]   =&gt;   x
 * </pre>
 *
 * Semantics are the runtime's: integer overflow is not folded (the runtime raises it), an integer
 * remainder by zero is null, {@code /} is FLOAT64 IEEE division, NaN compares above every number and
 * equal to itself, {@code -0.0 = 0.0}; AND/OR are three-valued and {@code false AND x} / {@code true OR x}
 * fold whatever {@code x} is. Strings fold under {@code =} and {@code <>} only; casts only when exact.
 * Folded literals keep the expression's type, so schemas keep their types (a folded column may become
 * non-nullable).
 */
public final class FoldConstants implements Rule {

    @Override
    public String name() {
        return "FoldConstants";
    }

    @Override
    public Optional<PlanNode> apply(PlanNode node) {
        if (node instanceof Filter filter) {
            Expr predicate = ExprFolding.fold(filter.predicate());
            if (predicate instanceof Literal literal && Boolean.TRUE.equals(literal.value())) {
                return Optional.of(filter.input());
            }
            return predicate == filter.predicate() ? Optional.empty() : Optional.of(new Filter(filter.input(), predicate));
        }
        if (node instanceof Project project) {
            List<NamedExpr> exprs = new ArrayList<>();
            boolean changed = false;
            for (NamedExpr named : project.exprs()) {
                Expr folded = ExprFolding.fold(named.expr());
                changed |= folded != named.expr();
                exprs.add(folded == named.expr() ? named : new NamedExpr(named.name(), folded));
            }
            return changed ? Optional.of(new Project(project.input(), exprs)) : Optional.empty();
        }
        if (node instanceof Aggregate aggregate) {
            List<AggCall> calls = new ArrayList<>();
            boolean changed = false;
            for (AggCall call : aggregate.aggregates()) {
                Optional<Expr> folded = call.argument().map(ExprFolding::fold);
                boolean callChanged = folded.isPresent() && folded.get() != call.argument().get();
                changed |= callChanged;
                calls.add(callChanged ? new AggCall(call.function(), folded, call.name()) : call);
            }
            return changed ? Optional.of(new Aggregate(aggregate.input(), aggregate.keys(), calls)) : Optional.empty();
        }
        return Optional.empty();
    }
}
