package io.datajax.runtime.mpj.exec;

import static java.util.Objects.requireNonNull;

import io.datajax.ir.Schema;
import io.datajax.ir.Sharding;
import io.datajax.ir.plan.PlanNode;
import io.datajax.planner.stages.Exchange;
import io.datajax.planner.stages.Stage;
import io.datajax.planner.stages.StageKind;
import java.util.List;
import java.util.Optional;

/**
 * One stage as the ranks run it: the planner's {@link Stage} plus whether its consumers need its rows in
 * global order ({@code ordered}). Immutable.
 *
 * @param id the stage id
 * @param kind what the stage does
 * @param inputs ids of the stages it reads
 * @param nodes the IR nodes it runs, in order
 * @param sharding where the planner places its output
 * @param exchanges per input, the data movement before the stage runs
 * @param ordered whether a consumer (the result, or a limit) needs the output in global order: a keyed
 *     aggregate then delivers its groups key-sorted on rank 0 instead of hash-placed
 */
record StageStep(int id, StageKind kind, List<Integer> inputs, List<PlanNode> nodes, Sharding sharding,
        List<Optional<Exchange>> exchanges, boolean ordered) {

    StageStep {
        requireNonNull(kind, "kind is null");
        inputs = List.copyOf(inputs);
        nodes = List.copyOf(nodes);
        requireNonNull(sharding, "sharding is null");
        exchanges = List.copyOf(exchanges);
        if (nodes.isEmpty() || exchanges.size() != inputs.size()) {
            throw new IllegalArgumentException("stage " + id + ": no nodes, or inputs and exchanges differ in size");
        }
    }

    /** The step of a planner stage. */
    static StageStep of(Stage stage, boolean ordered) {
        return new StageStep(stage.id(), stage.kind(), stage.inputs(), stage.nodes(), stage.sharding(),
                stage.exchanges(), ordered);
    }

    /** The last node. */
    PlanNode root() {
        return nodes.get(nodes.size() - 1);
    }

    /** The output schema. */
    Schema schema() {
        return root().schema();
    }

    /** Whether every rank holds every output row. */
    boolean replicated() {
        return sharding instanceof Sharding.Replicated;
    }

    /** "stage 3 AGGREGATE", for logs, MDC and errors. */
    String label() {
        return label(id, kind);
    }

    static String label(int id, StageKind kind) {
        return "stage " + id + " " + kind;
    }
}
