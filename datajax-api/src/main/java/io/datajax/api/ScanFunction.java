package io.datajax.api;

import static java.util.Objects.requireNonNull;

import io.datajax.api.spi.CallInput;
import io.datajax.api.spi.ExecutionResult;
import io.datajax.api.spi.Executor;
import io.datajax.api.spi.KeptResult;
import io.datajax.api.spi.KeptTable;
import io.datajax.api.spi.StageListener;
import io.datajax.api.trace.ExecutorRegistry;
import io.datajax.api.trace.InputSignature;
import io.datajax.api.trace.TablesawSchemas;
import io.datajax.ir.Field;
import io.datajax.ir.Schema;
import io.datajax.ir.Sharding;
import io.datajax.ir.error.DataJaxException;
import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.SchemaException;
import io.datajax.ir.error.TracingException;
import io.datajax.ir.plan.PlanNode;
import io.datajax.ir.plan.PlanVerifier;
import io.datajax.ir.plan.Plans;
import io.datajax.ir.plan.Scan;
import io.datajax.ir.plan.SourceScan;
import io.datajax.ir.source.DataSource;
import io.datajax.planner.Planner;
import io.datajax.planner.rules.RuleSet;
import io.datajax.planner.stages.StagePlan;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.tablesaw.api.Table;

/**
 * A loop over an ordered sequence of chunks with a carried table, made by {@link DataJax#scan}: for each chunk,
 * {@code body(carry, chunk)} gives the next carry and the chunk's output. The body is traced once (per carry and
 * chunk schema) into two plans, the next carry's and the output's, which run on every chunk; nothing is kept
 * between runs, so two runs with the same arguments give the same result.
 *
 * <pre>{@code
 * // running totals per user over daily files
 * ScanFunction totals = DataJax.scan((carry, day) -> {
 *     Frame next = carry.union(day.select("user", "amount")).groupBy("user").agg(sum("amount"));
 *     return ScanStep.of(next, next);
 * });
 * ScanResult result = totals.apply(emptyTotals, Sources.parquet(Path.of("days")));   // one chunk per file
 * }</pre>
 *
 * <p>Between chunks the carry stays where the executor put it ({@link Executor#executeAndKeep}): on the MPJ
 * executor every rank keeps its shard of the carry, and when the carry plan leaves it {@code byKey(k)} the next
 * step's plan is told so, so a group-by or join on {@code k} needs no exchange. Only the last step's carry is
 * gathered. Immutable and thread-safe.
 */
public final class ScanFunction {
    private static final Logger LOG = LoggerFactory.getLogger(ScanFunction.class);
    private static final AtomicLong TRACE_IDS = new AtomicLong(1L << 40);
    private static final String NOTE = "scan traces its body once for every chunk, so what the body computes (and"
            + " the carry's schema) cannot depend on a chunk's rows. ";

    private final ScanBody body;
    private final DataJaxConfig config;
    private final Executor executor;
    private final StageListener listener;
    private final ConcurrentHashMap<Key, Programs> cache = new ConcurrentHashMap<>();
    private final AtomicLong traces = new AtomicLong();
    private volatile ScanExecution lastExecution;

    private ScanFunction(ScanBody body, DataJaxConfig config, Executor executor, StageListener listener) {
        this.body = requireNonNull(body, "body is null");
        this.config = requireNonNull(config, "config is null");
        this.executor = executor;
        this.listener = requireNonNull(listener, "listener is null");
    }

    static ScanFunction of(ScanBody body, DataJaxConfig config) {
        return new ScanFunction(body, config, null, StageListener.NONE);
    }

    /** This scan running its steps on {@code newExecutor} (owned by the caller). */
    public ScanFunction on(Executor newExecutor) {
        return new ScanFunction(body, config, requireNonNull(newExecutor, "executor is null"), listener);
    }

    /** This scan reporting every step's stages to {@code newListener}. */
    public ScanFunction withListener(StageListener newListener) {
        return new ScanFunction(body, config, executor, newListener);
    }

    /** Runs the scan over {@code chunks} in list order, collecting every chunk's output. */
    public ScanResult apply(Table initialCarry, List<Table> chunks) {
        requireNonNull(chunks, "chunks is null");
        List<Input> inputs = new ArrayList<>(chunks.size());
        for (int i = 0; i < chunks.size(); i++) {
            if (chunks.get(i) == null) {
                throw new TracingException(ErrorCode.INPUT_MISMATCH, "Chunk " + i + " given to scan is null; pass a"
                        + " Table (an empty one is fine).");
            }
            inputs.add(Input.of(chunks.get(i)));
        }
        return run(initialCarry, inputs, Optional.empty());
    }

    /**
     * Runs the scan with one chunk per file of {@code chunks} (a directory: its files in name order), collecting
     * every chunk's output. The ranks of an MPJ executor read each file themselves.
     */
    public ScanResult apply(Table initialCarry, DataSource chunks) {
        requireNonNull(chunks, "chunks is null");
        List<Input> inputs = new ArrayList<>();
        for (DataSource file : chunks.perFile()) {
            inputs.add(Input.of(file));
        }
        return run(initialCarry, inputs, Optional.empty());
    }

    /**
     * Runs the scan over chunks taken one at a time from {@code chunks} (tables or sources, e.g. the batches of an
     * Arrow stream), collecting every chunk's output.
     */
    public ScanResult apply(Table initialCarry, Iterable<? extends Input> chunks) {
        return run(initialCarry, requireNonNull(chunks, "chunks is null"), Optional.empty());
    }

    /**
     * Runs the scan over chunks taken one at a time from {@code chunks}, handing each chunk's output to
     * {@code outputs} as soon as it is computed instead of collecting them (for long sequences).
     *
     * @return the final carry; {@link ScanResult#outputs()} is empty
     */
    public ScanResult apply(Table initialCarry, Iterable<? extends Input> chunks, Consumer<Table> outputs) {
        return run(initialCarry, requireNonNull(chunks, "chunks is null"),
                Optional.of(requireNonNull(outputs, "outputs is null")));
    }

    /** The plans the body was traced into for these schemas, without running (the first step's). */
    public ScanPlans trace(Schema carry, Schema chunk) {
        Programs programs = programs(new Key(carry, chunk, Optional.empty()), Optional.empty());
        return new ScanPlans(programs.carryFirst(), programs.outputFirst(), programs.carryLater(),
                programs.outputLater(), programs.fromNextLater());
    }

    /** How many times the body has been traced (once per distinct carry and chunk schema). */
    public long traceCount() {
        return traces.get();
    }

    /** What the last run did, if any. */
    public Optional<ScanExecution> lastExecution() {
        return Optional.ofNullable(lastExecution);
    }

    /**
     * The stage plans of a scan: the carry's and the output's, for the first step (whose carry is the caller's
     * table) and for later steps (whose carry the executor kept, possibly declared {@code byKey}); and, when the
     * output is built from the next carry, the output plan that reads the kept next carry (input 2) instead of
     * computing it again (every step but the last runs that one).
     */
    public record ScanPlans(StagePlan carryFirst, StagePlan outputFirst, StagePlan carryLater, StagePlan outputLater,
            Optional<StagePlan> outputFromNextCarry) {
        /** The plans as {@code explain} text. */
        public String explain() {
            return "scan carry plan (first step):\n" + io.datajax.planner.stages.ExplainPrinter.print(carryFirst,
                    List.of(), java.util.Map.of()) + "\nscan output plan (first step):\n"
                    + io.datajax.planner.stages.ExplainPrinter.print(outputFirst, List.of(), java.util.Map.of())
                    + (carryLater == carryFirst ? "" : "\nscan carry plan (later steps):\n"
                    + io.datajax.planner.stages.ExplainPrinter.print(carryLater, List.of(), java.util.Map.of()))
                    + outputFromNextCarry.map(plan -> "\nscan output plan (steps but the last, from the kept next"
                    + " carry):\n" + io.datajax.planner.stages.ExplainPrinter.print(plan, List.of(), java.util.Map.of()))
                    .orElse("");
        }
    }

    /** What the plans depend on: the carry's and a chunk's schema, and the first chunk's source kind if any. */
    private record Key(Schema carry, Schema chunk, Optional<String> sourceFormat) {
    }

    /** The traced plans, and the source the chunk input was traced on (rebound to each chunk's). */
    private record Programs(StagePlan carryFirst, StagePlan outputFirst, StagePlan carryLater, StagePlan outputLater,
            Optional<DataSource> tracedSource, Optional<StagePlan> fromNextFirst, Optional<StagePlan> fromNextLater,
            Sharding keptAs) {
    }

    private ScanResult run(Table initialCarry, Iterable<? extends Input> chunks, Optional<Consumer<Table>> sink) {
        requireNonNull(initialCarry, "initialCarry is null");
        long start = System.nanoTime();
        Executor target = executor();
        Schema carrySchema = TablesawSchemas.schemaOf(initialCarry);
        List<Table> outputs = new ArrayList<>();
        Iterator<? extends Input> it = chunks.iterator();
        CallInput carry = CallInput.of(initialCarry);
        KeptTable kept = null;
        Table finalCarry = null;
        int step = 0;
        Schema firstChunk = null;
        boolean traced = false;
        String carryKept = "no step kept a carry";
        ExecutionRecord lastCarry = null;
        ExecutionRecord lastOutput = null;
        try {
            while (it.hasNext()) {
                Input chunk = requireNonNull(it.next(), () -> "chunk is null");
                Schema chunkSchema = chunk.table().map(TablesawSchemas::schemaOf)
                        .orElseGet(() -> chunk.source().orElseThrow().schema());
                if (firstChunk == null) {
                    firstChunk = chunkSchema;
                } else {
                    requireSameChunkSchema(firstChunk, chunkSchema, step);
                }
                Key key = new Key(carrySchema, firstChunk, chunk.source().map(DataSource::format));
                long tracesBefore = traces.get();
                Programs programs = programs(key, chunk.source());
                traced |= traces.get() != tracesBefore;
                // later plans declare the carry as the carry plan placed it; only a carry kept that way may use them
                boolean later = step > 0 && kept != null && kept.sharding().equals(programs.keptAs());
                StagePlan carryPlan = later ? programs.carryLater() : programs.carryFirst();
                StagePlan outputPlan = later ? programs.outputLater() : programs.outputFirst();
                Optional<StagePlan> fromNext = later ? programs.fromNextLater() : programs.fromNextFirst();
                List<CallInput> inputs = List.of(carry, CallInput.of(chunk.table().orElseGet(() -> Table.create("chunk"))));
                if (chunk.source().isPresent()) {
                    IdentityHashMap<DataSource, DataSource> rebind = new IdentityHashMap<>();
                    rebind.put(programs.tracedSource().orElseThrow(), chunk.source().get());
                    carryPlan = carryPlan.rebind(rebind);
                    outputPlan = outputPlan.rebind(rebind);
                    fromNext = fromNext.map(plan -> plan.rebind(rebind));
                }
                boolean last = !it.hasNext();
                if (!last && fromNext.isPresent()) {
                    // the output reads the next carry: keep it first, then derive the output from it
                    long carryStart = System.nanoTime();
                    KeptResult next = target.executeAndKeep(carryPlan, inputs, listener);
                    lastCarry = record(target, next.mode(), next.stages(), carryStart, carryPlan, key);
                    long outputStart = System.nanoTime();
                    List<CallInput> withNext = List.of(inputs.get(0), inputs.get(1), CallInput.of(next.table()));
                    ExecutionResult out;
                    try {
                        out = target.executeInputs(fromNext.get(), withNext, listener);
                    } catch (RuntimeException | Error e) {
                        next.table().close();
                        throw e;
                    }
                    lastOutput = record(target, out.mode(), out.stages(), outputStart, fromNext.get(), key);
                    if (sink.isPresent()) {
                        sink.get().accept(out.table());
                    } else {
                        outputs.add(out.table());
                    }
                    if (kept != null) {
                        kept.close();
                    }
                    kept = next.table();
                    carry = CallInput.of(kept);
                    carryKept = "kept by " + kept.executor() + " as " + kept.sharding();
                    step++;
                    continue;
                }
                long stepStart = System.nanoTime();
                ExecutionResult out = target.executeInputs(outputPlan, inputs, listener);
                lastOutput = record(target, out.mode(), out.stages(), stepStart, outputPlan, key);
                if (sink.isPresent()) {
                    sink.get().accept(out.table());
                } else {
                    outputs.add(out.table());
                }
                long carryStart = System.nanoTime();
                if (last) {
                    ExecutionResult next = target.executeInputs(carryPlan, inputs, listener);
                    finalCarry = next.table();
                    lastCarry = record(target, next.mode(), next.stages(), carryStart, carryPlan, key);
                } else {
                    KeptResult next = target.executeAndKeep(carryPlan, inputs, listener);
                    if (kept != null) {
                        kept.close();
                    }
                    kept = next.table();
                    carry = CallInput.of(kept);
                    carryKept = "kept by " + kept.executor() + " as " + kept.sharding();
                    lastCarry = record(target, next.mode(), next.stages(), carryStart, carryPlan, key);
                }
                step++;
            }
        } finally {
            if (kept != null) {
                kept.close();
            }
        }
        if (finalCarry == null) {
            finalCarry = initialCarry.copy();
        }
        lastExecution = new ScanExecution(target.name(), step, traced, carryKept, System.nanoTime() - start,
                lastCarry, lastOutput);
        LOG.debug("scan ran {} steps on {}; carry {}", step, target.name(), carryKept);
        return new ScanResult(finalCarry, outputs);
    }

    private ExecutionRecord record(Executor target, String mode, List<io.datajax.planner.stages.StageMetrics> stages,
            long start, StagePlan plan, Key key) {
        InputSignature signature = new InputSignature(List.of("carry", "chunk"), List.of(key.carry(), key.chunk()),
                List.of(Sharding.blocks(), Sharding.blocks()), target.name());
        TracedProgram program = new TracedProgram(signature, plan, target.name(),
                List.of("scan step: one plan of the body, traced once"));
        return new ExecutionRecord(target.name(), mode, true, stages, System.nanoTime() - start, program);
    }

    private Programs programs(Key key, Optional<DataSource> firstSource) {
        return cache.computeIfAbsent(key, k -> compile(k, firstSource));
    }

    private Programs compile(Key key, Optional<DataSource> source) {
        traces.incrementAndGet();
        TraceContext context = new TraceContext(TRACE_IDS.incrementAndGet());
        Scan carryScan = new Scan(0, "carry", key.carry(), Sharding.blocks());
        PlanNode chunkNode = source.isPresent() ? SourceScan.of(source.get(), Sharding.blocks())
                : new Scan(1, "chunk", key.chunk(), Sharding.blocks());
        ScanStep step;
        try {
            step = context.record(() -> context.inTransform(NOTE,
                    () -> body.apply(new Frame(context, carryScan), new Frame(context, chunkNode))));
        } catch (DataJaxException e) {
            throw e.withCallSite(null);
        }
        if (step == null) {
            throw new TracingException(ErrorCode.INVALID_ARGUMENT, "The scan body returned null; return"
                    + " ScanStep.of(nextCarry, output).");
        }
        context.requireSameTrace(step.carry().context(), "return (as the carry)");
        context.requireSameTrace(step.output().context(), "return (as the output)");
        requireSameCarry(key.carry(), step.carry().schema());
        PlanNode carryRoot = step.carry().node();
        PlanNode outputRoot = step.output().node();
        if (config.verifyPlans()) {
            PlanVerifier.verify(carryRoot);
            PlanVerifier.verify(outputRoot);
        }
        Executor target = executor();
        Planner planner = new Planner(RuleSet.standard().withDisabled(config.disabledRules()), config.verifyPlans());
        int parallelism = target.parallelism();
        StagePlan carryFirst = planner.plan(carryRoot, parallelism);
        StagePlan outputFirst = planner.plan(outputRoot, parallelism);
        StagePlan carryLater = carryFirst;
        StagePlan outputLater = outputFirst;
        Sharding kept = carryFirst.result().sharding();
        if (parallelism > 1 && kept instanceof Sharding.ByKey && kept.axis().isEmpty()) {
            Scan declared = new Scan(0, "carry", key.carry(), kept);
            StagePlan carryAgain = planner.plan(replace(carryRoot, carryScan, declared), parallelism);
            if (carryAgain.result().sharding().equals(kept)) {
                carryLater = carryAgain;
                outputLater = planner.plan(replace(outputRoot, carryScan, declared), parallelism);
            }
        }
        Optional<StagePlan> fromNextFirst = Optional.empty();
        Optional<StagePlan> fromNextLater = Optional.empty();
        if (readsNode(outputRoot, carryRoot)) {
            fromNextFirst = Optional.of(planner.plan(replace(outputRoot, carryRoot,
                    nextCarryScan(carryRoot)), parallelism));
            PlanNode laterOutput = carryLater == carryFirst ? outputRoot
                    : replace(outputRoot, carryScan, new Scan(0, "carry", key.carry(), kept));
            PlanNode laterCarryRoot = carryLater == carryFirst ? carryRoot
                    : replace(carryRoot, carryScan, new Scan(0, "carry", key.carry(), kept));
            PlanNode laterWithNext = carryLater == carryFirst ? replace(outputRoot, carryRoot,
                    nextCarryScan(carryRoot))
                    : replaceShared(laterOutput, laterCarryRoot, nextCarryScan(carryRoot));
            fromNextLater = Optional.of(planner.plan(laterWithNext, parallelism));
        }
        LOG.debug("traced scan body: carry {} chunk {}; carry kept as {}; output {}", key.carry(), key.chunk(),
                carryLater.stages().get(0).sharding(), fromNextFirst.isPresent() ? "read from the kept next carry"
                        : "computed on its own");
        return new Programs(carryFirst, outputFirst, carryLater, outputLater,
                source.map(s -> ((SourceScan) chunkNode).source()), fromNextFirst, fromNextLater, kept);
    }

    /** Whether {@code node} (by identity) is part of {@code root}'s plan. */
    private static boolean readsNode(PlanNode root, PlanNode node) {
        for (PlanNode part : Plans.postOrder(root)) {
            if (part == node) {
                return true;
            }
        }
        return false;
    }

    /**
     * The input (index 2) that stands for the next carry kept by the carry plan: its columns, all nullable (as a
     * kept table is read), declared {@code blocks} (always true, wherever the executor kept the rows).
     */
    private static Scan nextCarryScan(PlanNode carryRoot) {
        List<Field> fields = new ArrayList<>();
        for (Field field : carryRoot.schema().fields()) {
            fields.add(new Field(field.name(), field.type(), true));
        }
        return new Scan(2, "next carry", new Schema(fields), Sharding.blocks());
    }

    /** {@code root} with the node structurally equal to {@code from} (after the same rewrite) replaced by {@code to}. */
    private static PlanNode replaceShared(PlanNode root, PlanNode from, PlanNode to) {
        return Plans.transformUp(root, node -> node.equals(from) ? to : node);
    }

    private static PlanNode replace(PlanNode root, PlanNode from, PlanNode to) {
        return Plans.transformUp(root, node -> node == from ? to : node);
    }

    private static void requireSameCarry(Schema given, Schema returned) {
        List<String> drift = new ArrayList<>();
        for (Field field : given.fields()) {
            Optional<Field> now = returned.find(field.name());
            if (now.isEmpty()) {
                drift.add("column '" + field.name() + "' (" + field.type() + ") is gone");
            } else if (now.get().type() != field.type()) {
                drift.add("column '" + field.name() + "' changed from " + field.type() + " to " + now.get().type());
            }
        }
        for (Field field : returned.fields()) {
            if (!given.contains(field.name())) {
                drift.add("column '" + field.name() + "' (" + field.type() + ") is new");
            }
        }
        if (drift.isEmpty() && !given.names().equals(returned.names())) {
            drift.add("the columns are in another order " + returned.names() + " (given: " + given.names() + ")");
        }
        if (!drift.isEmpty()) {
            throw new SchemaException(ErrorCode.TYPE_MISMATCH, "The carry a scan body returns must have the schema of"
                    + " the carry it is given, " + given + ", so that every step runs one plan; here "
                    + String.join(", ", drift) + ". Select, cast or rename in the body (e.g. col(\"total\")"
                    + ".cast(DataType.INT64)), or start from an initial carry of the schema the body returns.");
        }
    }

    private static void requireSameChunkSchema(Schema first, Schema chunk, int index) {
        if (!Objects.equals(first.names(), chunk.names())
                || !first.fields().stream().map(Field::type).toList().equals(chunk.fields().stream().map(Field::type).toList())) {
            throw new SchemaException(ErrorCode.INPUT_MISMATCH, "Chunk " + index + " given to scan has the schema "
                    + chunk + ", but chunk 0 has " + first + "; every chunk needs the same columns and types (the body"
                    + " is traced once). Select or cast the odd chunk's columns first.");
        }
    }

    private Executor executor() {
        return executor != null ? executor : ExecutorRegistry.shared(config);
    }
}
