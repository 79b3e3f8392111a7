package io.datajax.ir.plan;

import static java.util.Objects.requireNonNull;

import io.datajax.ir.Schema;
import java.util.List;
import java.util.stream.Collectors;

/** Orders rows by keys; stable (ties keep input order); NaN sorts above every number. */
public record Sort(PlanNode input, List<SortKey> keys) implements PlanNode {
    public Sort {
        requireNonNull(input, "input is null");
        keys = List.copyOf(requireNonNull(keys, "keys is null"));
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("sort needs at least one key");
        }
        Schema schema = input.schema();
        for (SortKey key : keys) {
            schema.field(key.column());
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
        return new Sort(inputs.get(0), keys);
    }

    @Override
    public <R> R accept(PlanVisitor<R> visitor) {
        return visitor.visitSort(this);
    }

    @Override
    public String toString() {
        return keys.stream().map(SortKey::toString).collect(Collectors.joining(", ", "Sort[", "]"));
    }
}
