package io.datajax.runtime.mpj.rank;

import static java.util.Objects.requireNonNull;

import io.datajax.runtime.mpj.RankContext;
import mpi.Intracomm;

/** The {@link RankContext} of one call on one rank: identity, stage name, and the rank's collectives. */
public final class MpjRankContext implements RankContext {
    private final int rank;
    private final int size;
    private final String stage;
    private final ByteCollectives collectives;
    private final Intracomm world;

    public MpjRankContext(int rank, int size, String stage, ByteCollectives collectives, Intracomm world) {
        this.rank = rank;
        this.size = size;
        this.stage = requireNonNull(stage, "stage is null");
        this.collectives = requireNonNull(collectives, "collectives is null");
        this.world = requireNonNull(world, "world is null");
    }

    @Override
    public int rank() {
        return rank;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public String stage() {
        return stage;
    }

    @Override
    public byte[][] alltoallv(byte[][] perDestination) {
        return collectives.alltoallv(perDestination);
    }

    @Override
    public byte[][] allgather(byte[] mine) {
        return collectives.allgather(mine);
    }

    @Override
    public byte[] bcast(byte[] data, int root) {
        return collectives.bcast(data, root);
    }

    @Override
    public void barrier() {
        collectives.barrier();
    }

    @Override
    public Intracomm world() {
        return world;
    }
}
