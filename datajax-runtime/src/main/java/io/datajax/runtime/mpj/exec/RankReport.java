package io.datajax.runtime.mpj.exec;

import static java.util.Objects.requireNonNull;

import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.ExecutionException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What one rank sends back for one call: what each stage did on it, and its part of the result as Arrow
 * IPC bytes (empty bytes for no rows).
 *
 * @param stages per stage, in stage order
 * @param result the rank's result shard
 * @param placement the verdict of the result's placement check ({@link PlacementCheck}); empty when the
 *     plan required no placement
 */
record RankReport(List<RankStageMetrics> stages, byte[] result, String placement) {
    private static final int MAGIC = 0x444A5233; // "DJR3"

    RankReport {
        stages = List.copyOf(stages);
        requireNonNull(result, "result is null");
        requireNonNull(placement, "placement is null");
    }

    /**
     * What one stage did on one rank.
     *
     * @param rowsIn rows of the stage's inputs on this rank, before any exchange
     * @param rowsOut rows of the stage's output on this rank
     * @param nanos time on this rank, exchanges included
     * @param bytesSent Arrow IPC bytes this rank sent to other ranks for the stage
     * @param peakBytes estimated working and output bytes on this rank
     * @param notes what the rank decided at run time (the same on every rank), e.g. a join's strategy; or empty
     * @param exchangeNanos time on this rank spent in the stage's exchanges (part of {@code nanos})
     */
    record RankStageMetrics(long rowsIn, long rowsOut, long nanos, long bytesSent, long peakBytes, String notes,
            long exchangeNanos) {
        RankStageMetrics {
            requireNonNull(notes, "notes is null");
        }
    }

    byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 + 40 * stages.size() + result.length);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(stages.size());
            for (RankStageMetrics m : stages) {
                out.writeLong(m.rowsIn());
                out.writeLong(m.rowsOut());
                out.writeLong(m.nanos());
                out.writeLong(m.bytesSent());
                out.writeLong(m.peakBytes());
                out.writeUTF(m.notes());
                out.writeLong(m.exchangeNanos());
            }
            out.writeInt(result.length);
            out.write(result);
            out.writeUTF(placement);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static RankReport decode(int rank, byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readInt() != MAGIC) {
                throw new IOException("bad magic number");
            }
            int count = in.readInt();
            List<RankStageMetrics> stages = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                stages.add(new RankStageMetrics(in.readLong(), in.readLong(), in.readLong(), in.readLong(), in.readLong(),
                        in.readUTF(), in.readLong()));
            }
            byte[] result = new byte[in.readInt()];
            in.readFully(result);
            return new RankReport(stages, result, in.readUTF());
        } catch (IOException e) {
            throw new ExecutionException(ErrorCode.INTERNAL, "The report of rank " + rank + " could not be decoded: " + e
                    + ". This is a bug (driver and ranks run the same code).", e);
        }
    }
}
