/**
 * Arrow hand-off: in-memory Arrow data as sources ({@link io.datajax.io.arrow.ArrowSources}), results
 * collected as Arrow batches ({@link io.datajax.io.arrow.ArrowCollector}), and both through the Arrow C Data
 * Interface ({@link io.datajax.io.arrow.ArrowCData}) for native consumers such as DuckDB.
 */
package io.datajax.io.arrow;
