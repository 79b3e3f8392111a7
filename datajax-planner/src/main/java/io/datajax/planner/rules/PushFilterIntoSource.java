package io.datajax.planner.rules;

import io.datajax.ir.plan.Filter;
import io.datajax.ir.plan.PlanNode;
import io.datajax.ir.plan.SourceScan;
import java.util.Optional;

/**
 * Rule handing a filter directly above a source read to the read as its skipping hint.
 *
 * <pre>
 * Filter[(x &gt; 5L)]                         Filter[(x &gt; 5L)]
 *   SourceScan[parquet(t) (x, y)]     =&gt;      SourceScan[parquet(t) (x, y), skip unless (x &gt; 5L)]
 * </pre>
 *
 * The filter stays: the hint only lets a reader skip data its statistics prove cannot match (Parquet row
 * groups), so results never depend on how much a format can skip.
 */
public final class PushFilterIntoSource implements Rule {

    @Override
    public String name() {
        return "PushFilterIntoSource";
    }

    @Override
    public Optional<PlanNode> apply(PlanNode node) {
        if (!(node instanceof Filter filter) || !(filter.input() instanceof SourceScan scan)) {
            return Optional.empty();
        }
        if (scan.filter().equals(Optional.of(filter.predicate()))) {
            return Optional.empty();
        }
        return Optional.of(new Filter(scan.withFilter(Optional.of(filter.predicate())), filter.predicate()));
    }
}
