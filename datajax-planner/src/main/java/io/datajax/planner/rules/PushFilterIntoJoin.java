package io.datajax.planner.rules;

import io.datajax.ir.Field;
import io.datajax.ir.Schema;
import io.datajax.ir.expr.ColumnRef;
import io.datajax.ir.expr.Expr;
import io.datajax.ir.expr.Exprs;
import io.datajax.ir.plan.Filter;
import io.datajax.ir.plan.Join;
import io.datajax.ir.plan.JoinColumn;
import io.datajax.ir.plan.JoinType;
import io.datajax.ir.plan.PlanNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rule moving filter conjuncts that read one side of a join into a filter on that side's input.
 *
 * <pre>
 * Filter[((qty &gt; 0L) AND (name_y = 'x') AND (qty &lt; price))]     Filter[(qty &lt; price)]
 *   Join[INNER, on=[id]]                              =&gt;        Join[INNER, on=[id]]
 *     l                                                            Filter[(qty &gt; 0L)]
 *     r                                                              l
 *                                                                  Filter[(name = 'x')]
 *                                                                    r
 * </pre>
 *
 * Output names are mapped back to input names (dropping suffixes). A side's filter may move below the
 * join only where that side's rows are never null-padded: the left side for INNER, LEFT, SEMI and ANTI
 * joins, the right side for INNER and RIGHT joins; nothing moves out of a FULL join. A coalesced key
 * counts as a column of a side when the join keeps that side's rows and that side's key already has the
 * unified key type (otherwise the column's type would change). Conjuncts reading both sides stay above.
 */
public final class PushFilterIntoJoin implements Rule {

    @Override
    public String name() {
        return "PushFilterIntoJoin";
    }

    @Override
    public Optional<PlanNode> apply(PlanNode node) {
        if (!(node instanceof Filter filter) || !(filter.input() instanceof Join join)) {
            return Optional.empty();
        }
        boolean leftOpen = join.type() == JoinType.INNER || !join.type().keepsUnmatchedRight();
        boolean rightOpen = join.type() == JoinType.INNER || join.type() == JoinType.RIGHT;
        Map<String, ColumnRef> leftNames = leftOpen ? sideNames(join, true) : Map.of();
        Map<String, ColumnRef> rightNames = rightOpen ? sideNames(join, false) : Map.of();
        List<Expr> toLeft = new ArrayList<>();
        List<Expr> toRight = new ArrayList<>();
        List<Expr> kept = new ArrayList<>();
        for (Expr conjunct : Exprs.conjuncts(filter.predicate())) {
            var columns = Exprs.columns(conjunct);
            if (leftOpen && leftNames.keySet().containsAll(columns)) {
                toLeft.add(rename(conjunct, leftNames));
            } else if (rightOpen && rightNames.keySet().containsAll(columns)) {
                toRight.add(rename(conjunct, rightNames));
            } else {
                kept.add(conjunct);
            }
        }
        if (toLeft.isEmpty() && toRight.isEmpty()) {
            return Optional.empty();
        }
        PlanNode left = toLeft.isEmpty() ? join.left() : new Filter(join.left(), Exprs.and(toLeft));
        PlanNode right = toRight.isEmpty() ? join.right() : new Filter(join.right(), Exprs.and(toRight));
        PlanNode rebuilt = join.withInputs(List.of(left, right));
        return Optional.of(kept.isEmpty() ? rebuilt : new Filter(rebuilt, Exprs.and(kept)));
    }

    /** Output column name to a reference to the same values on one input side. */
    private static Map<String, ColumnRef> sideNames(Join join, boolean left) {
        Schema side = left ? join.left().schema() : join.right().schema();
        Map<String, ColumnRef> out = new HashMap<>();
        for (JoinColumn column : join.columns()) {
            int index = left ? column.leftIndex() : column.rightIndex();
            if (index < 0) {
                continue;
            }
            Field source = side.field(index);
            if (source.type() == column.field().type()) {
                out.put(column.field().name(), ColumnRef.of(source));
            }
        }
        return out;
    }

    private static Expr rename(Expr conjunct, Map<String, ColumnRef> names) {
        return Exprs.transformUp(conjunct, e -> e instanceof ColumnRef ref ? names.get(ref.name()) : e);
    }
}
