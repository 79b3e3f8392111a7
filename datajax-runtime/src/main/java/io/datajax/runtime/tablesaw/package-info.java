/**
 * Conversion between Tablesaw tables (the local executor's input and output container) and runtime
 * {@link io.datajax.runtime.column.Batch}es. Depends on {@code io.datajax.runtime.column}; used by
 * {@code io.datajax.runtime.local}. Tablesaw's own operators are never used on the hot path.
 */
package io.datajax.runtime.tablesaw;
