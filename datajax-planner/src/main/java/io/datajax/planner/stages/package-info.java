/**
 * The stage graph: input, transform, join, aggregate, sort and repartition stages with their schemas,
 * sharding and exchanges, split from an optimised plan by {@link io.datajax.planner.stages.StageSplitter}
 * and printed by {@link io.datajax.planner.stages.ExplainPrinter}. Executors run stage plans.
 */
package io.datajax.planner.stages;
