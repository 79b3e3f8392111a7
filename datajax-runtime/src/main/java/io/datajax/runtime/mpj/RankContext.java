package io.datajax.runtime.mpj;

import mpi.Intracomm;

/**
 * What a {@link RankTask} sees of its rank: its place in the world and byte-oriented collectives over
 * MPJ Express. Every collective must be called by all ranks in the same order (MPI semantics); a rank
 * that skips one makes the others wait until the call times out. Exchanges larger than
 * {@link MpjSettings#roundBytes()} per destination run in several rounds.
 */
public interface RankContext {

    /** This rank's index, {@code 0 <= rank() < size()}. */
    int rank();

    /** The number of ranks in the pool. */
    int size();

    /** The stage name the driver gave the call, for logs and errors. */
    String stage();

    /**
     * Sends {@code perDestination[d]} to rank {@code d} and returns what each rank sent here, indexed by
     * source rank. Arrays are not modified; the entry for this rank is copied.
     *
     * @param perDestination one array per rank ({@code size()} entries, none null)
     */
    byte[][] alltoallv(byte[][] perDestination);

    /** Sends {@code mine} to every rank and returns every rank's array, indexed by rank. */
    byte[][] allgather(byte[] mine);

    /**
     * Returns the root's {@code data} on every rank.
     *
     * @param data the bytes to send on the root; ignored (may be null) on other ranks
     * @param root the rank whose bytes are broadcast
     */
    byte[] bcast(byte[] data, int root);

    /** Returns once every rank has called it. */
    void barrier();

    /**
     * MPJ Express's {@code COMM_WORLD}, for collectives the facade does not offer. The facade's own
     * methods use a separate communicator, so their messages never mix with the task's.
     */
    Intracomm world();
}
