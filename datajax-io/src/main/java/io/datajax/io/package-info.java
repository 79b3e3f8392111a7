/**
 * Sources and sinks: readers and writers of CSV, Arrow IPC and Parquet files, behind the
 * {@link io.datajax.io.FileSource} and {@link io.datajax.io.FileSink} interfaces that the executors use. A
 * source splits into {@link io.datajax.io.SourcePart}s (files, Parquet row groups, CSV byte ranges) that
 * ranks read independently into Arrow batches; a sink writes one file per part into a temporary directory
 * that {@link io.datajax.io.SinkCommit} renames into place. Depends on {@code datajax-ir} and Arrow only.
 */
package io.datajax.io;
