/**
 * Vectorised evaluation for the local executor's fused passes: expressions compiled once per pass into
 * {@link io.datajax.runtime.vector.VectorExpr} trees that evaluate a vector of selected rows (a selection
 * vector of row ids, at most {@link io.datajax.runtime.vector.Vec#capacity()} long) into reusable
 * {@link io.datajax.runtime.vector.Vec} buffers, and filters compiled into
 * {@link io.datajax.runtime.vector.Selector}s that narrow a selection vector without materialising a
 * column. Reads {@link io.datajax.runtime.column.Relation}s (columns possibly seen through row maps);
 * used by {@code io.datajax.runtime.local}. Compiled objects hold scratch buffers, so each thread compiles
 * its own.
 */
package io.datajax.runtime.vector;
