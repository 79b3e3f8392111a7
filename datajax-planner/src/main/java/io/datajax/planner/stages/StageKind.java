package io.datajax.planner.stages;

/** What a stage does; each kind is one pipeline-breaking step of execution. */
public enum StageKind {
    /** Reads one program input ({@link io.datajax.ir.plan.Scan}). */
    INPUT,
    /** A chain of {@code Filter}, {@code Project} and {@code Limit} over one input, run as one pass. */
    TRANSFORM,
    /** One {@code Join} of two inputs. */
    JOIN,
    /** One {@code Aggregate}. */
    AGGREGATE,
    /** One {@code Sort}. */
    SORT,
    /** One {@code Repartition}. */
    REPARTITION,
    /** One {@code Union} of two inputs. */
    UNION;
}
