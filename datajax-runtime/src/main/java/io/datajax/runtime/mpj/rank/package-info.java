/**
 * The rank side of a {@link io.datajax.runtime.mpj.RankPool}: what runs inside each rank JVM under
 * {@link io.datajax.runtime.mpj.RankMain}. Connects to the driver over the control protocol of
 * {@code io.datajax.runtime.mpj.control}, initialises MPJ Express once, runs
 * {@link io.datajax.runtime.mpj.RankTask}s with byte-array collectives
 * ({@link io.datajax.runtime.mpj.rank.ByteCollectives}), and finalizes on stop. Internal.
 */
package io.datajax.runtime.mpj.rank;
