package io.datajax.ir.plan;

import static java.util.Objects.requireNonNull;

import io.datajax.ir.Field;
import io.datajax.ir.Schema;
import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.SchemaException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Groups rows by key columns and computes aggregates. Output: the keys, then one column per aggregate;
 * one row per distinct key (nulls form a group), sorted by key ascending with nulls last. With no keys,
 * exactly one row.
 */
public record Aggregate(PlanNode input, List<String> keys, List<AggCall> aggregates) implements PlanNode {
    public Aggregate {
        requireNonNull(input, "input is null");
        keys = List.copyOf(requireNonNull(keys, "keys is null"));
        aggregates = List.copyOf(requireNonNull(aggregates, "aggregates is null"));
        Schema inputSchema = input.schema();
        for (String key : keys) {
            inputSchema.field(key);
        }
        for (AggCall call : aggregates) {
            call.argument().ifPresent(arg -> PlanChecks.checkColumns(arg, inputSchema, call.function().displayName()));
        }
        Map<String, String> producers = new HashMap<>();
        for (String key : keys) {
            if (producers.put(key, "group key '" + key + "'") != null) {
                throw new SchemaException(ErrorCode.DUPLICATE_COLUMN, "Group key '" + key + "' is listed twice.");
            }
        }
        for (AggCall call : aggregates) {
            String previous = producers.put(call.name(), "'" + call + "'");
            if (previous != null) {
                throw new SchemaException(ErrorCode.AGGREGATE_NAME_COLLISION, "Two outputs of the aggregation are named '"
                        + call.name() + "': " + previous + " and '" + call + "'. Give one an alias, e.g. "
                        + call.function().displayName() + "(...).as(\"" + call.name() + "_" + call.function().displayName()
                        + "\").");
            }
        }
    }

    @Override
    public Schema schema() {
        Schema inputSchema = input.schema();
        List<Field> fields = new ArrayList<>();
        for (String key : keys) {
            fields.add(inputSchema.field(key));
        }
        for (AggCall call : aggregates) {
            fields.add(call.field());
        }
        return new Schema(fields);
    }

    @Override
    public List<PlanNode> inputs() {
        return List.of(input);
    }

    @Override
    public PlanNode withInputs(List<PlanNode> inputs) {
        return new Aggregate(inputs.get(0), keys, aggregates);
    }

    @Override
    public <R> R accept(PlanVisitor<R> visitor) {
        return visitor.visitAggregate(this);
    }

    @Override
    public String toString() {
        return "Aggregate[keys=[" + String.join(", ", keys) + "], "
                + aggregates.stream().map(AggCall::toString).collect(Collectors.joining(", ")) + "]";
    }
}
