/**
 * SPMD mode of the MPJ executor: a program that every rank runs (started by MPJ Express's own launcher,
 * {@code starter.jar ... -dev niodev}, or by {@link io.datajax.runtime.mpj.spmd.LocalSpmdJob} on this host)
 * joins the MPI world with {@link io.datajax.runtime.mpj.spmd.SpmdSession} and runs jitted functions on
 * each rank's local data through {@link io.datajax.runtime.mpj.exec.SpmdExecutor}, which checks that every
 * rank traced the same plan before any exchange. Uses the rank-side collectives of
 * {@code io.datajax.runtime.mpj.rank} and the niodev rendezvous of {@code io.datajax.runtime.mpj.launch}.
 * See {@code docs/cluster.md}.
 */
package io.datajax.runtime.mpj.spmd;
