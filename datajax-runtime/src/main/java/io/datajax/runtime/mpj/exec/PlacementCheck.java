package io.datajax.runtime.mpj.exec;

import static java.util.Objects.requireNonNull;

import io.datajax.ir.DataType;
import io.datajax.ir.Mesh;
import io.datajax.ir.Sharding;
import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.ExecutionException;
import io.datajax.runtime.column.Batch;
import io.datajax.runtime.mpj.RankContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Verifies, on the ranks and before the driver gathers anything, that a result lies where its sharding
 * says:
 * <ul>
 *   <li>{@code byKey(k)}: every row is on the rank {@link KeyPartitioner} names for its key among all ranks.</li>
 *   <li>{@code byKey(k)@a}: every row is on a rank whose position along {@code a} is the one its key hashes
 *       to among {@code size(a)} positions, and the ranks at one position (its replicas) hold the same rows
 *       (equal row counts and order-independent checksums).</li>
 *   <li>{@code replicated}: every rank holds the same rows (row count and checksum).</li>
 *   <li>{@code blocks}: row ranges, nothing to verify.</li>
 * </ul>
 * Each rank computes a {@link Digest} of its rows, the digests are all-gathered (one collective, so no rank
 * waits on another that has already failed), and every rank reaches the same verdict: a line for the
 * execution record, or an {@link ExecutionException} ({@code PLACEMENT_MISMATCH}) naming the stage, the rank
 * and a sample key.
 */
final class PlacementCheck {
    private PlacementCheck() {
    }

    /**
     * What one rank holds, for the check.
     *
     * @param rows its row count
     * @param checksum {@link KeyPartitioner#checksum} of its rows
     * @param misplacedTo for a {@code byKey} spec, where the first misplaced row belongs (a rank, or a position
     *     along the spec's axis), or -1 when every row is in place
     * @param sampleKey that row's key, e.g. {@code user_id=17}; empty when none
     */
    record Digest(long rows, long checksum, int misplacedTo, String sampleKey) {
        Digest {
            requireNonNull(sampleKey, "sampleKey is null");
        }

        /** The digest of {@code batch} held by {@code rank} of {@code mesh} for a result sharded {@code spec}. */
        static Digest of(Batch batch, Sharding spec, Mesh mesh, int rank) {
            int misplacedTo = -1;
            String sample = "";
            if (spec instanceof Sharding.ByKey byKey && batch.rowCount() > 0) {
                int groups = byKey.axis().map(a -> mesh.axis(a).size()).orElse(mesh.size());
                int expected = byKey.axis().map(a -> mesh.coordinate(rank, a)).orElse(rank);
                List<DataType> types = new ArrayList<>();
                for (String key : byKey.keys()) {
                    types.add(batch.schema().field(key).type());
                }
                int[] destinations = KeyPartitioner.destinations(batch, byKey.keys(), types, groups);
                for (int r = 0; r < destinations.length; r++) {
                    if (destinations[r] != expected) {
                        misplacedTo = destinations[r];
                        StringJoiner key = new StringJoiner(", ");
                        for (String name : byKey.keys()) {
                            key.add(name + "=" + batch.column(name).value(r));
                        }
                        sample = key.toString();
                        break;
                    }
                }
            }
            return new Digest(batch.rowCount(), KeyPartitioner.checksum(batch), misplacedTo, sample);
        }

        byte[] encode() {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeLong(rows);
                out.writeLong(checksum);
                out.writeInt(misplacedTo);
                out.writeUTF(sampleKey);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return bytes.toByteArray();
        }

        static Digest decode(byte[] bytes) {
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
                return new Digest(in.readLong(), in.readLong(), in.readInt(), in.readUTF());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Checks this rank's part of {@code step}'s output against every other rank's (a collective: every rank
     * calls it once).
     *
     * @return the verdict line, e.g. {@code placement verified: byKey(user_id) on 2 ranks}
     * @throws ExecutionException ({@code PLACEMENT_MISMATCH}) when a row or replica is out of place
     */
    static String verify(StageStep step, Batch rows, RankContext context, Mesh mesh) {
        Digest mine = Digest.of(rows, step.sharding(), mesh, context.rank());
        byte[][] all = context.allgather(mine.encode());
        List<Digest> digests = new ArrayList<>(all.length);
        for (byte[] bytes : all) {
            digests.add(Digest.decode(bytes));
        }
        return evaluate(step.label(), step.sharding(), mesh, digests);
    }

    /**
     * The verdict on the digests of every rank (indexed by rank) of {@code mesh} for a result of
     * {@code stage} sharded {@code spec}.
     */
    static String evaluate(String stage, Sharding spec, Mesh mesh, List<Digest> digests) {
        if (digests.size() != mesh.size()) {
            throw new IllegalArgumentException(digests.size() + " digests for mesh " + mesh);
        }
        long total = 0;
        for (Digest digest : digests) {
            total += digest.rows();
        }
        if (spec instanceof Sharding.ByKey byKey) {
            String where = byKey.axis().map(a -> "position along axis '" + a + "' of mesh " + mesh).orElse("rank");
            for (int rank = 0; rank < digests.size(); rank++) {
                Digest digest = digests.get(rank);
                if (digest.misplacedTo() >= 0) {
                    throw mismatch(stage, rank, "holds a row with key (" + digest.sampleKey() + "), which " + spec
                            + " places on " + where + " " + digest.misplacedTo());
                }
            }
            if (byKey.axis().isEmpty()) {
                return "placement verified: " + spec + " on " + mesh.size() + " ranks, " + total + " rows";
            }
            String axis = byKey.axis().get();
            int groups = mesh.axis(axis).size();
            for (int g = 0; g < groups; g++) {
                requireIdentical(stage, spec, mesh.ranksAt(axis, g), digests);
            }
            return "placement verified: " + spec + " on mesh " + mesh + ", " + groups + " groups of "
                    + mesh.size() / groups + " identical replicas, " + distinctRows(mesh, axis, digests) + " rows";
        }
        if (spec instanceof Sharding.Replicated) {
            List<Integer> ranks = new ArrayList<>();
            for (int r = 0; r < mesh.size(); r++) {
                ranks.add(r);
            }
            requireIdentical(stage, spec, ranks, digests);
            return "placement verified: replicated on " + mesh.size() + " ranks, " + digests.get(0).rows()
                    + " rows each";
        }
        return "placement: " + spec + " (row ranges; nothing to verify), " + total + " rows";
    }

    /** Rows summed over one replica of each group. */
    private static long distinctRows(Mesh mesh, String axis, List<Digest> digests) {
        long rows = 0;
        for (int r = 0; r < mesh.size(); r++) {
            if (mesh.replicaIndex(r, axis) == 0) {
                rows += digests.get(r).rows();
            }
        }
        return rows;
    }

    private static void requireIdentical(String stage, Sharding spec, List<Integer> ranks, List<Digest> digests) {
        Digest first = digests.get(ranks.get(0));
        for (int rank : ranks) {
            Digest digest = digests.get(rank);
            if (digest.rows() != first.rows() || digest.checksum() != first.checksum()) {
                throw mismatch(stage, rank, "holds " + digest.rows() + " rows (checksum " + Long.toHexString(digest.checksum())
                        + ") but rank " + ranks.get(0) + " holds " + first.rows() + " (checksum "
                        + Long.toHexString(first.checksum()) + "); " + spec + " needs ranks " + ranks + " to hold the same rows");
            }
        }
    }

    private static ExecutionException mismatch(String stage, int rank, String what) {
        return new ExecutionException(ErrorCode.PLACEMENT_MISMATCH, "Placement check failed for the result of "
                + stage + ": rank " + rank + " " + what + ". This is a bug in the planner or the executor; report it"
                + " with the output of explain().");
    }
}
