/**
 * The driver side of a {@link io.datajax.runtime.mpj.RankPool}: launching rank JVMs
 * ({@link io.datajax.runtime.mpj.launch.RankCommand}, {@link io.datajax.runtime.mpj.launch.RankProcess}),
 * admitting them on the authenticated control server ({@link io.datajax.runtime.mpj.launch.ControlServer}),
 * serving MPJ's niodev rendezvous ({@link io.datajax.runtime.mpj.launch.RendezvousServer}), and the
 * watchdog that turns rank events into fail-fast errors ({@link io.datajax.runtime.mpj.launch.RankWorld},
 * {@link io.datajax.runtime.mpj.launch.MpjErrors}). Internal; talks to the rank side
 * ({@code io.datajax.runtime.mpj.rank}) only through {@code io.datajax.runtime.mpj.control}.
 */
package io.datajax.runtime.mpj.launch;
