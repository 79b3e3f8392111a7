/**
 * Vectorised kernels over {@link io.datajax.runtime.column.Column}s: expression evaluation, filter,
 * project, hash aggregation, hash join, sort and limit, plus the boxing-free open-addressing hash tables
 * they share. Each kernel implements the normative semantics of PRODUCT.md (SQL nulls, NaN ordering,
 * overflow errors) once, over widened primitive arrays, independent of any executor; the local executor
 * in {@code io.datajax.runtime.local} runs them, a distributed executor can run them per shard.
 */
package io.datajax.runtime.kernel;
