package io.datajax.ir.plan;

import static java.util.Objects.requireNonNull;

import io.datajax.ir.Field;
import io.datajax.ir.Schema;
import io.datajax.ir.expr.NamedExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Computes one output column per named expression, each reading the input row (never a sibling output):
 * the form of {@code withColumn}, {@code select}, {@code drop} and {@code rename}. Preserves row order and count.
 */
public record Project(PlanNode input, List<NamedExpr> exprs) implements PlanNode {
    public Project {
        requireNonNull(input, "input is null");
        exprs = List.copyOf(requireNonNull(exprs, "exprs is null"));
        Schema inputSchema = input.schema();
        for (NamedExpr named : exprs) {
            PlanChecks.checkColumns(named.expr(), inputSchema, "column '" + named.name() + "'");
        }
        outputSchema(exprs);
    }

    private static Schema outputSchema(List<NamedExpr> exprs) {
        List<Field> fields = new ArrayList<>(exprs.size());
        for (NamedExpr named : exprs) {
            fields.add(named.field());
        }
        return new Schema(fields);
    }

    @Override
    public Schema schema() {
        return outputSchema(exprs);
    }

    /** Whether every output is an input column passed through (possibly renamed). */
    public boolean isOnlyColumns() {
        return exprs.stream().allMatch(e -> e.expr() instanceof io.datajax.ir.expr.ColumnRef);
    }

    @Override
    public List<PlanNode> inputs() {
        return List.of(input);
    }

    @Override
    public PlanNode withInputs(List<PlanNode> inputs) {
        return new Project(inputs.get(0), exprs);
    }

    @Override
    public <R> R accept(PlanVisitor<R> visitor) {
        return visitor.visitProject(this);
    }

    @Override
    public String toString() {
        return exprs.stream().map(NamedExpr::toString).collect(Collectors.joining(", ", "Project[", "]"));
    }
}
