package io.datajax.api;

import static java.util.Objects.requireNonNull;

import io.datajax.api.trace.InputSignature;
import io.datajax.ir.Schema;
import io.datajax.ir.plan.PlanNode;
import io.datajax.ir.plan.PlanPrinter;
import io.datajax.planner.stages.ExplainPrinter;
import io.datajax.planner.stages.StagePlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A traced and planned program for one input signature: the plan as traced, after rewrites, and split
 * into stages. Immutable; what the plan cache holds.
 */
public final class TracedProgram {
    private final InputSignature signature;
    private final StagePlan stagePlan;
    private final String executor;
    private final List<String> header;

    TracedProgram(InputSignature signature, StagePlan stagePlan, String executor, List<String> header) {
        this.header = List.copyOf(header);
        this.signature = requireNonNull(signature, "signature is null");
        this.stagePlan = requireNonNull(stagePlan, "stagePlan is null");
        this.executor = requireNonNull(executor, "executor is null");
    }

    /** The input names, schemas and settings this program was traced for. */
    public InputSignature signature() {
        return signature;
    }

    /** The plan as the function recorded it. */
    public PlanNode tracedPlan() {
        return stagePlan.traced();
    }

    /** The plan after rewrite rules. */
    public PlanNode optimizedPlan() {
        return stagePlan.optimized();
    }

    /** The stages an executor runs. */
    public StagePlan stagePlan() {
        return stagePlan;
    }

    /** The result schema. */
    public Schema schema() {
        return stagePlan.schema();
    }

    /** The traced plan in canonical text. */
    public String printTraced() {
        return PlanPrinter.print(stagePlan.traced());
    }

    /** The optimized plan in canonical text. */
    public String printOptimized() {
        return PlanPrinter.print(stagePlan.optimized());
    }

    /** The stages, top-down in code order, with schemas and sharding (no run metrics). */
    public String explain() {
        List<String> lines = new ArrayList<>();
        lines.add("executor: " + executor + " (planned for " + stagePlan.parallelism()
                + (stagePlan.parallelism() == 1 ? " rank)" : " ranks)"));
        lines.addAll(header);
        return ExplainPrinter.print(stagePlan, lines, Map.of());
    }

    /** Extra explain header lines (the {@code pjit} mesh and output sharding), possibly none. */
    List<String> header() {
        return header;
    }

    @Override
    public String toString() {
        return explain();
    }
}
