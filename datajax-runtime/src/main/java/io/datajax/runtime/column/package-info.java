/**
 * Columnar data for the runtime: {@link io.datajax.runtime.column.Column} over primitive arrays with a
 * null mask, and {@link io.datajax.runtime.column.Batch}, a schema plus columns. Kernels in
 * {@code io.datajax.runtime.kernel} read and produce these; {@code io.datajax.runtime.tablesaw} converts
 * them to and from Tablesaw tables. Nothing here knows about plans or executors.
 */
package io.datajax.runtime.column;
