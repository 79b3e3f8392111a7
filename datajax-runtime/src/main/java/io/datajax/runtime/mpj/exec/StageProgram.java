package io.datajax.runtime.mpj.exec;

import io.datajax.io.FileSink;
import io.datajax.ir.DataType;
import io.datajax.ir.Mesh;
import io.datajax.ir.Schema;
import io.datajax.ir.Sharding;
import io.datajax.ir.error.InternalException;
import io.datajax.ir.plan.Aggregate;
import io.datajax.ir.plan.Join;
import io.datajax.ir.plan.SortKey;
import io.datajax.ir.plan.SourceScan;
import io.datajax.planner.stages.Exchange;
import io.datajax.planner.stages.StageKind;
import io.datajax.runtime.arrow.ProcessAllocator;
import io.datajax.runtime.column.Batch;
import io.datajax.runtime.kernel.MemoryMeter;
import io.datajax.runtime.kernel.SortKernel;
import io.datajax.runtime.local.LocalStageRunner;
import io.datajax.runtime.mpj.RankContext;
import io.datajax.runtime.mpj.exec.RankReport.RankStageMetrics;
import io.datajax.runtime.source.SinkWrites;
import io.datajax.runtime.source.SourceReads;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.arrow.memory.BufferAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs every stage of a {@link DistributedPlan} on one rank (SPMD: every rank runs the same steps and
 * calls the same collectives in the same order), and returns the rank's part of the result.
 *
 * <p>Per stage kind:
 * <ul>
 *   <li>INPUT: the rank's shard, as the driver sent it; for a {@code SourceScan}, the rank's block of the
 *       source's parts, read by the rank itself (the driver never holds that data).</li>
 *   <li>TRANSFORM: local; a GATHER exchange (a chain with a limit) first moves every row to rank 0 in rank
 *       order, which then runs the chain alone.</li>
 *   <li>AGGREGATE: partial aggregation on the rank's rows ({@link PartialAggregation}), a hash exchange of
 *       the partial states on the group keys, final aggregation; with no keys the partial rows are
 *       all-gathered and every rank computes the one result row. Without an exchange (input already
 *       placed on the keys, or replicated) the aggregate runs locally in one step.</li>
 *   <li>JOIN: a hash exchange of both sides on their keys, hashed as the unified key type. Null keys hash
 *       to one fixed rank (see {@link KeyPartitioner}): with {@code nullsEqual} they must meet there; without
 *       it they never match and each such row is output once, on that rank, by joins that keep unmatched
 *       rows; and since the join's output is {@code byKey} on its keys, a later stage that groups by them
 *       without an exchange finds all null keys on one rank. Without an exchange (co-partitioned sides, or
 *       a replicated side: a broadcast join) the join runs locally. When the planner hash-exchanges both sides
 *       but the right side turns out small at run time (at most {@link DistributedPlan#broadcastRows()} rows
 *       over all ranks) and the join keeps no unmatched right rows, the right side is all-gathered instead
 *       and the left side stays where it is (see {@link #broadcastsRight}); the choice is in the stage's
 *       metrics notes.</li>
 *   <li>SORT: sort = gather and local sort: the RANGE exchange is realised by moving every row to rank 0,
 *       which sorts them (a sample-based range exchange is left for later).</li>
 *   <li>REPARTITION: a hash exchange (byKey) or an all-gather (replicated); a hash exchange bound to a mesh
 *       axis ({@code byKey(k)@a}) sends each row to every rank at its hash position along {@code a}, in one
 *       world {@code alltoallv} (ranks' positions from the mesh's row-major coordinates).</li>
 * </ul>
 *
 * <p>Order. Where a stage's output is {@linkplain StageStep#ordered() needed in order} (it is the result,
 * or reaches a limit through filters and projections), a keyed aggregate delivers its groups key-sorted
 * on rank 0: partial states are gathered to rank 0 instead of hashed, and the final aggregation there is
 * key-sorted. Such an output lies on rank 0 rather than where the planner's {@code byKey} says; a JOIN,
 * AGGREGATE or REPARTITION that relies on that placement without an exchange re-hashes it first.
 *
 * <p>Placement: for a {@code pjit} plan the result keeps its placement and, after the last stage, every rank
 * takes part in the {@link PlacementCheck} before returning its part (one replica per position for an
 * axis-bound result, rank 0's for a replicated one).
 *
 * <p>Memory: each stage works in its own child allocator of the process root, named after the stage; a
 * stage that leaves Arrow memory allocated fails (a bug), after a WARN.
 */
final class StageProgram {
    private static final Logger LOG = LoggerFactory.getLogger(StageProgram.class);

    private final RankContext context;
    private final DistributedPlan plan;
    private final LocalStageRunner runner;
    /** Per input of the stage being prepared: whether its rows all lie on rank 0 after its exchange. */
    private final boolean[] inputOnFirst = new boolean[2];
    /** Per input of the stage being prepared: whether its rows are not where its {@code byKey} sharding says. */
    private final boolean[] inputMisplaced = new boolean[2];
    /** Per stage: whether its rows are not where its {@code byKey} sharding says (after a broadcast join). */
    private boolean[] misplaced = new boolean[0];
    /** What the stage being run decided at run time, for its metrics (e.g. a join's strategy). */
    private String notes = "";

    StageProgram(RankContext context, DistributedPlan plan, LocalStageRunner runner) {
        this.context = context;
        this.plan = plan;
        this.runner = runner;
    }

    /**
     * Runs every stage; returns the metrics and this rank's result shard, or, with a {@code sink}, writes this
     * rank's result part into the sink's temporary directory and returns its manifest row instead (see
     * {@link SinkWrites#manifest}).
     */
    RankReport run(Map<Integer, byte[]> shards, Optional<SinkTarget> sink) {
        return run(shards, sink, Map.of(), 0);
    }

    /**
     * {@link #run(Map, Optional)} where the INPUT stages in {@code kept} read this rank's part of a kept result,
     * and, when {@code keepAs} is not 0, this rank keeps its part of the result under that id (placed as the
     * plan's result sharding says) and sends no rows.
     */
    RankReport run(Map<Integer, byte[]> shards, Optional<SinkTarget> sink, Map<Integer, Long> kept, long keepAs) {
        List<StageStep> steps = plan.stages();
        Batch[] outputs = new Batch[steps.size()];
        boolean[] onFirst = new boolean[steps.size()];
        misplaced = new boolean[steps.size()];
        List<RankStageMetrics> metrics = new ArrayList<>();
        String previousStage = MDC.get("stage");
        try {
            for (StageStep step : steps) {
                MDC.put("stage", step.label());
                long start = System.nanoTime();
                notes = "";
                try (BufferAllocator allocator = ProcessAllocator.child(step.label() + " rank " + context.rank())) {
                    Exchanger exchanger = new Exchanger(context, allocator);
                    MemoryMeter meter = new MemoryMeter();
                    long rowsIn = 0;
                    for (int input : step.inputs()) {
                        rowsIn += outputs[input].rowCount();
                    }
                    Batch out;
                    if (step.kind() == StageKind.INPUT && kept.containsKey(step.id())) {
                        out = KeptShards.get(kept.get(step.id()), context.rank());
                        rowsIn = out.rowCount();
                        notes = "read kept result " + kept.get(step.id()) + " in place";
                    } else if (step.kind() == StageKind.INPUT && step.root() instanceof SourceScan read
                            && !shards.containsKey(step.id())) {
                        SourceReads.Result result = SourceReads.readBlock(read, context.rank(), context.size());
                        out = result.batch();
                        rowsIn = out.rowCount();
                        notes = result.note();
                    } else if (step.kind() == StageKind.INPUT) {
                        byte[] shard = shards.get(step.id());
                        if (shard == null) {
                            throw new InternalException("no shard for " + step.label() + " on rank " + context.rank());
                        }
                        out = ShardCodec.decode(shard, step.schema(), allocator);
                        rowsIn = out.rowCount();
                    } else {
                        out = runStage(step, outputs, onFirst, exchanger, meter);
                    }
                    outputs[step.id()] = Batches.as(step.schema(), out);
                    meter.add(out.estimatedBytes());
                    long leaked = allocator.getAllocatedMemory();
                    if (leaked != 0) {
                        LOG.warn("{} left {} bytes of Arrow memory allocated on rank {}", step.label(), leaked,
                                context.rank());
                        throw new InternalException(step.label() + " left " + leaked + " bytes of Arrow memory"
                                + " allocated in " + allocator.getName() + ". This is a bug.");
                    }
                    long nanos = System.nanoTime() - start;
                    metrics.add(new RankStageMetrics(rowsIn, out.rowCount(), nanos, exchanger.bytesSent(), meter.bytes(),
                            notes, exchanger.nanos()));
                    LOG.debug("{}: rows {} -> {}, sent {} bytes, {} us", step.label(), rowsIn, out.rowCount(),
                            exchanger.bytesSent(), nanos / 1_000);
                } catch (RuntimeException | Error e) {
                    if (e instanceof RankStageException) {
                        throw e;
                    }
                    throw new RankStageException(step, context.rank(), context.size(), e);
                }
            }
        } finally {
            if (previousStage == null) {
                MDC.remove("stage");
            } else {
                MDC.put("stage", previousStage);
            }
        }
        StageStep last = plan.result();
        Batch result = outputs[last.id()];
        String placement = "";
        if (plan.placed()) {
            try {
                placement = PlacementCheck.verify(last, result, context, plan.mesh());
            } catch (RuntimeException e) {
                throw new RankStageException(last, context.rank(), context.size(), e);
            }
        }
        if (keepAs != 0) {
            if (last.sharding() instanceof Sharding.ByKey byKey && byKey.axis().isEmpty()
                    && (misplaced[last.id()] || onFirst[last.id()])) {
                try (BufferAllocator allocator = ProcessAllocator.child("place kept rank " + context.rank())) {
                    result = hash(result, byKey.keys(), ownTypes(result.schema(), byKey.keys()),
                            new Exchanger(context, allocator));
                }
            }
            KeptShards.keep(keepAs, result);
            result = Batches.empty(last.schema());
        } else if (!sendsResult(last)) {
            result = Batches.empty(last.schema());
            if (sink.isPresent()) {
                result = SinkWrites.manifest(List.of());
            }
        } else if (sink.isPresent()) {
            try {
                FileSink target = SinkWrites.fileSink(sink.get().sink());
                result = SinkWrites.manifest(List.of(SinkWrites.writePart(target, Path.of(sink.get().directory()),
                        context.rank(), result)));
            } catch (RuntimeException e) {
                throw new RankStageException(last, context.rank(), context.size(), e);
            }
        }
        byte[] resultBytes;
        try (BufferAllocator allocator = ProcessAllocator.child("result rank " + context.rank())) {
            resultBytes = ShardCodec.encode(result, allocator);
        }
        return new RankReport(metrics, resultBytes, placement);
    }

    /**
     * Whether this rank's part of the result goes to the driver: one copy of replicated rows (rank 0's), and
     * for a spec bound to a mesh axis, one replica per position along it (the ranks of replica index 0).
     */
    private boolean sendsResult(StageStep last) {
        if (last.replicated()) {
            return context.rank() == 0;
        }
        return last.sharding().axis().map(axis -> plan.mesh().replicaIndex(context.rank(), axis) == 0).orElse(true);
    }

    private Batch runStage(StageStep step, Batch[] outputs, boolean[] onFirst, Exchanger exchanger, MemoryMeter meter) {
        switch (step.kind()) {
            case AGGREGATE -> {
                return aggregate(step, outputs, onFirst, exchanger, meter);
            }
            case JOIN -> {
                Join join = (Join) step.root();
                if (broadcastsRight(step, join, outputs)) {
                    int leftSource = step.inputs().get(0);
                    Batch left = outputs[leftSource];
                    Batch right = exchanger.allgather(outputs[step.inputs().get(1)]);
                    onFirst[step.id()] = onFirst[leftSource];
                    misplaced[step.id()] = step.sharding() instanceof Sharding.ByKey;
                    return runner.run(step.nodes(), List.of(left, right), meter);
                }
                Batch left = prepare(step, 0, outputs, onFirst, exchanger, join.keyTypes());
                Batch right = prepare(step, 1, outputs, onFirst, exchanger, join.keyTypes());
                onFirst[step.id()] = inputOnFirst(step, onFirst);
                misplaced[step.id()] = inputMisplaced(step);
                return runner.run(step.nodes(), List.of(left, right), meter);
            }
            case UNION -> {
                Batch left = prepare(step, 0, outputs, onFirst, exchanger, null);
                Batch right = prepare(step, 1, outputs, onFirst, exchanger, null);
                boolean leftFirst = inputOnFirst[0];
                boolean rightFirst = inputOnFirst[1];
                onFirst[step.id()] = leftFirst && rightFirst;
                misplaced[step.id()] = inputMisplaced(step) || leftFirst != rightFirst;
                return runner.run(step.nodes(), List.of(left, right), meter);
            }
            case TRANSFORM, SORT, REPARTITION -> {
                Batch input = prepare(step, 0, outputs, onFirst, exchanger, null);
                onFirst[step.id()] = inputOnFirst(step, onFirst);
                misplaced[step.id()] = inputMisplaced(step);
                return runner.run(step.nodes(), List.of(input), meter);
            }
            default -> throw new InternalException("stage kind " + step.kind() + " is not run here");
        }
    }

    /**
     * Whether this JOIN stage broadcasts its right side (all-gather) and leaves the left side where it is,
     * instead of the planner's hash exchange of both sides; sets {@link #notes} to the choice and its reason.
     * Only when the planner hash-exchanges both sides (not along a mesh axis), neither side is replicated,
     * the result's placement is not required ({@code pjit}), the join type keeps no unmatched right rows
     * (each left row is then joined exactly once, on the rank that holds it, against the whole right side),
     * and the right side's rows, summed over the ranks (one small all-gather, so every rank decides the
     * same), are at most {@link DistributedPlan#broadcastRows()}. The output then lies like the left side,
     * not {@code byKey}: it is marked {@linkplain #misplaced misplaced}, so a consumer that relies on the
     * planner's placement without an exchange re-hashes it first.
     */
    private boolean broadcastsRight(StageStep step, Join join, Batch[] outputs) {
        Optional<Exchange> leftExchange = step.exchanges().get(0);
        Optional<Exchange> rightExchange = step.exchanges().get(1);
        if (!isPlainHash(leftExchange) || !isPlainHash(rightExchange)
                || plan.stage(step.inputs().get(0)).replicated() || plan.stage(step.inputs().get(1)).replicated()) {
            return false;
        }
        long threshold = plan.broadcastRows();
        if (plan.placed()) {
            notes = "join strategy: hash both sides (the result's placement is required, so no broadcast)";
            return false;
        }
        if (join.type().keepsUnmatchedRight()) {
            notes = "join strategy: hash both sides (a " + join.type() + " join keeps unmatched right rows;"
                    + " broadcast needs INNER, LEFT, SEMI or ANTI)";
            return false;
        }
        if (threshold == 0) {
            notes = "join strategy: hash both sides (broadcast joins off: broadcastRows 0)";
            return false;
        }
        long rightRows = totalRows(outputs[step.inputs().get(1)]);
        if (rightRows <= threshold) {
            notes = "join strategy: broadcast right (" + rightRows + " rows <= threshold " + threshold + ")";
            return true;
        }
        notes = "join strategy: hash both sides (right " + rightRows + " rows > threshold " + threshold + ")";
        return false;
    }

    private static boolean isPlainHash(Optional<Exchange> exchange) {
        return exchange.isPresent() && exchange.get().kind() == Exchange.Kind.HASH && exchange.get().axis().isEmpty();
    }

    /** The rows of {@code batch} summed over all ranks (a collective: every rank calls it). */
    private long totalRows(Batch batch) {
        byte[] mine = java.nio.ByteBuffer.allocate(Long.BYTES).putLong(batch.rowCount()).array();
        long total = 0;
        for (byte[] count : context.allgather(mine)) {
            total += java.nio.ByteBuffer.wrap(count).getLong();
        }
        return total;
    }

    private boolean inputMisplaced(StageStep step) {
        boolean any = false;
        for (int i = 0; i < step.inputs().size(); i++) {
            any |= inputMisplaced[i];
        }
        return any;
    }

    /**
     * Input {@code index} of {@code step} after its exchange; records in {@code onFirst[step]}-to-be whether
     * the moved rows now all lie on rank 0 (via {@link #inputOnFirst}).
     *
     * @param hashTypes the types to hash the keys as (null: the columns' own types)
     */
    private Batch prepare(StageStep step, int index, Batch[] outputs, boolean[] onFirst, Exchanger exchanger,
            List<DataType> hashTypes) {
        int source = step.inputs().get(index);
        StageStep from = plan.stage(source);
        Batch batch = outputs[source];
        Optional<Exchange> exchange = step.exchanges().get(index);
        inputOnFirst[index] = false;
        inputMisplaced[index] = false;
        if (exchange.isEmpty()) {
            if ((onFirst[source] || misplaced[source]) && from.sharding() instanceof Sharding.ByKey byKey
                    && step.kind() != StageKind.TRANSFORM) {
                List<String> keys = byKey.keys();
                return hash(batch, keys, hashTypes == null ? ownTypes(batch.schema(), keys) : hashTypes, exchanger);
            }
            inputOnFirst[index] = onFirst[source];
            inputMisplaced[index] = misplaced[source];
            return batch;
        }
        Exchange movement = exchange.get();
        switch (movement.kind()) {
            case HASH -> {
                List<String> keys = movement.keys();
                List<DataType> types = hashTypes == null ? ownTypes(batch.schema(), keys) : hashTypes;
                if (movement.axis().isPresent()) {
                    return hashAlong(batch, keys, types, movement.axis().get(), from.replicated() && !onFirst[source],
                            exchanger);
                }
                if (from.replicated()) {
                    int[] destinations = KeyPartitioner.destinations(batch, keys, types, context.size());
                    return Batches.split(batch, destinations, context.size())[context.rank()];
                }
                return hash(batch, keys, types, exchanger);
            }
            case BROADCAST -> {
                return from.replicated() && !onFirst[source] ? batch : exchanger.allgather(batch);
            }
            case GATHER, RANGE -> {
                inputOnFirst[index] = true;
                if (from.replicated() && !onFirst[source]) {
                    return context.rank() == 0 ? batch : Batches.empty(batch.schema());
                }
                return exchanger.gatherToFirst(batch);
            }
            default -> throw new InternalException("unknown exchange " + movement);
        }
    }

    /**
     * Rows hashed to positions along mesh axis {@code axis}, each sent to every rank at its position (rows
     * already on every rank are only filtered).
     */
    private Batch hashAlong(Batch batch, List<String> keys, List<DataType> types, String axis, boolean everywhere,
            Exchanger exchanger) {
        Mesh mesh = plan.mesh();
        int groups = mesh.axis(axis).size();
        int[] destinations = KeyPartitioner.destinations(batch, keys, types, groups);
        if (everywhere) {
            return Batches.split(batch, destinations, groups)[mesh.coordinate(context.rank(), axis)];
        }
        int[] groupOfRank = new int[context.size()];
        for (int r = 0; r < groupOfRank.length; r++) {
            groupOfRank[r] = mesh.coordinate(r, axis);
        }
        return exchanger.shuffleToGroups(batch, destinations, groups, groupOfRank);
    }

    private boolean inputOnFirst(StageStep step, boolean[] onFirst) {
        boolean any = false;
        for (int i = 0; i < step.inputs().size(); i++) {
            any |= inputOnFirst[i];
        }
        return any;
    }

    private Batch hash(Batch batch, List<String> keys, List<DataType> types, Exchanger exchanger) {
        return exchanger.shuffle(batch, KeyPartitioner.destinations(batch, keys, types, context.size()));
    }

    private static List<DataType> ownTypes(Schema schema, List<String> keys) {
        List<DataType> types = new ArrayList<>(keys.size());
        for (String key : keys) {
            types.add(schema.field(key).type());
        }
        return types;
    }

    private Batch aggregate(StageStep step, Batch[] outputs, boolean[] onFirst, Exchanger exchanger, MemoryMeter meter) {
        Aggregate aggregate = (Aggregate) step.root();
        int source = step.inputs().get(0);
        Optional<Exchange> exchange = step.exchanges().get(0);
        boolean ordered = step.ordered() && !aggregate.keys().isEmpty() && !step.replicated();
        if (exchange.isEmpty()) {
            Batch input = prepare(step, 0, outputs, onFirst, exchanger, null);
            Batch out = runner.run(step.nodes(), List.of(input), meter);
            boolean first = inputOnFirst[0];
            if (ordered && !first) {
                out = exchanger.gatherToFirst(out);
                out = SortKernel.sort(out, ascendingNullsLast(aggregate.keys()));
                first = true;
            }
            onFirst[step.id()] = first;
            return out;
        }
        PartialAggregation split = PartialAggregation.of(aggregate);
        Batch partial = runner.run(List.of(split.partial()), List.of(outputs[source]), meter);
        Batch states;
        switch (exchange.get().kind()) {
            case HASH -> {
                if (ordered) {
                    states = exchanger.gatherToFirst(partial);
                    onFirst[step.id()] = true;
                } else {
                    List<String> keys = aggregate.keys();
                    states = hash(partial, keys, ownTypes(partial.schema(), keys), exchanger);
                }
            }
            case BROADCAST -> states = exchanger.allgather(partial);
            default -> throw new InternalException("an aggregate does not take a " + exchange.get() + " exchange");
        }
        if (ordered && context.rank() != 0) {
            return Batches.empty(step.schema());
        }
        return runner.run(split.finalNodes(), List.of(states), meter);
    }

    private static List<SortKey> ascendingNullsLast(List<String> keys) {
        List<SortKey> out = new ArrayList<>(keys.size());
        for (String key : keys) {
            out.add(new SortKey(key, true, false));
        }
        return out;
    }
}
