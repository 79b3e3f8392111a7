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
import java.util.Map;
import java.util.TreeMap;

/**
 * What the driver sends one rank for one call: the encoded {@link DistributedPlan} and, per INPUT stage,
 * the rank's shard as Arrow IPC bytes (empty bytes for a shard of no rows).
 *
 * @param plan {@link DistributedPlan#encode()} bytes
 * @param shards per INPUT stage id, the shard's IPC bytes
 * @param sink the sink the rank writes its result part to, as {@code PlanCodec.encodeValue} bytes; empty when
 *     the result goes back to the driver
 * @param sinkDirectory the temporary directory the rank writes its part into (empty without a sink)
 * @param kept per INPUT stage id read from a kept result, that result's id (the rank uses its part in place)
 * @param keepAs when not 0, the id under which the rank keeps its part of the result instead of sending it
 * @param release ids of kept results to free before the call
 */
record RankPayload(byte[] plan, Map<Integer, byte[]> shards, byte[] sink, String sinkDirectory, Map<Integer, Long> kept,
        long keepAs, long[] release) {
    private static final int MAGIC = 0x444A5333; // "DJS3"

    RankPayload {
        requireNonNull(plan, "plan is null");
        shards = Map.copyOf(shards);
        requireNonNull(sink, "sink is null");
        requireNonNull(sinkDirectory, "sinkDirectory is null");
        kept = Map.copyOf(kept);
        release = release.clone();
    }

    RankPayload(byte[] plan, Map<Integer, byte[]> shards) {
        this(plan, shards, new byte[0], "", Map.of(), 0, new long[0]);
    }

    RankPayload(byte[] plan, Map<Integer, byte[]> shards, byte[] sink, String sinkDirectory) {
        this(plan, shards, sink, sinkDirectory, Map.of(), 0, new long[0]);
    }

    /** This payload reading kept results, keeping its result as {@code id} (0: not), freeing {@code ids} first. */
    RankPayload withKept(Map<Integer, Long> keptInputs, long id, long[] ids) {
        return new RankPayload(plan, shards, sink, sinkDirectory, keptInputs, id, ids);
    }

    /** A payload whose rank writes its result part as {@code target} says. */
    static RankPayload writing(byte[] plan, Map<Integer, byte[]> shards, java.util.Optional<SinkTarget> target) {
        return target.map(t -> new RankPayload(plan, shards, io.datajax.ir.plan.PlanCodec.encodeValue(t.sink()),
                t.directory())).orElseGet(() -> new RankPayload(plan, shards));
    }

    /** The sink target, if the result is written on the ranks. */
    java.util.Optional<SinkTarget> sinkTarget() {
        return sink.length == 0 ? java.util.Optional.empty()
                : java.util.Optional.of(new SinkTarget(io.datajax.ir.plan.PlanCodec.decodeValue(sink,
                        io.datajax.ir.source.DataSink.class), sinkDirectory));
    }

    byte[] encode() {
        long size = 34L + plan.length + sink.length + 3L * sinkDirectory.length() + 12L * kept.size()
                + 8L * release.length;
        for (byte[] shard : shards.values()) {
            size += 8 + shard.length;
        }
        if (size > Integer.MAX_VALUE - 16) {
            throw new ExecutionException(ErrorCode.RESOURCE_EXHAUSTED, "One rank's input shards take " + size
                    + " bytes, more than a Java array holds (2 GiB); use more ranks (MpjSettings.ranks).");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream((int) size);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(plan.length);
            out.write(plan);
            out.writeInt(shards.size());
            for (Map.Entry<Integer, byte[]> shard : new TreeMap<>(shards).entrySet()) {
                out.writeInt(shard.getKey());
                out.writeInt(shard.getValue().length);
                out.write(shard.getValue());
            }
            out.writeInt(sink.length);
            out.write(sink);
            out.writeUTF(sinkDirectory);
            out.writeInt(kept.size());
            for (Map.Entry<Integer, Long> entry : new TreeMap<>(kept).entrySet()) {
                out.writeInt(entry.getKey());
                out.writeLong(entry.getValue());
            }
            out.writeLong(keepAs);
            out.writeInt(release.length);
            for (long id : release) {
                out.writeLong(id);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static RankPayload decode(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readInt() != MAGIC) {
                throw new IOException("bad magic number");
            }
            byte[] plan = new byte[in.readInt()];
            in.readFully(plan);
            int count = in.readInt();
            Map<Integer, byte[]> shards = new TreeMap<>();
            for (int i = 0; i < count; i++) {
                int stage = in.readInt();
                byte[] shard = new byte[in.readInt()];
                in.readFully(shard);
                shards.put(stage, shard);
            }
            byte[] sink = new byte[in.readInt()];
            in.readFully(sink);
            String directory = in.readUTF();
            int keptCount = in.readInt();
            Map<Integer, Long> kept = new TreeMap<>();
            for (int i = 0; i < keptCount; i++) {
                kept.put(in.readInt(), in.readLong());
            }
            long keepAs = in.readLong();
            long[] release = new long[in.readInt()];
            for (int i = 0; i < release.length; i++) {
                release[i] = in.readLong();
            }
            return new RankPayload(plan, shards, sink, directory, kept, keepAs, release);
        } catch (IOException e) {
            throw new ExecutionException(ErrorCode.INVALID_PLAN, "A rank could not decode its call payload: " + e
                    + ". This is a bug (driver and ranks run the same code).", e);
        }
    }
}
