package io.datajax.runtime.mpj;

/**
 * Code that runs on every rank of a {@link RankPool} for one call (SPMD): each rank gets its own payload
 * and returns its own result bytes. Implementations need a public no-argument constructor; a new
 * instance is made on each rank for each call.
 *
 * <p>Any exception (or {@code System.exit}) ends the rank process and fails the whole call: collective
 * state is unknown after a failure, so the pool's ranks are all stopped.
 */
@FunctionalInterface
public interface RankTask {

    /**
     * Runs this rank's part of the call.
     *
     * @param context this rank's identity and collectives
     * @param payload the bytes the driver sent to this rank (never null, may be empty)
     * @return the bytes sent back to the driver (null is sent as empty)
     */
    byte[] run(RankContext context, byte[] payload) throws Exception;
}
