/**
 * Rewrite rules over the IR plan: one small {@link io.datajax.planner.rules.Rule} per rewrite, the
 * {@link io.datajax.planner.rules.RuleSet} registry that names the phases and lets each rule be switched
 * off, and the {@link io.datajax.planner.rules.RuleDriver} that walks the plan and applies them to a
 * fixpoint. Rules read and build {@code io.datajax.ir} nodes only; {@link io.datajax.planner.Planner}
 * runs them before {@code io.datajax.planner.stages} splits the result into stages.
 */
package io.datajax.planner.rules;
