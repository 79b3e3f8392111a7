package io.datajax.runtime.mpj.rank;

import static java.util.Objects.requireNonNull;

import java.net.InetSocketAddress;
import java.util.List;

/**
 * The command-line arguments of a rank JVM: the three MPJ Express consumes in {@code MPI.Init} (rank,
 * configuration string, device), then the driver's control address and the pool id.
 *
 * @param mpiArguments {@code <rank> <conf> <device>} for {@code MPI.Init}
 */
public record RankArguments(int rank, List<String> mpiArguments, InetSocketAddress control, String poolId) {

    public RankArguments {
        mpiArguments = List.copyOf(requireNonNull(mpiArguments, "mpiArguments is null"));
        requireNonNull(control, "control is null");
        requireNonNull(poolId, "poolId is null");
    }

    /**
     * Parses {@code <rank> <conf> <device> <control host:port> <pool id>}.
     *
     * @throws IllegalArgumentException naming the expected form
     */
    public static RankArguments parse(String[] args) {
        if (args.length != 5) {
            throw new IllegalArgumentException("expected <rank> <conf> <device> <control host:port> <pool id>, got "
                    + args.length + " arguments");
        }
        int rank = Integer.parseInt(args[0]);
        int colon = args[3].lastIndexOf(':');
        if (colon < 1) {
            throw new IllegalArgumentException("control address must be host:port, got '" + args[3] + "'");
        }
        InetSocketAddress control = new InetSocketAddress(args[3].substring(0, colon),
                Integer.parseInt(args[3].substring(colon + 1)));
        return new RankArguments(rank, List.of(args[0], args[1], args[2]), control, args[4]);
    }
}
