/**
 * Reading {@link io.datajax.ir.plan.SourceScan}s: turns a scan into a {@code datajax-io} read request, reads
 * its parts into a {@link io.datajax.runtime.column.Batch}, and describes what was read (parts, skipped row
 * groups, bytes, rejected rows) for the execution record. Used by the local executor and by MPJ ranks.
 */
package io.datajax.runtime.source;
