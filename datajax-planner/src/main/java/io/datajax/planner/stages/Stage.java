package io.datajax.planner.stages;

import static java.util.Objects.requireNonNull;

import io.datajax.ir.Schema;
import io.datajax.ir.Sharding;
import io.datajax.ir.plan.PlanNode;
import java.util.List;
import java.util.Optional;

/**
 * One step of execution. Immutable.
 *
 * <p>{@code nodes} are the IR nodes this stage runs, in execution order; the first node's inputs are the
 * top nodes of the stages listed in {@code inputs} (in the same order), and each later node reads the one
 * before it. An executor uses the nodes' arguments (predicates, expressions, keys) and feeds them the
 * stage inputs' data; it never re-executes a node's input sub-plan.
 *
 * @param id position in {@link StagePlan#stages()}
 * @param kind what the stage does
 * @param inputs ids of the stages whose output this stage reads, in node-input order
 * @param nodes the IR nodes run by this stage, in execution order (never empty)
 * @param inputSchemas the schemas of the inputs, in order
 * @param schema the output schema
 * @param sharding how the output lies across ranks
 * @param exchanges data movement needed per input before the stage runs (empty when none)
 */
public record Stage(
        int id,
        StageKind kind,
        List<Integer> inputs,
        List<PlanNode> nodes,
        List<Schema> inputSchemas,
        Schema schema,
        Sharding sharding,
        List<Optional<Exchange>> exchanges) {

    public Stage {
        requireNonNull(kind, "kind is null");
        inputs = List.copyOf(requireNonNull(inputs, "inputs is null"));
        nodes = List.copyOf(requireNonNull(nodes, "nodes is null"));
        inputSchemas = List.copyOf(requireNonNull(inputSchemas, "inputSchemas is null"));
        requireNonNull(schema, "schema is null");
        requireNonNull(sharding, "sharding is null");
        exchanges = List.copyOf(requireNonNull(exchanges, "exchanges is null"));
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("stage " + id + " has no nodes");
        }
        if (inputSchemas.size() != inputs.size() || exchanges.size() != inputs.size()) {
            throw new IllegalArgumentException("stage " + id + ": inputs, inputSchemas and exchanges differ in size");
        }
    }

    /** The last node: its output is the stage's output. */
    public PlanNode root() {
        return nodes.get(nodes.size() - 1);
    }
}
