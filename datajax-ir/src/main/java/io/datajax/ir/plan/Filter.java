package io.datajax.ir.plan;

import static java.util.Objects.requireNonNull;

import io.datajax.ir.DataType;
import io.datajax.ir.Schema;
import io.datajax.ir.error.SchemaException;
import io.datajax.ir.expr.Expr;
import java.util.List;

/** Keeps the rows whose predicate is TRUE (not false, not null), in input order. */
public record Filter(PlanNode input, Expr predicate) implements PlanNode {
    public Filter {
        requireNonNull(input, "input is null");
        requireNonNull(predicate, "predicate is null");
        if (predicate.type() != DataType.BOOLEAN && predicate.type() != DataType.NULL) {
            throw SchemaException.typeMismatch("filter", "the predicate '" + predicate + "' is "
                    + predicate.type() + "; a filter needs BOOLEAN. Compare it with a value, e.g. col(\"x\").gt(0).");
        }
        PlanChecks.checkColumns(predicate, input.schema(), "filter");
    }

    @Override
    public Schema schema() {
        return input.schema();
    }

    @Override
    public List<PlanNode> inputs() {
        return List.of(input);
    }

    @Override
    public PlanNode withInputs(List<PlanNode> inputs) {
        return new Filter(inputs.get(0), predicate);
    }

    @Override
    public <R> R accept(PlanVisitor<R> visitor) {
        return visitor.visitFilter(this);
    }

    @Override
    public String toString() {
        return "Filter[" + predicate + "]";
    }
}
