package io.datajax.planner.rules;

import io.datajax.ir.Field;
import io.datajax.ir.Schema;
import io.datajax.ir.expr.Exprs;
import io.datajax.ir.expr.NamedExpr;
import io.datajax.ir.plan.PlanNode;
import io.datajax.ir.plan.Project;
import io.datajax.ir.plan.SourceScan;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Rule reading from a source only the columns the projection above it uses (projection pushdown).
 *
 * <pre>
 * Project[k, s := (v * 2L)]                       Project[k, s := (v * 2L)]
 *   SourceScan[csv(t) (k, v, w, junk)]    =&gt;       SourceScan[csv(t) (k, v), columns 2/4]
 * </pre>
 *
 * {@link PruneColumns} puts narrowing projections above reads, so this rule sees every read whose consumers
 * use fewer columns. A read keeps at least one column (its row count must survive, e.g. for {@code count()}).
 */
public final class NarrowSourceScan implements Rule {

    @Override
    public String name() {
        return "NarrowSourceScan";
    }

    @Override
    public Optional<PlanNode> apply(PlanNode node) {
        if (!(node instanceof Project project) || !(project.input() instanceof SourceScan scan)) {
            return Optional.empty();
        }
        Set<String> used = new HashSet<>();
        for (NamedExpr named : project.exprs()) {
            used.addAll(Exprs.columns(named.expr()));
        }
        List<Field> kept = new ArrayList<>();
        for (Field field : scan.schema().fields()) {
            if (used.contains(field.name())) {
                kept.add(field);
            }
        }
        if (kept.isEmpty()) {
            kept.add(scan.schema().field(0));
        }
        if (kept.size() == scan.schema().size()) {
            return Optional.empty();
        }
        return Optional.of(new Project(scan.withSchema(new Schema(kept)), project.exprs()));
    }
}
