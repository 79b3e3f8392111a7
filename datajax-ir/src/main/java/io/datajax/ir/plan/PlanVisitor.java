package io.datajax.ir.plan;

/** A visitor with one method per plan node and no defaults: a new node breaks every executor until handled. */
public interface PlanVisitor<R> {
    R visitScan(Scan node);

    R visitSourceScan(SourceScan node);

    R visitFilter(Filter node);

    R visitProject(Project node);

    R visitJoin(Join node);

    R visitAggregate(Aggregate node);

    R visitSort(Sort node);

    R visitLimit(Limit node);

    R visitRepartition(Repartition node);

    R visitUnion(Union node);
}
