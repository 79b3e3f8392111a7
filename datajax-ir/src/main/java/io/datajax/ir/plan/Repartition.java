package io.datajax.ir.plan;

import static java.util.Objects.requireNonNull;

import io.datajax.ir.Schema;
import io.datajax.ir.Sharding;
import java.util.List;

/** Redistributes rows to the given sharding; rows and values are unchanged. */
public record Repartition(PlanNode input, Sharding sharding) implements PlanNode {
    public Repartition {
        requireNonNull(input, "input is null");
        requireNonNull(sharding, "sharding is null");
        if (sharding instanceof Sharding.ByKey byKey) {
            Schema schema = input.schema();
            byKey.keys().forEach(schema::field);
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
        return new Repartition(inputs.get(0), sharding);
    }

    @Override
    public <R> R accept(PlanVisitor<R> visitor) {
        return visitor.visitRepartition(this);
    }

    @Override
    public String toString() {
        return "Repartition[" + sharding + "]";
    }
}
