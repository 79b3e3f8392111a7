/**
 * The CSV format: {@link io.datajax.io.csv.CsvSource} reads a file or a directory of files in byte ranges
 * straight into Arrow vectors with a byte-level parser, {@link io.datajax.io.csv.CsvSink} writes part files
 * that {@link io.datajax.io.SinkCommit} commits, and {@link io.datajax.io.csv.CsvOptions} says how both
 * parse and print values. Implements the SPI of {@code io.datajax.io}; the executors of
 * {@code datajax-runtime} read through that SPI only. The rest of the package (splitter, decoders, encoders,
 * number and date parsers) is internal.
 */
package io.datajax.io.csv;
