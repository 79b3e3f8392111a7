package io.datajax.ir.plan;

import static java.util.Objects.requireNonNull;

import io.datajax.ir.Schema;
import io.datajax.ir.Sharding;
import java.util.List;

/**
 * A program input: the {@code input}-th argument of the traced function, named {@code name}, with the
 * schema it was traced against and the sharding it is declared to have.
 */
public record Scan(int input, String name, Schema schema, Sharding sharding) implements PlanNode {
    public Scan {
        requireNonNull(name, "name is null");
        requireNonNull(schema, "schema is null");
        requireNonNull(sharding, "sharding is null");
        if (input < 0) {
            throw new IllegalArgumentException("input index is negative: " + input);
        }
    }

    @Override
    public List<PlanNode> inputs() {
        return List.of();
    }

    @Override
    public PlanNode withInputs(List<PlanNode> inputs) {
        return this;
    }

    @Override
    public <R> R accept(PlanVisitor<R> visitor) {
        return visitor.visitScan(this);
    }

    @Override
    public String toString() {
        return "Scan[" + input + ": " + name + " " + schema + ", " + sharding + "]";
    }
}
