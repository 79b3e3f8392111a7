package io.datajax.runtime.mpj.exec;

import io.datajax.ir.Schema;
import io.datajax.runtime.column.Batch;
import io.datajax.runtime.mpj.RankContext;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/**
 * The data movements of one stage on one rank, as Arrow IPC bytes over the rank's collectives (which run
 * in rounds of at most {@code MpjSettings.roundBytes} per destination). A rank's own part never leaves
 * it. Every method is a collective: all ranks call it in the same order. Counts the bytes sent to other
 * ranks and the time spent in exchanges (encoding, the collectives, decoding and concatenating).
 */
final class Exchanger {
    private final RankContext context;
    private final BufferAllocator allocator;
    private long bytesSent;
    private long nanos;

    Exchanger(RankContext context, BufferAllocator allocator) {
        this.context = context;
        this.allocator = allocator;
    }

    /** Bytes this rank sent to other ranks so far. */
    long bytesSent() {
        return bytesSent;
    }

    /** Nanoseconds this rank spent in exchanges so far. */
    long nanos() {
        return nanos;
    }

    /**
     * Sends row {@code r} of {@code batch} to rank {@code destinations[r]}; returns the rows received, in
     * source-rank order (and input order within a source).
     */
    Batch shuffle(Batch batch, int[] destinations) {
        long start = System.nanoTime();
        try {
            return shuffleUntimed(batch, destinations);
        } finally {
            nanos += System.nanoTime() - start;
        }
    }

    private Batch shuffleUntimed(Batch batch, int[] destinations) {
        int size = context.size();
        int me = context.rank();
        Batch[] parts = Batches.split(batch, destinations, size);
        byte[][] out = new byte[size][];
        for (int d = 0; d < size; d++) {
            out[d] = d == me ? new byte[0] : ShardCodec.encode(parts[d], allocator);
            bytesSent += out[d].length;
        }
        byte[][] in = context.alltoallv(out);
        return collect(batch.schema(), in, parts[me]);
    }

    /**
     * Sends row {@code r} of {@code batch} to every rank whose group is {@code groups[r]}
     * ({@code groupOfRank[d]} is rank {@code d}'s group, e.g. its position along a mesh axis); returns the rows
     * received, in source-rank order.
     */
    Batch shuffleToGroups(Batch batch, int[] groups, int groupCount, int[] groupOfRank) {
        long start = System.nanoTime();
        try {
            return shuffleToGroupsUntimed(batch, groups, groupCount, groupOfRank);
        } finally {
            nanos += System.nanoTime() - start;
        }
    }

    private Batch shuffleToGroupsUntimed(Batch batch, int[] groups, int groupCount, int[] groupOfRank) {
        int size = context.size();
        int me = context.rank();
        Batch[] parts = Batches.split(batch, groups, groupCount);
        byte[][] encoded = new byte[groupCount][];
        byte[][] out = new byte[size][];
        for (int d = 0; d < size; d++) {
            int group = groupOfRank[d];
            if (d == me) {
                out[d] = new byte[0];
                continue;
            }
            if (encoded[group] == null) {
                encoded[group] = ShardCodec.encode(parts[group], allocator);
            }
            out[d] = encoded[group];
            bytesSent += out[d].length;
        }
        byte[][] in = context.alltoallv(out);
        return collect(batch.schema(), in, parts[groupOfRank[me]]);
    }

    /** Sends every row to rank 0; returns all rows in rank order there and no rows elsewhere. */
    Batch gatherToFirst(Batch batch) {
        long start = System.nanoTime();
        try {
            return gatherToFirstUntimed(batch);
        } finally {
            nanos += System.nanoTime() - start;
        }
    }

    private Batch gatherToFirstUntimed(Batch batch) {
        int size = context.size();
        int me = context.rank();
        byte[][] out = new byte[size][];
        for (int d = 0; d < size; d++) {
            out[d] = d == 0 && me != 0 ? ShardCodec.encode(batch, allocator) : new byte[0];
            bytesSent += out[d].length;
        }
        byte[][] in = context.alltoallv(out);
        return me == 0 ? collect(batch.schema(), in, batch) : Batches.empty(batch.schema());
    }

    /** Sends every row to every rank; returns all rows, in rank order, on every rank. */
    Batch allgather(Batch batch) {
        long start = System.nanoTime();
        try {
            byte[] mine = ShardCodec.encode(batch, allocator);
            bytesSent += (long) mine.length * (context.size() - 1);
            byte[][] in = context.allgather(mine);
            return collect(batch.schema(), in, batch);
        } finally {
            nanos += System.nanoTime() - start;
        }
    }

    private Batch collect(Schema schema, byte[][] received, Batch own) {
        List<Batch> parts = new ArrayList<>(received.length);
        for (int source = 0; source < received.length; source++) {
            parts.add(source == context.rank() ? own : ShardCodec.decode(received[source], schema, allocator));
        }
        return Batches.concat(schema, parts);
    }
}
