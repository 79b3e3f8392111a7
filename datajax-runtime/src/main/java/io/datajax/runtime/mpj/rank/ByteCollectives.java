package io.datajax.runtime.mpj.rank;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
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
     * Personalised all-to-all: lengths go first with {@code Alltoall}, then the arrays move as
     * point-to-point messages in {@code size - 1} steps of a fixed shift schedule: in step {@code s} this
     * rank sends to {@code rank + s} and receives from {@code rank - s} (mod {@code size}), in messages of
     * at most {@code roundBytes}, with one message in each direction outstanding at a time. Ranks move
     * through the steps at their own pace (there is no barrier between steps); empty arrays send nothing.
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
        for (long offset = 0; offset < length[0]; offset += roundBytes) {
            comm.Bcast(buffer, (int) offset, (int) Math.min(roundBytes, length[0] - offset), MPI.BYTE, root);
        }
        return buffer;
    }

    /** Returns once every rank has called it. */
    public void barrier() {
        comm.Barrier();
    }

    /**
     * Moves the arrays as {@link #alltoallv} describes. Why one message per direction at a time: niodev
     * sends each message above its protocol switch limit (128 KiB) by rendezvous. The receiver's selector
     * thread, its only reader of all sockets, answers the sender's request with an acknowledgement written
     * under the write lock of the socket back to that sender, and that lock is held for the whole blocking
     * write of any large message this rank is sending to the same peer. Posting all of a round's sends and
     * receives at once lets rank A's selector wait for the lock while A writes to B, B's while B writes to
     * C, and C's while C writes to A: no selector reads, no write ends, and every rank waits in
     * {@code Waitall} forever (seen with 4 ranks and 8-25 MB per pair; see docs/benchmarks.md).
     * Here, while a rank writes data to {@code rank + s}, that peer is in step {@code s} too (it has not
     * received the data yet) and sends only to {@code rank + 2s}, so no selector has to answer the peer
     * its rank is writing to, except when {@code 2s = size}: then the two ranks exchange one message each
     * way, and each writes only after the other's selector answered, so at most one of the two selectors
     * waits, and only until the other's, which keeps reading, has taken the data.
     */
    private void exchange(byte[][] send, int[] sendLengths, byte[][] received, int[] receiveLengths) {
        Request[] pending = new Request[2];
        for (int step = 1; step < size; step++) {
            int destination = (rank + step) % size;
            int source = (rank - step + size) % size;
            int sendLength = sendLengths[destination];
            int receiveLength = receiveLengths[source];
            for (long offset = 0; offset < Math.max(sendLength, receiveLength); offset += roundBytes) {
                int start = (int) offset;
                int receiveCount = (int) Math.min(roundBytes, receiveLength - offset);
                int sendCount = (int) Math.min(roundBytes, sendLength - offset);
                int count = 0;
                if (receiveCount > 0) {
                    pending[count++] = comm.Irecv(received[source], start, receiveCount, MPI.BYTE, source, TAG);
                }
                if (sendCount > 0) {
                    pending[count++] = comm.Isend(send[destination], start, sendCount, MPI.BYTE, destination, TAG);
                }
                Request.Waitall(Arrays.copyOf(pending, count));
            }
        }
    }
}
