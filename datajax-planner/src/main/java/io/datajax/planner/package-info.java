/**
 * The planner: turns a traced plan into an executable {@link io.datajax.planner.stages.StagePlan}.
 * {@link io.datajax.planner.Planner} runs the rewrite rules of {@code io.datajax.planner.rules}, then
 * splits the result into stages ({@code io.datajax.planner.stages}). Depends on {@code datajax-ir} only.
 */
package io.datajax.planner;
