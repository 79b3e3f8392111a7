/**
 * Batching of traced plans for {@code vmap}: {@link io.datajax.planner.batch.BatchRewriter} turns the plan a
 * function recorded for one batch item into one plan over all items, carrying the columns of a
 * {@link io.datajax.planner.batch.BatchAxis} through every node. Used by the API at trace time, before the
 * rewrite rules and the stage splitter see the plan.
 */
package io.datajax.planner.batch;
