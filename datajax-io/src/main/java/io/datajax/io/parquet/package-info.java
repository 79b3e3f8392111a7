/**
 * Parquet source and sink: {@link io.datajax.io.parquet.ParquetSource} (one part per row group, row groups
 * skipped by their column statistics, projection reads only the requested column chunks) and
 * {@link io.datajax.io.parquet.ParquetSink}. Pages are decoded into and encoded from Arrow vectors here; only
 * the Thrift metadata classes of {@code parquet-format-structures} and aircompressor's pure-Java codecs are used
 * (docs/io.md, "Parquet library"). Types follow {@link io.datajax.io.ArrowSchemas} and the mapping of
 * {@code ParquetTypes}.
 */
package io.datajax.io.parquet;
