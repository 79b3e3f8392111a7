package io.datajax.runtime.local;

import static java.util.Objects.requireNonNull;

import io.datajax.api.DataJaxConfig;
import io.datajax.api.spi.ExecutionResult;
import io.datajax.api.spi.Executor;
import io.datajax.api.spi.StageListener;
import io.datajax.io.WrittenPart;
import io.datajax.ir.expr.Expr;
import io.datajax.ir.expr.Exprs;
import io.datajax.ir.plan.AggCall;
import io.datajax.ir.plan.Aggregate;
import io.datajax.ir.plan.Join;
import io.datajax.ir.plan.Limit;
import io.datajax.ir.plan.PlanNode;
import io.datajax.ir.plan.Scan;
import io.datajax.ir.plan.Sort;
import io.datajax.ir.plan.SourceScan;
import io.datajax.ir.source.DataSink;
import io.datajax.planner.stages.Stage;
import io.datajax.planner.stages.StageKind;
import io.datajax.planner.stages.StageMetrics;
import io.datajax.planner.stages.StagePlan;
import io.datajax.runtime.column.Batch;
import io.datajax.runtime.column.Relation;
import io.datajax.runtime.kernel.LimitKernel;
import io.datajax.runtime.kernel.MemoryMeter;
import io.datajax.runtime.kernel.SortKernel;
import io.datajax.runtime.source.SinkWrites;
import io.datajax.runtime.source.SourceReads;
import io.datajax.runtime.tablesaw.TablesawConverter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.tablesaw.api.Table;

/**
 * The in-process executor: runs the stages of a plan in order, each as a fused pass over column data
 * ({@link TransformExec}, {@link AggregateExec}, {@link JoinExec}), converting each input table once on first
 * use and the result once at the end. Stage outputs are {@link Relation}s, so filters and joins hand on
 * row-id vectors instead of copied columns.
 *
 * <p>Fusion across stages: a TRANSFORM stage whose only reader is the AGGREGATE stage right after it runs
 * inside that aggregation pass (its filters and projections are applied to the aggregate's keys and
 * arguments; the filtered table is never built). Both stages are still reported: the transform with its
 * rows in and out and zero time, the aggregate with the time of the fused pass. Likewise an inner or left
 * JOIN stage read only by the AGGREGATE stage after it: each probe row's matches are folded into the
 * aggregate as they are found, in join output order, and the joined row-id vectors are never built.
 *
 * <p>With {@link DataJaxConfig#threads()} above 1, chunks of each pass run on a fixed pool of daemon
 * threads owned by the executor (created on first use, stopped by {@link #close()}). Chunks depend only
 * on the data size and merge in chunk order, so results are identical for every thread count.
 */
public final class LocalExecutor implements Executor {
    private static final Logger LOG = LoggerFactory.getLogger(LocalExecutor.class);

    private final DataJaxConfig config;
    private final ExecOptions options;
    private final Parallel parallel;

    /** An executor configured by {@code config}. */
    public LocalExecutor(DataJaxConfig config) {
        this(config, ExecOptions.defaults(requireNonNull(config, "config is null").threads()));
    }

    /** An executor with the default configuration. */
    public LocalExecutor() {
        this(DataJaxConfig.defaults());
    }

    LocalExecutor(DataJaxConfig config, ExecOptions options) {
        this.config = requireNonNull(config, "config is null");
        this.options = requireNonNull(options, "options is null");
        this.parallel = new Parallel(options.threads());
    }

    @Override
    public String name() {
        return LocalExecutorProvider.NAME;
    }

    /** The configuration this executor was created with. */
    public DataJaxConfig config() {
        return config;
    }

    private String mode() {
        int threads = options.threads();
        return "in-process, " + threads + (threads == 1 ? " thread" : " threads");
    }

    @Override
    public ExecutionResult execute(StagePlan plan, List<Table> inputs, StageListener listener) {
        Run run = run(plan, inputs, listener);
        return new ExecutionResult(TablesawConverter.toTable("result", run.result()), mode(), run.metrics());
    }

    @Override
    public ExecutionResult write(StagePlan plan, List<Table> inputs, DataSink sink, StageListener listener) {
        requireNonNull(sink, "sink is null");
        SinkWrites.check(sink);
        Run run = run(plan, inputs, listener);
        List<WrittenPart> parts = SinkWrites.writeAll(sink, run.result());
        return new ExecutionResult(TablesawConverter.toTable("written", SinkWrites.manifest(parts)),
                mode() + "; " + SinkWrites.describe(sink, parts), run.metrics());
    }

    /** The result of the last stage and what every stage did. */
    private record Run(Batch result, List<StageMetrics> metrics) {
    }

    private Run run(StagePlan plan, List<Table> inputs, StageListener listener) {
        requireNonNull(plan, "plan is null");
        requireNonNull(inputs, "inputs is null");
        requireNonNull(listener, "listener is null");
        InputTables tables = new InputTables(inputs, parallel);
        List<Stage> stages = plan.stages();
        int[] readers = new int[stages.size()];
        for (Stage stage : stages) {
            for (int input : stage.inputs()) {
                readers[input]++;
            }
        }
        Set<String>[] needed = options.fused() ? neededInputColumns(stages, readers) : null;
        Relation[] outputs = new Relation[stages.size()];
        StageMetrics[] metrics = new StageMetrics[stages.size()];
        for (int s = 0; s < stages.size(); s++) {
            Stage stage = stages.get(s);
            if (options.fused() && absorbable(stages, readers, s)) {
                Stage consumer = stages.get(s + 1);
                listener.stageStarted(stage);
                listener.stageStarted(consumer);
                long start = System.nanoTime();
                Relation input = outputs[stage.inputs().get(0)];
                MemoryMeter meter = new MemoryMeter();
                long[] selected = new long[1];
                TransformProgram program = TransformProgram.of(stage.nodes(), stage.inputSchemas().get(0));
                Batch result = new AggregateExec((Aggregate) consumer.root(), program, input, options, parallel)
                        .run(meter, selected);
                long nanos = System.nanoTime() - start;
                outputs[s + 1] = Relation.of(result);
                metrics[s] = new StageMetrics(s, input.rowCount(), selected[0], 0, 0, 0);
                metrics[s + 1] = new StageMetrics(s + 1, selected[0], result.rowCount(), nanos, 0,
                        meter.bytes() + result.estimatedBytes());
                listener.stageFinished(stage, metrics[s]);
                listener.stageFinished(consumer, metrics[s + 1]);
                s++;
                continue;
            }
            if (options.fused() && options.fuseJoins() && joinAbsorbable(stages, readers, s)) {
                Stage consumer = stages.get(s + 1);
                Relation leftInput = outputs[stage.inputs().get(0)];
                Relation rightInput = outputs[stage.inputs().get(1)];
                JoinExec join = new JoinExec((Join) stage.root(), leftInput, rightInput, options, parallel);
                if (join.fusable()) {
                    listener.stageStarted(stage);
                    listener.stageStarted(consumer);
                    long start = System.nanoTime();
                    MemoryMeter meter = new MemoryMeter();
                    JoinExec.Fused pairs = join.fuse(meter);
                    Batch result = new AggregateExec((Aggregate) consumer.root(), null, pairs.template, options, parallel)
                            .run(meter, null, pairs);
                    long nanos = System.nanoTime() - start;
                    outputs[s + 1] = Relation.of(result);
                    metrics[s] = new StageMetrics(s, (long) leftInput.rowCount() + rightInput.rowCount(), pairs.rows(),
                            0, 0, 0);
                    metrics[s + 1] = new StageMetrics(s + 1, pairs.rows(), result.rowCount(), nanos, 0,
                            meter.bytes() + result.estimatedBytes());
                    listener.stageFinished(stage, metrics[s]);
                    listener.stageFinished(consumer, metrics[s + 1]);
                    s++;
                    continue;
                }
            }
            listener.stageStarted(stage);
            long start = System.nanoTime();
            List<Relation> stageInputs = new ArrayList<>(stage.inputs().size());
            long rowsIn = 0;
            for (int input : stage.inputs()) {
                stageInputs.add(outputs[input]);
                rowsIn += outputs[input].rowCount();
            }
            MemoryMeter meter = new MemoryMeter();
            Relation out;
            String notes = "";
            if (stage.kind() == StageKind.INPUT && stage.root() instanceof SourceScan read) {
                SourceReads.Result result = SourceReads.readAll(read, parallel.threads(), parallel::run);
                rowsIn = result.batch().rowCount();
                out = Relation.of(result.batch());
                meter.add(result.batch().estimatedBytes());
                notes = result.note();
            } else if (stage.kind() == StageKind.INPUT) {
                Batch batch = tables.read((Scan) stage.root(), needed == null ? null : needed[s]);
                rowsIn = batch.rowCount();
                out = Relation.of(batch);
                meter.add(batch.estimatedBytes());
            } else if (options.fused()) {
                out = runFused(stage, stageInputs, meter);
            } else {
                out = runPlain(stage, stageInputs, tables, meter);
            }
            outputs[s] = out;
            long nanos = System.nanoTime() - start;
            metrics[s] = new StageMetrics(stage.id(), rowsIn, out.rowCount(), nanos, 0, meter.bytes(), notes);
            LOG.debug("stage {} {} rows {} -> {} in {} us", stage.id(), stage.kind(), rowsIn, out.rowCount(), nanos / 1_000);
            listener.stageFinished(stage, metrics[s]);
        }
        return new Run(outputs[stages.size() - 1].materialize(), List.of(metrics));
    }

    /**
     * For each INPUT stage, the columns its readers use, or null for all (entries of other stages are null).
     * Only readers whose column use is exactly known prune: an AGGREGATE stage (its keys and arguments), and
     * a TRANSFORM stage absorbed into the aggregate after it (its predicates and the definitions of that
     * aggregate's keys and arguments). Any other reader needs every column.
     */
    @SuppressWarnings("unchecked")
    static Set<String>[] neededInputColumns(List<Stage> stages, int[] readers) {
        Set<String>[] needed = new Set[stages.size()];
        boolean[] all = new boolean[stages.size()];
        for (int c = 0; c < stages.size(); c++) {
            Stage consumer = stages.get(c);
            for (int input : consumer.inputs()) {
                if (stages.get(input).kind() != StageKind.INPUT || all[input]) {
                    continue;
                }
                Set<String> used = null;
                if (consumer.kind() == StageKind.AGGREGATE && consumer.nodes().size() == 1) {
                    used = aggregateColumns((Aggregate) consumer.root(),
                            TransformProgram.identity(consumer.inputSchemas().get(0)));
                } else if (absorbable(stages, readers, c)) {
                    used = aggregateColumns((Aggregate) stages.get(c + 1).root(),
                            TransformProgram.of(consumer.nodes(), consumer.inputSchemas().get(0)));
                }
                if (used == null) {
                    all[input] = true;
                    needed[input] = null;
                } else {
                    if (needed[input] == null) {
                        needed[input] = new HashSet<>();
                    }
                    needed[input].addAll(used);
                }
            }
        }
        return needed;
    }

    private static Set<String> aggregateColumns(Aggregate aggregate, TransformProgram program) {
        Set<String> used = new HashSet<>();
        for (Expr predicate : program.predicates()) {
            used.addAll(Exprs.columns(predicate));
        }
        for (String key : aggregate.keys()) {
            used.addAll(Exprs.columns(program.output(key)));
        }
        for (AggCall call : aggregate.aggregates()) {
            call.argument().ifPresent(arg -> used.addAll(Exprs.columns(program.rewrite(arg))));
        }
        return used;
    }

    /** Whether stage {@code s} is a transform that the aggregate right after it can run inside its pass. */
    private static boolean absorbable(List<Stage> stages, int[] readers, int s) {
        Stage stage = stages.get(s);
        if (stage.kind() != StageKind.TRANSFORM || s + 1 >= stages.size() || readers[s] != 1) {
            return false;
        }
        Stage next = stages.get(s + 1);
        if (next.kind() != StageKind.AGGREGATE || !next.inputs().equals(List.of(s))) {
            return false;
        }
        for (PlanNode node : stage.nodes()) {
            if (node instanceof Limit) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether stage {@code s} is a JOIN whose only reader is the AGGREGATE stage right after it: the aggregate
     * then folds the join's output pairs as they are probed ({@link JoinExec#fuse}), without building the
     * joined relation's row-id vectors.
     */
    private static boolean joinAbsorbable(List<Stage> stages, int[] readers, int s) {
        Stage stage = stages.get(s);
        if (stage.kind() != StageKind.JOIN || s + 1 >= stages.size() || readers[s] != 1
                || stage.nodes().size() != 1 || !(stage.root() instanceof Join) || stage.inputs().size() != 2) {
            return false;
        }
        Stage next = stages.get(s + 1);
        return next.kind() == StageKind.AGGREGATE && next.inputs().equals(List.of(s)) && next.nodes().size() == 1
                && next.root() instanceof Aggregate;
    }

    private Relation runFused(Stage stage, List<Relation> inputs, MemoryMeter meter) {
        switch (stage.kind()) {
            case TRANSFORM -> {
                Relation current = inputs.get(0);
                List<PlanNode> segment = new ArrayList<>();
                for (PlanNode node : stage.nodes()) {
                    if (node instanceof Limit limit) {
                        current = runSegment(segment, current, meter);
                        segment.clear();
                        Batch limited = LimitKernel.limit(current.materialize(), limit.count(), limit.keys());
                        meter.add(limited.estimatedBytes());
                        current = Relation.of(limited);
                    } else {
                        segment.add(node);
                    }
                }
                return runSegment(segment, current, meter);
            }
            case AGGREGATE -> {
                Batch result = new AggregateExec((Aggregate) stage.root(), null, inputs.get(0), options, parallel).run(meter, null);
                meter.add(result.estimatedBytes());
                return Relation.of(result);
            }
            case JOIN -> {
                return new JoinExec((Join) stage.root(), inputs.get(0), inputs.get(1), options, parallel).run(meter);
            }
            case SORT -> {
                Batch sorted = SortKernel.sort(inputs.get(0).materialize(), ((Sort) stage.root()).keys());
                meter.add(sorted.estimatedBytes() + 8L * sorted.rowCount());
                return Relation.of(sorted);
            }
            case REPARTITION -> {
                return inputs.get(0);
            }
            case UNION -> {
                Batch union = Batch.concat(stage.schema(), List.of(inputs.get(0).materialize(), inputs.get(1).materialize()));
                meter.add(union.estimatedBytes());
                return Relation.of(union);
            }
            default -> throw new IllegalStateException("stage kind " + stage.kind() + " is not run here");
        }
    }

    private Relation runSegment(List<PlanNode> segment, Relation input, MemoryMeter meter) {
        if (segment.isEmpty()) {
            return input;
        }
        TransformProgram program = TransformProgram.of(segment, input.schema());
        return TransformExec.run(program, segment.get(segment.size() - 1).schema(), input, options, parallel, meter);
    }

    /** The reference path: every node through the plain per-node kernels over flat batches. */
    private Relation runPlain(Stage stage, List<Relation> inputs, InputTables tables, MemoryMeter meter) {
        NodeRunner runner = new NodeRunner(tables, meter);
        List<Batch> batches = new ArrayList<>();
        for (Relation input : inputs) {
            batches.add(input.materialize());
        }
        Batch current = null;
        for (int i = 0; i < stage.nodes().size(); i++) {
            current = runner.run(stage.nodes().get(i), i == 0 ? batches : List.of(current));
        }
        meter.add(current.estimatedBytes());
        return Relation.of(current);
    }

    @Override
    public void close() {
        parallel.close();
    }
}
