package io.datajax.api;

import static java.util.Objects.requireNonNull;

import io.datajax.api.spi.ExecutionResult;
import io.datajax.api.spi.Executor;
import io.datajax.api.spi.StageListener;
import io.datajax.api.trace.CacheStats;
import io.datajax.api.trace.ExecutorRegistry;
import io.datajax.api.trace.InputSignature;
import io.datajax.api.trace.PlanCache;
import io.datajax.api.trace.TablesawSchemas;
import io.datajax.ir.Schema;
import io.datajax.ir.Sharding;
import io.datajax.ir.error.DataJaxException;
import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.ErrorMessages;
import io.datajax.ir.error.TracingException;
import io.datajax.ir.plan.PlanNode;
import io.datajax.ir.plan.PlanVerifier;
import io.datajax.ir.plan.Scan;
import io.datajax.ir.plan.SourceScan;
import io.datajax.ir.source.DataSink;
import io.datajax.ir.source.DataSource;
import io.datajax.planner.Planner;
import io.datajax.planner.rules.RuleSet;
import io.datajax.planner.stages.StagePlan;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.tablesaw.api.Table;

/**
 * A traced-once, run-many program over tables, made by {@link DataJax#djit} or {@link DataJax#pjit}. Tracing
 * happens on the first call for each input signature (input names, schemas, declared shardings, settings,
 * and for {@code pjit} the mesh and output sharding) and the plan is cached; later calls with the same
 * signature only execute. Thread-safe; the caller's tables are never modified.
 */
public final class JitFunction {
    private static final Logger LOG = LoggerFactory.getLogger(JitFunction.class);
    private static final AtomicLong TRACE_IDS = new AtomicLong();

    private final List<String> positionalNames;
    private final Function<Map<String, Frame>, Frame> body;
    private final DataJaxConfig config;
    private final Executor executor;
    private final StageListener listener;
    private final PlanCache<TracedProgram> cache;
    private final RuleSet rules;
    /** The mesh and shardings of a {@code pjit} function; null for {@code djit}. */
    private final PjitSpec pjit;
    /** Extra explain header lines (what a transform such as vmap made of the function). */
    private final List<String> header;
    private volatile ExecutionRecord lastExecution;
    private volatile TracedProgram lastProgram;

    private JitFunction(List<String> positionalNames, Function<Map<String, Frame>, Frame> body, DataJaxConfig config,
            Executor executor, StageListener listener, PjitSpec pjit, List<String> header) {
        this.positionalNames = positionalNames;
        this.header = List.copyOf(header);
        this.pjit = pjit;
        this.body = body;
        this.config = requireNonNull(config, "config is null");
        this.executor = executor;
        this.listener = requireNonNull(listener, "listener is null");
        this.cache = new PlanCache<>(config.planCacheSize());
        this.rules = RuleSet.standard().withDisabled(config.disabledRules());
    }

    static JitFunction positional(List<String> names, Function<List<Frame>, Frame> fn, DataJaxConfig config) {
        return positional(names, fn, config, null);
    }

    static JitFunction positional(List<String> names, Function<List<Frame>, Frame> fn, DataJaxConfig config,
            PjitSpec pjit) {
        return new JitFunction(List.copyOf(names), frames -> {
            List<Frame> ordered = new ArrayList<>();
            for (String name : names) {
                ordered.add(frames.get(name));
            }
            return fn.apply(ordered);
        }, config, null, StageListener.NONE, pjit, List.of());
    }

    static JitFunction named(NamedFrameFunction fn, DataJaxConfig config) {
        return named(fn, config, null);
    }

    static JitFunction named(NamedFrameFunction fn, DataJaxConfig config, PjitSpec pjit) {
        return new JitFunction(null, frames -> fn.apply(new Inputs(frames)), config, null, StageListener.NONE, pjit, List.of());
    }

    /** This function running on {@code newExecutor} (owned by the caller) instead of the configured one. */
    public JitFunction on(Executor newExecutor) {
        return new JitFunction(positionalNames, body, config, requireNonNull(newExecutor, "executor is null"), listener,
                pjit, header);
    }

    /** This function reporting stage progress to {@code newListener}. */
    public JitFunction withListener(StageListener newListener) {
        return new JitFunction(positionalNames, body, config, executor, newListener, pjit, header);
    }

    /**
     * This {@code pjit} function in strict mode: when the plan's result sharding differs from
     * {@code outShardings}, tracing fails with a {@link io.datajax.ir.error.ShardingException} showing the
     * expected and the actual spec, instead of inserting a repartition stage.
     *
     * @throws TracingException ({@code INVALID_ARGUMENT}) for a function made by {@code djit}
     */
    public JitFunction strict() {
        if (pjit == null) {
            throw new TracingException(ErrorCode.INVALID_ARGUMENT, "strict() applies to pjit functions, which declare"
                    + " outShardings; this one was made by djit. Use DataJax.pjit(fn, mesh, inShardings, outShardings).");
        }
        return new JitFunction(positionalNames, body, config, executor, listener, pjit.strictly(), header);
    }

    /** This function with {@code line} added to its explain header. */
    JitFunction withHeader(String line) {
        List<String> lines = new ArrayList<>(header);
        lines.add(line);
        return new JitFunction(positionalNames, body, config, executor, listener, pjit, lines);
    }

    /** The configuration this function was made with. */
    DataJaxConfig config() {
        return config;
    }

    /** The mesh of a {@code pjit} function, if this is one. */
    public Optional<io.datajax.ir.Mesh> mesh() {
        return Optional.ofNullable(pjit).map(PjitSpec::mesh);
    }

    /** Runs the program on positional inputs (one table per frame parameter). */
    public Table apply(Table... inputs) {
        return run(positional(tablesAsInputs(inputs)), Optional.empty());
    }

    /** Runs the program on positional inputs, each a table or a source. */
    public Table apply(Input... inputs) {
        return run(positional(inputs), Optional.empty());
    }

    /** Runs the program on positional inputs that are all sources (files read by the executor). */
    public Table apply(DataSource first, DataSource... more) {
        return run(positional(sourcesAsInputs(first, more)), Optional.empty());
    }

    /** Runs a {@link DataJax#djitNamed} program on named inputs. */
    public Table apply(Map<String, Table> inputs) {
        requireNonNull(inputs, "inputs is null");
        Map<String, Input> wrapped = new TreeMap<>();
        inputs.forEach((name, table) -> wrapped.put(name, Input.of(requireTable(table, name))));
        return run(named(wrapped), Optional.empty());
    }

    /** Runs a {@link DataJax#djitNamed} program on named inputs, each a table or a source. */
    public Table applyInputs(Map<String, Input> inputs) {
        return run(named(inputs), Optional.empty());
    }

    /**
     * Runs the program and writes its result to {@code sink} instead of returning it: one file per part (one
     * locally, one per rank on the MPJ executor) in a new directory that appears only once complete.
     *
     * @return the parts written: columns {@code file} (STRING), {@code rows} and {@code bytes} (INT64)
     * @throws io.datajax.ir.error.ResourceException (TARGET_EXISTS) when the directory exists and the sink
     *     does not overwrite; (IO_FAILED) when writing fails, after removing what was written
     */
    public Table write(DataSink sink, Table... inputs) {
        return run(positional(tablesAsInputs(inputs)), Optional.of(requireNonNull(sink, "sink is null")));
    }

    /** {@link #write(DataSink, Table...)} on inputs that are tables or sources. */
    public Table write(DataSink sink, Input... inputs) {
        return run(positional(inputs), Optional.of(requireNonNull(sink, "sink is null")));
    }

    /** {@link #write(DataSink, Table...)} for a {@link DataJax#djitNamed} program. */
    public Table write(DataSink sink, Map<String, Input> inputs) {
        return run(named(inputs), Optional.of(requireNonNull(sink, "sink is null")));
    }

    /** Traces and plans against positional schemas without running. */
    public TracedProgram trace(Schema... schemas) {
        List<String> names = requirePositional(schemas.length);
        return program(signature(names, List.of(schemas),
                java.util.Collections.nCopies(schemas.length, Optional.empty()))).value();
    }

    /** Traces and plans against positional inputs (tables or sources) without running or reading them. */
    public TracedProgram trace(Input... inputs) {
        Call call = positional(inputs);
        return program(signature(call.names(), call.schemas(), call.sources())).value();
    }

    /** Traces and plans a named-input program against schemas without running. */
    public TracedProgram trace(Map<String, Schema> schemas) {
        TreeMap<String, Schema> sorted = new TreeMap<>(schemas);
        return program(signature(new ArrayList<>(sorted.keySet()), new ArrayList<>(sorted.values()),
                java.util.Collections.nCopies(sorted.size(), Optional.empty()))).value();
    }

    /** The program of the last call or trace, if any. */
    public Optional<TracedProgram> lastPlan() {
        return Optional.ofNullable(lastProgram);
    }

    /** What the last {@code apply} did, if any. */
    public Optional<ExecutionRecord> lastExecution() {
        return Optional.ofNullable(lastExecution);
    }

    /** Plan cache counters: hits, misses (= traces), evictions. */
    public CacheStats cacheStats() {
        return cache.stats();
    }

    /** The last run's plan with rows and time per stage. */
    public String explain() {
        ExecutionRecord record = lastExecution;
        if (record == null) {
            throw new TracingException(ErrorCode.INVALID_ARGUMENT, "Nothing has run yet, so there is no run to explain."
                    + " Call apply(...) first, or trace(schemas...).explain() to see the plan without running.");
        }
        return record.explain();
    }

    /**
     * The inputs of one call, in input-index order.
     *
     * @param tables per input its table, or an empty placeholder for a source (executors read sources from
     *     the plan, never from this list)
     */
    private record Call(List<String> names, List<Schema> schemas, List<Optional<DataSource>> sources,
            List<Table> tables) {
    }

    private Call positional(Input[] inputs) {
        requireNonNull(inputs, "inputs is null");
        List<String> names = requirePositional(inputs.length);
        Map<String, Input> byName = new LinkedHashMap<>();
        for (int i = 0; i < inputs.length; i++) {
            if (inputs[i] == null) {
                throw new TracingException(ErrorCode.INPUT_MISMATCH, "Input '" + names.get(i) + "' is null; pass a"
                        + " Table (an empty one is fine) or a source.");
            }
            byName.put(names.get(i), inputs[i]);
        }
        return call(byName);
    }

    private Call named(Map<String, Input> inputs) {
        requireNonNull(inputs, "inputs is null");
        if (positionalNames != null) {
            throw new TracingException(ErrorCode.INPUT_MISMATCH, "This function takes positional inputs "
                    + positionalNames + "; call apply(Table...) instead of apply(Map) (apply(Input...) for sources).");
        }
        Map<String, Input> sorted = new TreeMap<>();
        inputs.forEach((name, input) -> {
            if (input == null) {
                throw new TracingException(ErrorCode.INPUT_MISMATCH, "Input '" + name + "' is null; pass a Table"
                        + " (an empty one is fine) or a source.");
            }
            sorted.put(name, input);
        });
        return call(sorted);
    }

    private static Call call(Map<String, Input> inputs) {
        List<String> names = new ArrayList<>(inputs.keySet());
        List<Schema> schemas = new ArrayList<>();
        List<Optional<DataSource>> sources = new ArrayList<>();
        List<Table> tables = new ArrayList<>();
        for (Map.Entry<String, Input> entry : inputs.entrySet()) {
            Input input = entry.getValue();
            if (input.table().isPresent()) {
                Table table = input.table().get();
                schemas.add(TablesawSchemas.schemaOf(table));
                sources.add(Optional.empty());
                tables.add(table);
            } else {
                DataSource source = input.source().orElseThrow();
                schemas.add(source.schema());
                sources.add(Optional.of(source));
                tables.add(Table.create(entry.getKey()));
            }
        }
        return new Call(names, schemas, sources, tables);
    }

    private static Input[] tablesAsInputs(Table[] tables) {
        requireNonNull(tables, "inputs is null");
        Input[] inputs = new Input[tables.length];
        for (int i = 0; i < tables.length; i++) {
            inputs[i] = tables[i] == null ? null : Input.of(tables[i]);
        }
        return inputs;
    }

    private static Input[] sourcesAsInputs(DataSource first, DataSource[] more) {
        requireNonNull(more, "sources is null");
        Input[] inputs = new Input[more.length + 1];
        inputs[0] = Input.of(requireNonNull(first, "source is null"));
        for (int i = 0; i < more.length; i++) {
            inputs[i + 1] = Input.of(requireNonNull(more[i], "source is null"));
        }
        return inputs;
    }

    private Table run(Call call, Optional<DataSink> sink) {
        long start = System.nanoTime();
        Executor target = executor();
        if (pjit != null) {
            pjit.requireRanks(target.name(), target.parallelism());
        }
        PlanCache.Lookup<TracedProgram> lookup = program(signature(call.names(), call.schemas(), call.sources()));
        TracedProgram program = lookup.value();
        List<Table> tables = Collections.unmodifiableList(call.tables());
        StagePlan plan = program.stagePlan().rebind(inMemoryRebinding(program.signature(), call.sources()));
        ExecutionResult result = sink.isPresent()
                ? target.write(plan, tables, sink.get(), listener)
                : target.execute(plan, tables, listener);
        long nanos = System.nanoTime() - start;
        lastExecution = new ExecutionRecord(target.name(), result.mode(), lookup.hit(), result.stages(), nanos, program);
        return result.table();
    }

    /**
     * For a cached plan traced on other in-memory sources (equal by schema), which of them this call's sources
     * replace. Empty when the plan was traced on this call's very sources.
     */
    private static IdentityHashMap<DataSource, DataSource> inMemoryRebinding(InputSignature traced,
            List<Optional<DataSource>> current) {
        IdentityHashMap<DataSource, DataSource> replacements = new IdentityHashMap<>();
        for (int i = 0; i < current.size(); i++) {
            Optional<DataSource> now = current.get(i);
            Optional<DataSource> then = traced.sources().get(i);
            if (now.isPresent() && then.isPresent() && now.get().inMemory() && now.get() != then.get()) {
                replacements.put(then.get(), now.get());
            }
        }
        return replacements;
    }

    private PlanCache.Lookup<TracedProgram> program(InputSignature signature) {
        PlanCache.Lookup<TracedProgram> lookup = cache.get(signature, this::compile);
        lastProgram = lookup.value();
        return lookup;
    }

    private InputSignature signature(List<String> names, List<Schema> schemas, List<Optional<DataSource>> sources) {
        Executor target = executor();
        List<Sharding> shardings = new ArrayList<>();
        if (pjit != null) {
            pjit.requireRanks(target.name(), target.parallelism());
            shardings.addAll(pjit.inputShardings(names, schemas));
        } else {
            for (int i = 0; i < schemas.size(); i++) {
                shardings.add(Sharding.blocks());
            }
        }
        String settings = "executor=" + target.name() + ", parallelism=" + target.parallelism() + ", disabledRules="
                + config.disabledRules().stream().sorted().toList() + (pjit == null ? "" : ", " + pjit.settings());
        for (int i = 0; i < sources.size(); i++) {
            if (sources.get(i).isPresent() && !(shardings.get(i) instanceof Sharding.Blocks)) {
                throw new io.datajax.ir.error.ShardingException(ErrorCode.INVALID_SHARDING, "Input '" + names.get(i)
                        + "' is the source " + sources.get(i).get().describe() + ", which ranks read in blocks of"
                        + " its parts; its in-sharding must be Sharding.blocks(), not " + shardings.get(i)
                        + ". Repartition inside the function instead (frame.repartition(Sharding.byKey(...))).");
            }
        }
        return new InputSignature(names, schemas, shardings, sources, settings);
    }

    private TracedProgram compile(InputSignature signature) {
        TraceContext context = new TraceContext(TRACE_IDS.incrementAndGet());
        Map<String, Frame> frames = new LinkedHashMap<>();
        for (int i = 0; i < signature.names().size(); i++) {
            String name = signature.names().get(i);
            Optional<DataSource> source = signature.sources().get(i);
            PlanNode input = source.isPresent() ? SourceScan.of(source.get(), signature.shardings().get(i))
                    : new Scan(i, name, signature.schemas().get(i), signature.shardings().get(i));
            frames.put(name, new Frame(context, input));
        }
        Frame out;
        try {
            out = context.record(() -> body.apply(frames));
        } catch (DataJaxException e) {
            throw e.withCallSite(null);
        }
        if (out == null) {
            throw new TracingException(ErrorCode.INVALID_ARGUMENT, "The traced function returned null; it must return"
                    + " a Frame built from its inputs.").withCallSite(null);
        }
        context.requireSameTrace(out.context(), "return");
        PlanNode traced = out.node();
        if (config.verifyPlans()) {
            PlanVerifier.verify(traced);
        }
        Executor target = executor();
        Planner planner = new Planner(rules, config.verifyPlans());
        StagePlan plan;
        try {
            plan = pjit == null ? planner.plan(traced, target.parallelism())
                    : planner.plan(traced, pjit.mesh(), Optional.of(pjit.out()), pjit.strict());
        } catch (DataJaxException e) {
            throw e.withCallSite(null);
        }
        LOG.debug("traced {} inputs {} into {} stages", signature.names(), signature.schemas(), plan.stages().size());
        List<String> lines = new ArrayList<>();
        if (pjit != null) {
            lines.add(pjit.header());
        }
        lines.addAll(header);
        return new TracedProgram(signature, plan, target.name(), lines);
    }

    private Executor executor() {
        return executor != null ? executor : ExecutorRegistry.shared(config);
    }

    private List<String> requirePositional(int given) {
        if (positionalNames == null) {
            throw new TracingException(ErrorCode.INPUT_MISMATCH, "This function takes named inputs; call apply(Map)"
                    + " or trace(Map) with a table or schema per input name.");
        }
        if (given != positionalNames.size()) {
            throw new TracingException(ErrorCode.INPUT_MISMATCH, "This function takes " + positionalNames.size()
                    + " input(s) " + ErrorMessages.list(positionalNames) + " but was given " + given + ".");
        }
        return positionalNames;
    }

    private static Table requireTable(Table table, String name) {
        if (table == null) {
            throw new TracingException(ErrorCode.INPUT_MISMATCH, "Input '" + name + "' is null; pass a Table"
                    + " (an empty one is fine).");
        }
        return table;
    }
}
