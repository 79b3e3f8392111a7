/**
 * The in-process executor ({@code "local"}): runs a {@link io.datajax.planner.stages.StagePlan} stage by
 * stage over {@link io.datajax.runtime.column.Batch}es with the kernels of
 * {@code io.datajax.runtime.kernel}, Tablesaw tables in and out through
 * {@code io.datajax.runtime.tablesaw}. Found by the API through {@link java.util.ServiceLoader} via
 * {@link io.datajax.runtime.local.LocalExecutorProvider}.
 */
package io.datajax.runtime.local;
