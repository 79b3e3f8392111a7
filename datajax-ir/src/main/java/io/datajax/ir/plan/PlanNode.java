package io.datajax.ir.plan;

import io.datajax.ir.Schema;
import java.io.Serializable;
import java.util.List;

/**
 * A node of a logical plan. Immutable, compares structurally; a node refers to its inputs' sub-plans,
 * never to data. {@link #toString()} is the one-line canonical form; {@link PlanPrinter} prints trees.
 */
public sealed interface PlanNode extends Serializable
        permits Scan, SourceScan, Filter, Project, Join, Aggregate, Sort, Limit, Repartition, Union {

    /** The output schema, derived locally from the inputs' schemas and this node's arguments. */
    Schema schema();

    /** The inputs, in order (a join: left, right). */
    List<PlanNode> inputs();

    /** This node over other inputs (same count); arguments are re-checked against them. */
    PlanNode withInputs(List<PlanNode> inputs);

    <R> R accept(PlanVisitor<R> visitor);
}
