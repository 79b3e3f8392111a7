/**
 * Descriptions of external data: {@link io.datajax.ir.source.DataSource} (read by a
 * {@link io.datajax.ir.plan.SourceScan}) and {@link io.datajax.ir.source.DataSink} (where a result is
 * written). JDK only; the readers and writers are in {@code datajax-io}.
 */
package io.datajax.ir.source;
