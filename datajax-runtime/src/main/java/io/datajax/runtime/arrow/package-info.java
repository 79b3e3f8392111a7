/**
 * Conversion between the runtime's heap {@link io.datajax.runtime.column.Batch}es and Apache Arrow: vectors
 * ({@link io.datajax.runtime.arrow.ArrowBatches}) and IPC stream bytes ({@link io.datajax.runtime.arrow.ArrowIpc})
 * that the MPJ executor ({@code io.datajax.runtime.mpj}) ships between ranks.
 *
 * <p>Conversions are exact for every DataJax type: nulls, NaN, {@code Long.MIN_VALUE}, {@code ""} and non-ASCII
 * text survive a round trip, as do zero-row and zero-column batches. Every method takes the caller's
 * {@link org.apache.arrow.memory.BufferAllocator} and never creates a root allocator; the Javadoc of each says who
 * closes what it returns. Bulk copies between Java arrays and Arrow buffers need
 * {@code --add-opens=java.base/java.nio=ALL-UNNAMED} for speed (without it they fall back to a per-element loop);
 * Arrow's IPC writer needs that flag in any case (docs/MPJ.md).
 *
 * <p>Neighbours: {@code runtime.column} (the batch model, read-only here), {@code runtime.mpj} (the user).
 */
package io.datajax.runtime.arrow;
