/**
 * Logical plan nodes: immutable records under the sealed {@link io.datajax.ir.plan.PlanNode}, forming a
 * DAG rooted at a program's result. Each node states its own output schema. Also the canonical
 * {@link io.datajax.ir.plan.PlanPrinter}, the {@link io.datajax.ir.plan.PlanVerifier} and the
 * {@link io.datajax.ir.plan.PlanCodec} that ships plans between processes.
 */
package io.datajax.ir.plan;
