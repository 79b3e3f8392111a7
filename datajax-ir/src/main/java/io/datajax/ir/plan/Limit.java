package io.datajax.ir.plan;

import static java.util.Objects.requireNonNull;

import io.datajax.ir.Schema;
import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.SchemaException;
import java.util.List;

/** The first {@code count} rows in input order. */
public record Limit(PlanNode input, long count) implements PlanNode {
    public Limit {
        requireNonNull(input, "input is null");
        if (count < 0) {
            throw new SchemaException(ErrorCode.INVALID_ARGUMENT, "limit must be >= 0, got " + count + ".");
        }
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
        return new Limit(inputs.get(0), count);
    }

    @Override
    public <R> R accept(PlanVisitor<R> visitor) {
        return visitor.visitLimit(this);
    }

    @Override
    public String toString() {
        return "Limit[" + count + "]";
    }
}
