package io.datajax.runtime.local;

import io.datajax.ir.error.InternalException;
import io.datajax.ir.plan.Aggregate;
import io.datajax.ir.plan.Filter;
import io.datajax.ir.plan.Join;
import io.datajax.ir.plan.Limit;
import io.datajax.ir.plan.PlanNode;
import io.datajax.ir.plan.PlanVisitor;
import io.datajax.ir.plan.Project;
import io.datajax.ir.plan.Repartition;
import io.datajax.ir.plan.Scan;
import io.datajax.ir.plan.Sort;
import io.datajax.ir.plan.Union;
import io.datajax.ir.plan.SourceScan;
import io.datajax.runtime.column.Batch;
import io.datajax.runtime.kernel.FilterKernel;
import io.datajax.runtime.kernel.HashAggregateKernel;
import io.datajax.runtime.kernel.HashJoinKernel;
import io.datajax.runtime.kernel.LimitKernel;
import io.datajax.runtime.kernel.MemoryMeter;
import io.datajax.runtime.kernel.ProjectKernel;
import io.datajax.runtime.kernel.SortKernel;
import io.datajax.runtime.source.SourceReads;
import java.util.List;

/**
 * Runs one plan node on given input batches with the matching kernel, using only the node's arguments
 * (never its input sub-plans, whose data the stage graph supplies).
 */
final class NodeRunner {
    private final InputTables tables;
    private final MemoryMeter meter;
    private long rowsScanned;

    NodeRunner(InputTables tables, MemoryMeter meter) {
        this.tables = tables;
        this.meter = meter;
    }

    /** The rows read by scans so far. */
    long rowsScanned() {
        return rowsScanned;
    }

    /** The output of {@code node} over {@code inputs} (one per node input, in order). */
    Batch run(PlanNode node, List<Batch> inputs) {
        if (inputs.size() != node.inputs().size()) {
            throw new InternalException("node " + node + " needs " + node.inputs().size() + " input(s), the stage"
                    + " gives " + inputs.size());
        }
        Batch out = node.accept(new Visitor(inputs));
        if (!out.schema().names().equals(node.schema().names())) {
            throw new InternalException("node " + node + " produced " + out.schema() + ", planned " + node.schema());
        }
        return out;
    }

    private final class Visitor implements PlanVisitor<Batch> {
        private final List<Batch> inputs;

        Visitor(List<Batch> inputs) {
            this.inputs = inputs;
        }

        @Override
        public Batch visitScan(Scan node) {
            Batch batch = tables.read(node);
            rowsScanned += batch.rowCount();
            return batch;
        }

        @Override
        public Batch visitSourceScan(SourceScan node) {
            Batch batch = SourceReads.readAll(node).batch();
            rowsScanned += batch.rowCount();
            return batch;
        }

        @Override
        public Batch visitFilter(Filter node) {
            return FilterKernel.filter(node.predicate(), inputs.get(0));
        }

        @Override
        public Batch visitProject(Project node) {
            return ProjectKernel.project(node.exprs(), inputs.get(0));
        }

        @Override
        public Batch visitJoin(Join node) {
            return HashJoinKernel.join(node, inputs.get(0), inputs.get(1), meter);
        }

        @Override
        public Batch visitAggregate(Aggregate node) {
            return HashAggregateKernel.aggregate(node.keys(), node.aggregates(), inputs.get(0), meter);
        }

        @Override
        public Batch visitSort(Sort node) {
            return SortKernel.sort(inputs.get(0), node.keys());
        }

        @Override
        public Batch visitUnion(Union node) {
            return Batch.concat(node.schema(), List.of(inputs.get(0), inputs.get(1)));
        }

        @Override
        public Batch visitLimit(Limit node) {
            return LimitKernel.limit(inputs.get(0), node.count(), node.keys());
        }

        @Override
        public Batch visitRepartition(Repartition node) {
            return inputs.get(0);
        }
    }
}
