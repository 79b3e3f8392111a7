/**
 * Arrow IPC sources and sinks: {@link io.datajax.io.ipc.ArrowFileSource} and
 * {@link io.datajax.io.ipc.ArrowFileSink} for the random-access file format ({@code .arrow}, one part per
 * record batch), {@link io.datajax.io.ipc.ArrowStreamSource} and {@link io.datajax.io.ipc.ArrowStreamSink} for
 * the stream format ({@code .arrows}, one part per file). Implements the {@code io.datajax.io} SPI with Arrow
 * Java's IPC readers and writers; types follow {@link io.datajax.io.ArrowSchemas} exactly, so a round trip
 * keeps every value and null.
 */
package io.datajax.io.ipc;
