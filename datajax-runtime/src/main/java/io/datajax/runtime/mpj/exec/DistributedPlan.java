package io.datajax.runtime.mpj.exec;

import static java.util.Objects.requireNonNull;

import io.datajax.ir.Mesh;
import io.datajax.ir.Sharding;
import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.ExecutionException;
import io.datajax.ir.plan.Limit;
import io.datajax.ir.plan.PlanCodec;
import io.datajax.ir.plan.PlanNode;
import io.datajax.planner.stages.Exchange;
import io.datajax.planner.stages.Stage;
import io.datajax.planner.stages.StageKind;
import io.datajax.planner.stages.StagePlan;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The message that tells every rank what to run: the stages of a {@link StagePlan} in order, each with its
 * nodes (as {@link PlanCodec} bytes of the stage's last node; earlier nodes of a chain are its inputs),
 * output sharding, exchanges per input and whether its output is needed in global order; plus the mesh
 * the ranks form and whether the result's placement was required ({@code pjit}'s out sharding, verified
 * after the run). Decoding re-validates every node (PlanCodec's constructor checks). Immutable.
 *
 * @param stages the steps in order
 * @param mesh the mesh of the ranks (row-major coordinates)
 * @param placed whether the result keeps the placement its sharding names (and is verified)
 * @param broadcastRows the broadcast-join threshold (right-side rows, counted at run time; 0: never)
 */
record DistributedPlan(List<StageStep> stages, Mesh mesh, boolean placed, long broadcastRows) {
    private static final int MAGIC = 0x444A5033; // "DJP3"

    DistributedPlan {
        requireNonNull(mesh, "mesh is null");
        stages = List.copyOf(requireNonNull(stages, "stages is null"));
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("a distributed plan needs at least one stage");
        }
        if (broadcastRows < 0) {
            throw new IllegalArgumentException("broadcastRows must be at least 0, got " + broadcastRows);
        }
    }

    /**
     * The distributed form of {@code plan}. A stage's output is {@code ordered} when it is the result
     * (unless its placement was required) or feeds a limit, or feeds an ordered TRANSFORM (filters and
     * projections keep order).
     */
    static DistributedPlan of(StagePlan plan) {
        return of(plan, 0);
    }

    /** {@link #of(StagePlan)} with a broadcast-join threshold (see {@code MpjSettings#broadcastRows}). */
    static DistributedPlan of(StagePlan plan, long broadcastRows) {
        return of(plan, broadcastRows, false);
    }

    /**
     * {@link #of(StagePlan, long)}; a {@code kept} result is not ordered (it stays on the ranks, placed as the
     * plan's result sharding says).
     */
    static DistributedPlan of(StagePlan plan, long broadcastRows, boolean kept) {
        List<Stage> stages = plan.stages();
        boolean placed = plan.outSharding().isPresent();
        boolean[] ordered = new boolean[stages.size()];
        ordered[stages.size() - 1] = !placed && !kept;
        for (int s = stages.size() - 1; s >= 0; s--) {
            Stage stage = stages.get(s);
            if (stage.kind() == StageKind.TRANSFORM && (ordered[s] || hasLimit(stage))) {
                ordered[stage.inputs().get(0)] = true;
            }
        }
        List<StageStep> steps = new ArrayList<>();
        for (Stage stage : stages) {
            steps.add(StageStep.of(stage, ordered[stage.id()]));
        }
        return new DistributedPlan(steps, plan.mesh(), placed, broadcastRows);
    }

    private static boolean hasLimit(Stage stage) {
        return stage.nodes().stream().anyMatch(Limit.class::isInstance);
    }

    /** The step with id {@code id}. */
    StageStep stage(int id) {
        return stages.get(id);
    }

    /** The step producing the result. */
    StageStep result() {
        return stages.get(stages.size() - 1);
    }

    /** "0 INPUT, 1 TRANSFORM, 2 AGGREGATE": the call name the rank pool reports. */
    String describe() {
        StringBuilder out = new StringBuilder("stages ");
        for (StageStep step : stages) {
            out.append(step.id() == 0 ? "" : ", ").append(step.id()).append(' ').append(step.kind());
        }
        return out.toString();
    }

    byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(mesh.axes().size());
            for (Mesh.Axis axis : mesh.axes()) {
                out.writeUTF(axis.name());
                out.writeInt(axis.size());
            }
            out.writeBoolean(placed);
            out.writeLong(broadcastRows);
            out.writeInt(stages.size());
            for (StageStep step : stages) {
                out.writeInt(step.id());
                out.writeUTF(step.kind().name());
                writeInts(out, step.inputs());
                out.writeInt(step.nodes().size());
                byte[] root = PlanCodec.encode(step.root());
                out.writeInt(root.length);
                out.write(root);
                writeSharding(out, step.sharding());
                for (Optional<Exchange> exchange : step.exchanges()) {
                    out.writeBoolean(exchange.isPresent());
                    if (exchange.isPresent()) {
                        out.writeUTF(exchange.get().kind().name());
                        writeStrings(out, exchange.get().keys());
                        out.writeInt(exchange.get().partitions());
                        out.writeUTF(exchange.get().axis().orElse(""));
                    }
                }
                out.writeBoolean(step.ordered());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Decodes bytes written by {@link #encode}.
     *
     * @throws ExecutionException ({@code INVALID_PLAN}) when the bytes are not a distributed plan
     */
    static DistributedPlan decode(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readInt() != MAGIC) {
                throw new IOException("bad magic number");
            }
            int axisCount = in.readInt();
            List<Mesh.Axis> axes = new ArrayList<>(axisCount);
            for (int a = 0; a < axisCount; a++) {
                axes.add(new Mesh.Axis(in.readUTF(), in.readInt()));
            }
            Mesh mesh = Mesh.of(axes);
            boolean placed = in.readBoolean();
            long broadcastRows = in.readLong();
            int count = in.readInt();
            List<StageStep> steps = new ArrayList<>(count);
            for (int s = 0; s < count; s++) {
                int id = in.readInt();
                StageKind kind = StageKind.valueOf(in.readUTF());
                List<Integer> inputs = readInts(in);
                int nodeCount = in.readInt();
                byte[] rootBytes = new byte[in.readInt()];
                in.readFully(rootBytes);
                PlanNode root = PlanCodec.decode(rootBytes);
                PlanNode[] nodes = new PlanNode[nodeCount];
                nodes[nodeCount - 1] = root;
                for (int i = nodeCount - 2; i >= 0; i--) {
                    nodes[i] = nodes[i + 1].inputs().get(0);
                }
                Sharding sharding = readSharding(in);
                List<Optional<Exchange>> exchanges = new ArrayList<>();
                for (int i = 0; i < inputs.size(); i++) {
                    if (in.readBoolean()) {
                        Exchange.Kind exchangeKind = Exchange.Kind.valueOf(in.readUTF());
                        List<String> keys = readStrings(in);
                        int partitions = in.readInt();
                        String axis = in.readUTF();
                        exchanges.add(Optional.of(new Exchange(exchangeKind, keys, partitions,
                                axis.isEmpty() ? Optional.empty() : Optional.of(axis))));
                    } else {
                        exchanges.add(Optional.empty());
                    }
                }
                steps.add(new StageStep(id, kind, inputs, List.of(nodes), sharding, exchanges, in.readBoolean()));
            }
            return new DistributedPlan(steps, mesh, placed, broadcastRows);
        } catch (IOException | RuntimeException e) {
            if (e instanceof ExecutionException execution && execution.code() == ErrorCode.INVALID_PLAN) {
                throw execution;
            }
            throw new ExecutionException(ErrorCode.INVALID_PLAN, "The distributed plan sent to the ranks could not be"
                    + " decoded: " + e + ". This is a bug (driver and ranks run the same code).", e);
        }
    }

    private static void writeSharding(DataOutputStream out, Sharding sharding) throws IOException {
        if (sharding instanceof Sharding.ByKey byKey) {
            out.writeUTF("byKey");
            writeStrings(out, byKey.keys());
        } else {
            out.writeUTF(sharding instanceof Sharding.Replicated ? "replicated" : "blocks");
        }
        out.writeUTF(sharding.axis().orElse(""));
    }

    private static Sharding readSharding(DataInputStream in) throws IOException {
        String kind = in.readUTF();
        List<String> keys = kind.equals("byKey") ? readStrings(in) : List.of();
        String axisName = in.readUTF();
        Optional<String> axis = axisName.isEmpty() ? Optional.empty() : Optional.of(axisName);
        return switch (kind) {
            case "byKey" -> new Sharding.ByKey(keys, axis);
            case "replicated" -> new Sharding.Replicated(axis);
            case "blocks" -> new Sharding.Blocks(axis);
            default -> throw new IOException("unknown sharding kind " + kind);
        };
    }

    private static void writeInts(DataOutputStream out, List<Integer> values) throws IOException {
        out.writeInt(values.size());
        for (int value : values) {
            out.writeInt(value);
        }
    }

    private static List<Integer> readInts(DataInputStream in) throws IOException {
        int n = in.readInt();
        List<Integer> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(in.readInt());
        }
        return out;
    }

    private static void writeStrings(DataOutputStream out, List<String> values) throws IOException {
        out.writeInt(values.size());
        for (String value : values) {
            out.writeUTF(value);
        }
    }

    private static List<String> readStrings(DataInputStream in) throws IOException {
        int n = in.readInt();
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(in.readUTF());
        }
        return out;
    }
}
