package io.datajax.runtime.mpj.rank;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import mpi.Intracomm;
import mpi.MPI;
import mpi.Request;

/**
 * Byte-array collectives over one MPJ Express communicator, in rounds of at most {@code roundBytes} per
 * destination, so no single MPJ message (and pooled direct buffer) grows past MPJ's limits. Not thread
 * safe; every rank must call the same methods in the same order.
 */
public final class ByteCollectives {
    private static final int TAG = 7;

    private final Intracomm comm;
    private final int rank;
    private final int size;
    private final int roundBytes;

    public ByteCollectives(Intracomm comm, int roundBytes) {
        this.comm = requireNonNull(comm, "comm is null");
        this.rank = comm.Rank();
        this.size = comm.Size();
        if (roundBytes < 1) {
            throw new IllegalArgumentException("roundBytes must be positive, got " + roundBytes);
        }
        this.roundBytes = roundBytes;
    }

    /**
     * Personalised all-to-all: lengths go first with {@code Alltoall}, then each pair of ranks exchanges
     * its arrays as point-to-point messages, round {@code k} carrying bytes {@code [k*roundBytes,
     * (k+1)*roundBytes)}. Rounds are per pair, so ranks with less to move finish early; all of a round's
     * receives are posted before its sends, so no rank waits on a send that nobody receives.
     */
    public byte[][] alltoallv(byte[][] perDestination) {
        requireNonNull(perDestination, "perDestination is null");
        if (perDestination.length != size) {
            throw new IllegalArgumentException("alltoallv needs one array per rank: " + size + " expected, got "
                    + perDestination.length);
        }
        int[] sendLengths = new int[size];
        for (int destination = 0; destination < size; destination++) {
            sendLengths[destination] = requireNonNull(perDestination[destination],
                    "perDestination[" + destination + "] is null").length;
        }
        int[] receiveLengths = new int[size];
        comm.Alltoall(sendLengths, 0, 1, MPI.INT, receiveLengths, 0, 1, MPI.INT);
        byte[][] received = new byte[size][];
        for (int source = 0; source < size; source++) {
            received[source] = source == rank ? perDestination[rank].clone() : new byte[receiveLengths[source]];
        }
        exchange(perDestination, sendLengths, received, receiveLengths);
        return received;
    }

    /** Every rank's array, indexed by rank; built on {@link #alltoallv}. */
    public byte[][] allgather(byte[] mine) {
        requireNonNull(mine, "mine is null");
        byte[][] perDestination = new byte[size][];
        Arrays.fill(perDestination, mine);
        return alltoallv(perDestination);
    }

    /** The root's array on every rank (the root gets its own array back), in rounds. */
    public byte[] bcast(byte[] data, int root) {
        if (root < 0 || root >= size) {
            throw new IllegalArgumentException("root must be in [0, " + size + "), got " + root);
        }
        int[] length = {rank == root ? requireNonNull(data, "data is null on the root").length : 0};
        comm.Bcast(length, 0, 1, MPI.INT, root);
        byte[] buffer = rank == root ? data : new byte[length[0]];
        for (int offset = 0; offset < length[0]; offset += roundBytes) {
            comm.Bcast(buffer, offset, Math.min(roundBytes, length[0] - offset), MPI.BYTE, root);
        }
        return buffer;
    }

    /** Returns once every rank has called it. */
    public void barrier() {
        comm.Barrier();
    }

    private void exchange(byte[][] send, int[] sendLengths, byte[][] received, int[] receiveLengths) {
        int mostBytes = 0;
        for (int peer = 0; peer < size; peer++) {
            if (peer != rank) {
                mostBytes = Math.max(mostBytes, Math.max(sendLengths[peer], receiveLengths[peer]));
            }
        }
        List<Request> pending = new ArrayList<>(2 * size);
        for (long offset = 0; offset < mostBytes; offset += roundBytes) {
            int start = (int) offset;
            pending.clear();
            for (int peer = 0; peer < size; peer++) {
                int count = Math.min(roundBytes, receiveLengths[peer] - start);
                if (peer != rank && count > 0) {
                    pending.add(comm.Irecv(received[peer], start, count, MPI.BYTE, peer, TAG));
                }
            }
            for (int step = 1; step < size; step++) {
                int peer = (rank + step) % size;
                int count = Math.min(roundBytes, sendLengths[peer] - start);
                if (count > 0) {
                    pending.add(comm.Isend(send[peer], start, count, MPI.BYTE, peer, TAG));
                }
            }
            if (!pending.isEmpty()) {
                Request.Waitall(pending.toArray(new Request[0]));
            }
        }
    }
}
