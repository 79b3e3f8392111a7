/**
 * The MPJ Express process layer of the distributed executor, driver mode: a warm
 * {@link io.datajax.runtime.mpj.RankPool} of rank JVMs on this host that runs
 * {@link io.datajax.runtime.mpj.RankTask}s SPMD-style with byte-array collectives
 * ({@link io.datajax.runtime.mpj.RankContext}), fails fast on any rank failure, and leaves no process
 * behind. Configured by {@link io.datajax.runtime.mpj.MpjSettings}; rank JVMs run
 * {@link io.datajax.runtime.mpj.RankMain}. The launch machinery is in {@code .launch} (driver side),
 * {@code .rank} (rank side) and {@code .control} (their protocol); the executor built on this layer
 * (Arrow shards, stages) comes on top. See {@code docs/mpj-process-layer.md}.
 */
package io.datajax.runtime.mpj;
