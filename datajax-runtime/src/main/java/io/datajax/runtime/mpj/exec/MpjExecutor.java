package io.datajax.runtime.mpj.exec;

import static java.util.Objects.requireNonNull;

import io.datajax.api.spi.CallInput;
import io.datajax.api.spi.ExecutionResult;
import io.datajax.api.spi.Executor;
import io.datajax.api.spi.KeptResult;
import io.datajax.api.spi.StageListener;
import io.datajax.io.FileSink;
import io.datajax.io.MemorySink;
import io.datajax.io.SinkCommit;
import io.datajax.io.WrittenPart;
import io.datajax.ir.Schema;
import io.datajax.ir.Sharding;
import io.datajax.ir.error.DataJaxException;
import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.ExecutionException;
import io.datajax.ir.plan.Scan;
import io.datajax.ir.plan.SourceScan;
import io.datajax.ir.source.DataSink;
import io.datajax.planner.stages.Stage;
import io.datajax.planner.stages.StageKind;
import io.datajax.planner.stages.StageMetrics;
import io.datajax.planner.stages.StagePlan;
import io.datajax.runtime.arrow.ProcessAllocator;
import io.datajax.runtime.column.Batch;
import io.datajax.runtime.mpj.MpjSettings;
import io.datajax.runtime.mpj.RankPool;
import io.datajax.runtime.mpj.exec.RankReport.RankStageMetrics;
import io.datajax.runtime.source.SinkWrites;
import io.datajax.runtime.source.SourceReads;
import io.datajax.runtime.tablesaw.TablesawConverter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.memory.BufferAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.tablesaw.api.Table;

/**
 * The MPJ executor in driver mode ({@code "mpj"}): runs each stage plan SPMD on a warm {@link RankPool} of
 * rank JVMs on this host, with Arrow IPC shards.
 *
 * <p>One call: the driver converts the input tables (never modifying them), cuts each into one shard per
 * rank as its scan's sharding says ({@code blocks}: contiguous row ranges in rank order), and makes
 * <em>one</em> pool call whose payload per rank is the {@link DistributedPlan} and that rank's shards as
 * Arrow IPC bytes. Every rank runs every stage ({@link StageProgram}: exchanges as Arrow IPC bytes over
 * MPJ collectives) and returns its part of the result, which the driver concatenates in rank order (a
 * replicated result is taken from rank 0).
 *
 * <p>Order: where PRODUCT.md fixes it (key-sorted aggregates, explicit sorts, a limit's first rows) the
 * result has it: such stages deliver their rows in order on rank 0 (see {@link StageProgram}); elsewhere
 * (filters, joins, repartitions) rows come in rank order, which is a multiset the contract leaves
 * unordered.
 *
 * <p>Failures: a rank that throws, dies or outlives {@link MpjSettings#callTimeout()} fails the call with
 * an error naming the stage and the rank (bad data keeps its DataJax class and code, e.g.
 * {@code INTEGER_OVERFLOW}). The pool's ranks are then stopped; the next call restarts them (logged at
 * INFO). Metrics: per stage, rows summed over ranks (a replicated output counted once), the longest rank's
 * time, the bytes ranks sent each other, summed peak bytes; rows per rank and the skew ratio (max/median
 * rows per rank) are in {@link #lastCall()}, logged at DEBUG, and a WARN is logged when the skew exceeds
 * {@value #SKEW_WARN_RATIO} on a stage with at least {@value #SKEW_MIN_ROWS} rows on one rank.
 *
 * <p>{@code pjit} plans ({@link StagePlan#outSharding()} present) run on the plan's {@link
 * io.datajax.ir.Mesh} (ranks in row-major order): inputs are placed as their declared specs say, the result
 * keeps the placement its sharding names (not key-sorted), and before anything is gathered the ranks verify
 * it ({@link PlacementCheck}); the verdict ends the mode string ({@code ...; placement verified: byKey(k) on
 * 2 ranks, 812 rows}) and is in {@link CallRecord#placement()}. A result bound to a mesh axis (its rows
 * replicated along the other axes) is gathered from one replica per position.
 *
 * <p>One call at a time (calls are serialised). {@link #close()} stops the ranks.
 */
public final class MpjExecutor implements Executor {
    /** The provider and executor name. */
    public static final String NAME = "mpj";
    /** The skew ratio above which a stage is logged at WARN. */
    public static final double SKEW_WARN_RATIO = 4.0;
    /** The fewest rows on the fullest rank for a skew WARN (small stages are noise). */
    public static final long SKEW_MIN_ROWS = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(MpjExecutor.class);
    private static final AtomicLong CALL_IDS = new AtomicLong();

    private final RankPool pool;
    private volatile boolean closed;
    private volatile CallRecord lastCall;
    private static final AtomicLong KEPT_IDS = new AtomicLong();
    /** Kept results closed since the last call, freed on the ranks by the next one. */
    private final List<Long> pendingReleases = new ArrayList<>();
    /** Incremented when the pool's ranks are restarted: results kept before are gone. */
    private int generation;

    private MpjExecutor(RankPool pool) {
        this.pool = pool;
    }

    /**
     * Starts the rank processes of {@code settings} and returns an executor over them; the caller closes it.
     *
     * @throws io.datajax.ir.error.DataJaxException when the ranks cannot start (see {@link RankPool#start})
     */
    public static MpjExecutor start(MpjSettings settings) {
        return new MpjExecutor(RankPool.start(requireNonNull(settings, "settings is null")));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int parallelism() {
        return pool.size();
    }

    /** The settings the ranks run with. */
    public MpjSettings settings() {
        return pool.settings();
    }

    /** The pids of the current rank processes, indexed by rank (empty while they are stopped). */
    public List<Long> rankPids() {
        return pool.pids();
    }

    /** What the last successful call did per stage and rank, if there was one. */
    public Optional<CallRecord> lastCall() {
        return Optional.ofNullable(lastCall);
    }

    private String mode() {
        return "mpj driver, " + pool.size() + " ranks (pool " + pool.id() + ")";
    }

    @Override
    public synchronized ExecutionResult execute(StagePlan plan, List<Table> inputs, StageListener listener) {
        Call call = call(plan, inputs, listener, Optional.empty());
        return new ExecutionResult(call.table(), call.mode(), call.metrics());
    }

    /** Runs {@code plan}; a kept input is read by every rank from its own part, in place (0 bytes shipped). */
    @Override
    public synchronized ExecutionResult executeInputs(StagePlan plan, List<CallInput> inputs, StageListener listener) {
        Call call = call(plan, tablesOf(inputs), listener, Optional.empty(), keptInputs(plan, inputs), 0);
        return new ExecutionResult(call.table(), call.mode(), call.metrics());
    }

    /**
     * Runs {@code plan} with every rank keeping its part of the result (placed as the plan's result sharding
     * says) instead of sending it to the driver; the driver holds only the id and the row count.
     */
    @Override
    public synchronized KeptResult executeAndKeep(StagePlan plan, List<CallInput> inputs, StageListener listener) {
        long id = KEPT_IDS.incrementAndGet();
        Call call = call(plan, tablesOf(inputs), listener, Optional.empty(), keptInputs(plan, inputs), id);
        Stage result = plan.result();
        long rows = lastCall.stages().get(result.id()).metrics().rowsOut();
        MpjKeptTable kept = new MpjKeptTable(this, id, generation, plan.schema(), result.sharding(), rows);
        return new KeptResult(kept, call.mode() + "; result kept on the ranks (id " + id + ")", call.metrics());
    }

    /** Frees kept result {@code id} on the ranks, with the next call (or when the pool stops). */
    synchronized void release(long id) {
        pendingReleases.add(id);
    }

    /** The pool generation: it changes when the ranks are restarted (kept results are then lost). */
    synchronized int generation() {
        return generation;
    }

    private static List<Table> tablesOf(List<CallInput> inputs) {
        List<Table> tables = new ArrayList<>(inputs.size());
        for (CallInput input : inputs) {
            tables.add(input instanceof CallInput.Rows rows ? rows.table() : Table.create("kept"));
        }
        return tables;
    }

    /** Per INPUT stage reading a kept input, the kept id; checks each kept input against its scan. */
    private Map<Integer, Long> keptInputs(StagePlan plan, List<CallInput> inputs) {
        Map<Integer, Long> kept = new HashMap<>();
        for (Stage stage : plan.stages()) {
            if (stage.kind() != StageKind.INPUT || !(stage.root() instanceof Scan scan)
                    || !(inputs.get(scan.input()) instanceof CallInput.Kept input)) {
                continue;
            }
            if (!(input.table() instanceof MpjKeptTable table) || table.executorInstance() != this) {
                throw new ExecutionException(ErrorCode.INVALID_ARGUMENT, "Input " + scan.input() + " ('" + scan.name()
                        + "') is a result kept by " + input.table().executor() + ", not by this MPJ executor; pass"
                        + " kept results back to the executor that made them, or collect() it and pass the table.");
            }
            table.requireUsable();
            if (!sameColumns(table.schema(), scan.schema())) {
                throw new ExecutionException(ErrorCode.INPUT_MISMATCH, "Input " + scan.input() + " ('" + scan.name()
                        + "') is a kept result of schema " + table.schema() + " but the plan reads " + scan.schema()
                        + "; pass a kept result of the plan's input schema.");
            }
            Sharding declared = plan.mesh().normalize(scan.sharding());
            if (!(declared instanceof Sharding.Blocks) && !declared.equals(table.sharding())) {
                throw new ExecutionException(ErrorCode.INVALID_SHARDING, "Input " + scan.input() + " ('" + scan.name()
                        + "') is declared " + declared + " but the kept result lies " + table.sharding() + "; declare"
                        + " blocks or the kept result's sharding.");
            }
            kept.put(stage.id(), table.id());
        }
        return kept;
    }

    private static boolean sameColumns(Schema a, Schema b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.field(i).name().equals(b.field(i).name()) || a.field(i).type() != b.field(i).type()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Runs {@code plan} with every rank writing its part of the result into the sink (part {@code r} from rank
     * {@code r}; ranks holding a replica of another rank's rows write none); the driver commits the directory
     * once every rank has written. The directory must be on a file system every rank reaches.
     */
    @Override
    public synchronized ExecutionResult write(StagePlan plan, List<Table> inputs, DataSink sink,
            StageListener listener) {
        if (requireNonNull(sink, "sink is null") instanceof MemorySink) {
            Call call = call(plan, inputs, listener, Optional.empty());
            List<WrittenPart> parts = SinkWrites.writeAll(sink, TablesawConverter.toBatch(call.table()));
            return new ExecutionResult(TablesawConverter.toTable("written", SinkWrites.manifest(parts)),
                    call.mode() + "; " + SinkWrites.describe(sink, parts), call.metrics());
        }
        FileSink file = SinkWrites.fileSink(sink);
        Path temp = SinkCommit.begin(file);
        try {
            Call call = call(plan, inputs, listener, Optional.of(new SinkTarget(sink, temp.toString())));
            List<WrittenPart> parts = new ArrayList<>();
            Table manifest = call.table();
            for (int row = 0; row < manifest.rowCount(); row++) {
                parts.add(new WrittenPart(manifest.stringColumn("file").get(row), manifest.longColumn("rows").get(row),
                        manifest.longColumn("bytes").get(row)));
            }
            SinkCommit.commit(file, temp, parts);
            return new ExecutionResult(manifest, call.mode() + "; " + SinkWrites.describe(sink, parts),
                    call.metrics());
        } catch (RuntimeException | Error e) {
            SinkCommit.abort(temp);
            throw e;
        }
    }

    /** What one call produced: the result (or, for a write, the manifest), its mode and stage metrics. */
    private record Call(Table table, String mode, List<StageMetrics> metrics) {
    }

    private Call call(StagePlan plan, List<Table> inputs, StageListener listener, Optional<SinkTarget> sink) {
        return call(plan, inputs, listener, sink, Map.of(), 0);
    }

    private Call call(StagePlan plan, List<Table> inputs, StageListener listener, Optional<SinkTarget> sink,
            Map<Integer, Long> kept, long keepAs) {
        requireNonNull(plan, "plan is null");
        requireNonNull(inputs, "inputs is null");
        requireNonNull(listener, "listener is null");
        if (closed) {
            throw MpjExecErrors.closed();
        }
        int ranks = pool.size();
        if (plan.parallelism() != ranks) {
            throw MpjExecErrors.parallelismMismatch(plan.parallelism(), ranks);
        }
        long callId = CALL_IDS.incrementAndGet();
        long start = System.nanoTime();
        DistributedPlan distributed = DistributedPlan.of(plan, pool.settings().broadcastRows(), keepAs != 0);
        byte[] planBytes = distributed.encode();
        String allocatorName = "mpj driver call " + callId;
        try (BufferAllocator allocator = ProcessAllocator.child(allocatorName)) {
            long[] inputBytes = new long[1];
            ensureRunning();
            long[] releases = pendingReleases.stream().mapToLong(Long::longValue).toArray();
            pendingReleases.clear();
            List<byte[]> payloads = payloads(plan, inputs, planBytes, ranks, allocator, sink, inputBytes, kept, keepAs,
                    releases);
            long shipped = System.nanoTime();
            List<byte[]> answers;
            try {
                answers = pool.run(distributed.describe(), StageProgramTask.class, payloads);
            } catch (DataJaxException e) {
                throw MpjExecErrors.callFailed(e, ranks);
            }
            long ran = System.nanoTime();
            List<RankReport> reports = new ArrayList<>(ranks);
            for (int r = 0; r < ranks; r++) {
                reports.add(RankReport.decode(r, answers.get(r)));
            }
            Schema resultSchema = sink.isPresent() ? SinkWrites.MANIFEST_SCHEMA : plan.schema();
            List<Batch> parts = new ArrayList<>(ranks);
            for (RankReport report : reports) {
                parts.add(ShardCodec.decode(report.result(), resultSchema, allocator));
            }
            Batch result = Batches.concat(resultSchema, parts);
            long leaked = allocator.getAllocatedMemory();
            if (leaked != 0) {
                LOG.warn("{} left {} bytes of Arrow memory allocated", allocatorName, leaked);
                throw MpjExecErrors.leaked(allocatorName, leaked);
            }
            String placement = reports.get(0).placement();
            CallRecord record = record(distributed, reports, System.nanoTime() - start, placement);
            Table table = TablesawConverter.toTable("result", result);
            long end = System.nanoTime();
            record = new CallRecord(record.stages(), end - start, placement, shipped - start, ran - shipped,
                    end - ran, inputBytes[0]);
            lastCall = record;
            List<StageMetrics> metrics = new ArrayList<>();
            for (Stage stage : plan.stages()) {
                StageMetrics m = record.stages().get(stage.id()).metrics();
                listener.stageStarted(stage);
                listener.stageFinished(stage, m);
                metrics.add(m);
            }
            String mode = placement.isEmpty() ? mode() : mode() + "; " + placement;
            return new Call(table, mode, metrics);
        }
    }

    private List<byte[]> payloads(StagePlan plan, List<Table> inputs, byte[] planBytes, int ranks,
            BufferAllocator allocator, Optional<SinkTarget> sink, long[] inputBytes, Map<Integer, Long> kept,
            long keepAs, long[] releases) {
        InputShards tables = new InputShards(inputs);
        List<Map<Integer, byte[]>> shards = new ArrayList<>(ranks);
        for (int r = 0; r < ranks; r++) {
            shards.add(new HashMap<>());
        }
        for (Stage stage : plan.stages()) {
            if (stage.kind() != StageKind.INPUT || kept.containsKey(stage.id())) {
                continue;
            }
            Batch[] perRank;
            if (stage.root() instanceof Scan scan) {
                perRank = tables.shards(scan, plan.mesh());
            } else if (stage.root() instanceof SourceScan read && read.source().inMemory()) {
                perRank = InputShards.blocks(SourceReads.readAll(read).batch(), ranks);
            } else {
                continue; // a file SourceScan is read by the ranks themselves, each its block of the source's parts
            }
            for (int r = 0; r < ranks; r++) {
                byte[] shard = ShardCodec.encode(perRank[r], allocator);
                inputBytes[0] += shard.length;
                shards.get(r).put(stage.id(), shard);
            }
        }
        List<byte[]> payloads = new ArrayList<>(ranks);
        for (int r = 0; r < ranks; r++) {
            payloads.add(RankPayload.writing(planBytes, shards.get(r), sink).withKept(kept, keepAs, releases).encode());
        }
        return payloads;
    }

    private void ensureRunning() {
        if (!pool.isRunning()) {
            LOG.info("MPJ pool {} has no running ranks (a previous call failed, or a rank died); restarting its {}"
                    + " ranks", pool.id(), pool.size());
            pool.restart();
            generation++;
            pendingReleases.clear();
        }
    }

    private CallRecord record(DistributedPlan plan, List<RankReport> reports, long callNanos, String placement) {
        List<StageRecord> stages = new ArrayList<>();
        for (StageStep step : plan.stages()) {
            int id = step.id();
            long[] rowsOut = new long[reports.size()];
            long rowsIn = 0;
            long out = 0;
            long nanos = 0;
            long bytes = 0;
            long peak = 0;
            long exchangeNanos = 0;
            for (int r = 0; r < reports.size(); r++) {
                RankStageMetrics m = reports.get(r).stages().get(id);
                rowsOut[r] = m.rowsOut();
                rowsIn += m.rowsIn();
                out += m.rowsOut();
                nanos = Math.max(nanos, m.nanos());
                bytes += m.bytesSent();
                peak += m.peakBytes();
                exchangeNanos = Math.max(exchangeNanos, m.exchangeNanos());
            }
            if (step.replicated()) {
                out = rowsOut[0];
            } else if (step.sharding().axis().isPresent()) {
                String axis = step.sharding().axis().get();
                out = 0;
                for (int r = 0; r < rowsOut.length; r++) {
                    out += plan.mesh().replicaIndex(r, axis) == 0 ? rowsOut[r] : 0;
                }
            }
            double skew = skew(rowsOut);
            String notes = reports.get(0).stages().get(id).notes();
            StageMetrics metrics = new StageMetrics(id, rowsIn, out, nanos, bytes, peak, notes);
            StageRecord record = new StageRecord(metrics, rowsOut, skew, exchangeNanos);
            stages.add(record);
            LOG.debug("{}: rows per rank {}, {} bytes exchanged, {} us, skew {}{}", step.label(), Arrays.toString(rowsOut),
                    bytes, nanos / 1_000, String.format("%.2f", skew), notes.isEmpty() ? "" : "; " + notes);
            long max = Arrays.stream(rowsOut).max().orElse(0);
            if (skew > SKEW_WARN_RATIO && max >= SKEW_MIN_ROWS && !step.replicated()) {
                LOG.warn("{} is skewed: rows per rank {} (max/median {}); a hot key, or data gathered to one rank",
                        step.label(), Arrays.toString(rowsOut), String.format("%.1f", skew));
            }
        }
        return new CallRecord(List.copyOf(stages), callNanos, placement);
    }

    /** max/median of the rows per rank; 1 when all are 0, infinite when the median is 0 and the max not. */
    static double skew(long[] rowsPerRank) {
        long[] sorted = rowsPerRank.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
        long max = sorted[n - 1];
        if (max == 0) {
            return 1.0;
        }
        return median == 0 ? Double.POSITIVE_INFINITY : max / median;
    }

    /**
     * What one call did.
     *
     * @param stages per stage, in stage order
     * @param nanos the whole call's wall time on the driver
     * @param placement the verdict of the ranks' placement check of the result, e.g. {@code placement
     *     verified: byKey(user_id) on 2 ranks, 812 rows}; empty when the plan required no placement
     *     (only {@code pjit} plans do)
     * @param prepareNanos driver time before the ranks start: plan encoding, converting and cutting the input
     *     tables into shards, Arrow IPC encoding of the payloads
     * @param ranksNanos wall time of the pool call: shipping the payloads, every stage on the ranks, and the
     *     ranks' answers coming back
     * @param gatherNanos driver time after the pool call: decoding the result shards, concatenating them and
     *     converting the result to a Tablesaw table
     * @param inputBytesShipped the bytes of input rows the driver read and sent to the ranks (0 when every input
     *     is a file source the ranks read themselves)
     */
    public record CallRecord(List<StageRecord> stages, long nanos, String placement, long prepareNanos,
            long ranksNanos, long gatherNanos, long inputBytesShipped) {
        public CallRecord {
            stages = List.copyOf(stages);
            requireNonNull(placement, "placement is null");
        }

        /** A record without the driver's phase times and shipped bytes (all 0). */
        public CallRecord(List<StageRecord> stages, long nanos, String placement) {
            this(stages, nanos, placement, 0, 0, 0, 0);
        }

        /** Time of the stages on the ranks: per stage the longest rank's, summed. */
        public long stageNanos() {
            return stages.stream().mapToLong(stage -> stage.metrics().nanos()).sum();
        }

        /** Bytes the ranks sent each other over all stages. */
        public long bytesExchanged() {
            return stages.stream().mapToLong(stage -> stage.metrics().bytesExchanged()).sum();
        }

        /** Time in exchanges over all stages: per stage the longest rank's, summed. */
        public long exchangeNanos() {
            return stages.stream().mapToLong(StageRecord::exchangeNanos).sum();
        }
    }

    /**
     * What one stage did in one call.
     *
     * @param metrics the totals reported through the SPI
     * @param rowsPerRank output rows on each rank, indexed by rank
     * @param skew max/median of {@code rowsPerRank}
     * @param exchangeNanos the longest time a rank spent in the stage's exchanges (encoding, MPJ collectives,
     *     decoding), part of the stage's time
     */
    public record StageRecord(StageMetrics metrics, long[] rowsPerRank, double skew, long exchangeNanos) {
        public StageRecord {
            rowsPerRank = rowsPerRank.clone();
        }

        @Override
        public long[] rowsPerRank() {
            return rowsPerRank.clone();
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        pool.close();
    }
}
