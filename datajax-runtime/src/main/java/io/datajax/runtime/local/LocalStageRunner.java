package io.datajax.runtime.local;

import static java.util.Objects.requireNonNull;

import io.datajax.ir.error.InternalException;
import io.datajax.ir.plan.Aggregate;
import io.datajax.ir.plan.Filter;
import io.datajax.ir.plan.Join;
import io.datajax.ir.plan.Limit;
import io.datajax.ir.plan.PlanNode;
import io.datajax.ir.plan.Project;
import io.datajax.ir.plan.Repartition;
import io.datajax.ir.plan.Sort;
import io.datajax.ir.plan.Union;
import io.datajax.runtime.column.Batch;
import io.datajax.runtime.column.Relation;
import io.datajax.runtime.kernel.LimitKernel;
import io.datajax.runtime.kernel.MemoryMeter;
import io.datajax.runtime.kernel.SortKernel;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a chain of plan nodes on given batches with the local executor's fused passes, for executors that
 * place data themselves (the MPJ executor runs one stage's nodes on each rank's shard with it).
 *
 * <p>The first node reads {@code inputs} (one batch per node input, in order), each later node the output
 * of the one before, as in a {@link io.datajax.planner.stages.Stage}. Consecutive {@code Filter} and
 * {@code Project} nodes run as one pass; {@code Limit}, {@code Aggregate}, {@code Join}, {@code Sort} and
 * {@code Repartition} (the identity here: placement is the caller's business) run as in
 * {@link LocalExecutor}. Only the nodes' arguments are used, never their input sub-plans. Results do not
 * depend on the thread count. Not thread-safe; close it to stop its worker threads.
 */
public final class LocalStageRunner implements AutoCloseable {
    private final ExecOptions options;
    private final Parallel parallel;

    /** A runner with {@code threads} worker threads (1: everything on the calling thread). */
    public LocalStageRunner(int threads) {
        this.options = ExecOptions.defaults(threads);
        this.parallel = new Parallel(threads);
    }

    /**
     * The output of {@code nodes} over {@code inputs}.
     *
     * @param meter collects the estimated working bytes of the passes
     */
    public Batch run(List<PlanNode> nodes, List<Batch> inputs, MemoryMeter meter) {
        requireNonNull(nodes, "nodes is null");
        requireNonNull(inputs, "inputs is null");
        requireNonNull(meter, "meter is null");
        if (nodes.isEmpty()) {
            throw new InternalException("LocalStageRunner needs at least one node");
        }
        List<Relation> current = new ArrayList<>(inputs.size());
        for (Batch batch : inputs) {
            current.add(Relation.of(batch));
        }
        List<PlanNode> segment = new ArrayList<>();
        for (PlanNode node : nodes) {
            if (node instanceof Filter || node instanceof Project) {
                segment.add(node);
                continue;
            }
            current = flush(segment, current, meter);
            segment.clear();
            current = List.of(runBreaker(node, current, meter));
        }
        current = flush(segment, current, meter);
        if (current.size() != 1) {
            throw new InternalException("nodes " + nodes + " left " + current.size() + " outputs");
        }
        return current.get(0).materialize();
    }

    private List<Relation> flush(List<PlanNode> segment, List<Relation> inputs, MemoryMeter meter) {
        if (segment.isEmpty()) {
            return inputs;
        }
        Relation input = single(inputs, segment.get(0));
        TransformProgram program = TransformProgram.of(segment, input.schema());
        return List.of(TransformExec.run(program, segment.get(segment.size() - 1).schema(), input, options, parallel,
                meter));
    }

    private Relation runBreaker(PlanNode node, List<Relation> inputs, MemoryMeter meter) {
        if (node instanceof Limit limit) {
            Batch limited = LimitKernel.limit(single(inputs, node).materialize(), limit.count(), limit.keys());
            meter.add(limited.estimatedBytes());
            return Relation.of(limited);
        }
        if (node instanceof Aggregate aggregate) {
            Batch result = new AggregateExec(aggregate, null, single(inputs, node), options, parallel).run(meter, null);
            meter.add(result.estimatedBytes());
            return Relation.of(result);
        }
        if (node instanceof Join join) {
            if (inputs.size() != 2) {
                throw new InternalException("join " + node + " needs 2 inputs, got " + inputs.size());
            }
            return new JoinExec(join, inputs.get(0), inputs.get(1), options, parallel).run(meter);
        }
        if (node instanceof Sort sort) {
            Batch sorted = SortKernel.sort(single(inputs, node).materialize(), sort.keys());
            meter.add(sorted.estimatedBytes() + 8L * sorted.rowCount());
            return Relation.of(sorted);
        }
        if (node instanceof Repartition) {
            return single(inputs, node);
        }
        if (node instanceof Union) {
            if (inputs.size() != 2) {
                throw new InternalException("union " + node + " needs 2 inputs, got " + inputs.size());
            }
            Batch union = Batch.concat(node.schema(), List.of(inputs.get(0).materialize(), inputs.get(1).materialize()));
            meter.add(union.estimatedBytes());
            return Relation.of(union);
        }
        throw new InternalException("node " + node + " cannot run on given batches (scans read program inputs)");
    }

    private static Relation single(List<Relation> inputs, PlanNode node) {
        if (inputs.size() != 1) {
            throw new InternalException("node " + node + " needs 1 input, got " + inputs.size());
        }
        return inputs.get(0);
    }

    @Override
    public void close() {
        parallel.close();
    }
}
