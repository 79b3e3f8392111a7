/**
 * The control protocol between a {@link io.datajax.runtime.mpj.RankPool} driver and its rank JVMs: the
 * messages ({@link io.datajax.runtime.mpj.control.ControlMessage}) and their framing
 * ({@link io.datajax.runtime.mpj.control.ControlCodec}). Shared by the driver side
 * ({@code io.datajax.runtime.mpj.launch}) and the rank side ({@code io.datajax.runtime.mpj.rank}); knows
 * nothing of MPJ Express. Internal.
 */
package io.datajax.runtime.mpj.control;
