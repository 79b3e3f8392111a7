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
 */
record RankPayload(byte[] plan, Map<Integer, byte[]> shards, byte[] sink, String sinkDirectory) {
    private static final int MAGIC = 0x444A5332; // "DJS2"

    RankPayload {
        requireNonNull(plan, "plan is null");
        shards = Map.copyOf(shards);
        requireNonNull(sink, "sink is null");
        requireNonNull(sinkDirectory, "sinkDirectory is null");
    }

    RankPayload(byte[] plan, Map<Integer, byte[]> shards) {
        this(plan, shards, new byte[0], "");
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
        long size = 22L + plan.length + sink.length + 3L * sinkDirectory.length();
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
            return new RankPayload(plan, shards, sink, in.readUTF());
        } catch (IOException e) {
            throw new ExecutionException(ErrorCode.INVALID_PLAN, "A rank could not decode its call payload: " + e
                    + ". This is a bug (driver and ranks run the same code).", e);
        }
    }
}
