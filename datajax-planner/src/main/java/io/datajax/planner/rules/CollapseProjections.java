package io.datajax.planner.rules;

import io.datajax.ir.expr.ColumnRef;
import io.datajax.ir.expr.Expr;
import io.datajax.ir.expr.Exprs;
import io.datajax.ir.expr.Literal;
import io.datajax.ir.expr.NamedExpr;
import io.datajax.ir.plan.PlanNode;
import io.datajax.ir.plan.Project;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rule merging two stacked projections into one by substituting the inner expressions into the outer.
 *
 * <pre>
 * Project[total := (net + tax)]               Project[total := ((price * qty) + 1.5)]
 *   Project[net := (price * qty), tax := 1.5]   =&gt;   x
 *     x
 * </pre>
 *
 * A projection reads its input row, never its siblings, so substitution is a plain replacement of each
 * column reference by the inner expression. The rule does not fire when the outer projection reads an
 * inner computed expression (anything but a column or a literal) more than once, so that no
 * computation is duplicated.
 */
public final class CollapseProjections implements Rule {

    @Override
    public String name() {
        return "CollapseProjections";
    }

    @Override
    public Optional<PlanNode> apply(PlanNode node) {
        if (!(node instanceof Project outer) || !(outer.input() instanceof Project inner)) {
            return Optional.empty();
        }
        Map<String, Expr> definitions = new HashMap<>();
        for (NamedExpr named : inner.exprs()) {
            definitions.put(named.name(), named.expr());
        }
        Map<String, Integer> uses = new HashMap<>();
        for (NamedExpr named : outer.exprs()) {
            countUses(named.expr(), uses);
        }
        for (Map.Entry<String, Integer> use : uses.entrySet()) {
            Expr definition = definitions.get(use.getKey());
            boolean cheap = definition instanceof ColumnRef || definition instanceof Literal;
            if (use.getValue() > 1 && !cheap) {
                return Optional.empty();
            }
        }
        List<NamedExpr> merged = new ArrayList<>(outer.exprs().size());
        for (NamedExpr named : outer.exprs()) {
            Expr substituted = Exprs.transformUp(named.expr(),
                    e -> e instanceof ColumnRef ref ? definitions.get(ref.name()) : e);
            merged.add(new NamedExpr(named.name(), substituted));
        }
        return Optional.of(new Project(inner.input(), merged));
    }

    private static void countUses(Expr expr, Map<String, Integer> uses) {
        if (expr instanceof ColumnRef ref) {
            uses.merge(ref.name(), 1, Integer::sum);
        }
        for (Expr child : expr.children()) {
            countUses(child, uses);
        }
    }
}
