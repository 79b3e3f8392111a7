package io.datajax.ir.plan;

import static java.util.Objects.requireNonNull;

import io.datajax.ir.Schema;
import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.SchemaException;
import java.util.List;

/**
 * The first {@code count} rows in input order; with {@code keys}, the first {@code count} rows of every group of
 * those key columns (null keys form a group), rows kept in input order.
 */
public record Limit(PlanNode input, long count, List<String> keys) implements PlanNode {
    public Limit {
        requireNonNull(input, "input is null");
        keys = List.copyOf(requireNonNull(keys, "keys is null"));
        if (count < 0) {
            throw new SchemaException(ErrorCode.INVALID_ARGUMENT, "limit must be >= 0, got " + count + ".");
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String key : keys) {
            input.schema().field(key);
            if (!seen.add(key)) {
                throw new SchemaException(ErrorCode.DUPLICATE_COLUMN, "Limit key '" + key + "' is listed twice.");
            }
        }
    }

    /** The first {@code count} rows of the whole input. */
    public Limit(PlanNode input, long count) {
        this(input, count, List.of());
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
        return new Limit(inputs.get(0), count, keys);
    }

    @Override
    public <R> R accept(PlanVisitor<R> visitor) {
        return visitor.visitLimit(this);
    }

    @Override
    public String toString() {
        return "Limit[" + count + (keys.isEmpty() ? "" : " per " + keys) + "]";
    }
}
