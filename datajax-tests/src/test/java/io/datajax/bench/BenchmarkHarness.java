package io.datajax.bench;

import static java.util.Objects.requireNonNull;

import io.datajax.api.DataJaxConfig;
import io.datajax.api.ExecutionRecord;
import io.datajax.api.JitFunction;
import io.datajax.bench.WorkloadResult.DataJaxProfile;
import io.datajax.bench.WorkloadResult.MpjRun;
import io.datajax.planner.stages.StageMetrics;
import io.datajax.runtime.Executors;
import io.datajax.runtime.mpj.MpjSettings;
import io.datajax.runtime.mpj.exec.MpjExecutor;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.duckdb.DuckDBConnection;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

/**
 * Runs the PEERS.md workloads on DataJax (local executor, 1 and 2 threads), DuckDB (JDBC, threads=1 and 2),
 * idiomatic Tablesaw and a hand-written loop, checks that every engine's result equals DuckDB's, and prints a
 * markdown report of median times and ratios. Exits with status 1 if any result differs, 2 on a bad option.
 *
 * <p>With {@code --mpj} it also runs the MPJ executor in driver mode ("DataJax MPJ 1r / 2r / 4r", rank counts
 * from {@code --mpj-ranks}) on {@link Workloads#MPJ_WORKLOADS}: one warm rank pool per rank count, started on
 * first use and closed at the end of the run; per run the median time, the bytes the ranks exchanged and the
 * time in exchanges ({@link MpjExecutor#lastCall()}), checked against DuckDB like every other engine.
 *
 * <pre>{@code
 * mvn -q -B -DskipTests install
 * mvn -q -B -pl datajax-tests exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.datajax.bench.BenchmarkHarness -Dexec.args="--quick"
 * }</pre>
 *
 * Progress goes to standard error, the report to standard output. See {@code docs/benchmarks.md}.
 */
public final class BenchmarkHarness {
    private final BenchmarkOptions options;
    private final PrintStream log;
    /** The warm MPJ pools by rank count, started on first use; closed at the end of {@link #run()}. */
    private final Map<Integer, MpjExecutor> pools = new TreeMap<>();

    static {
        // Workaround for a DataJax bug found by this harness: DataJax maps Tablesaw types by identity
        // (type == ColumnType.DOUBLE), but if DoubleColumn.create(...) is a JVM's first use of Tablesaw, Tablesaw's
        // class-initialisation cycle leaves DoubleColumnType.instance() != ColumnType.DOUBLE, and DataJax then
        // rejects a DOUBLE column as unsupported. Initialising ColumnType first keeps the instances identical.
        requireNonNull(ColumnType.DOUBLE, "ColumnType.DOUBLE");
    }

    BenchmarkHarness(BenchmarkOptions options, PrintStream log) {
        this.options = options;
        this.log = log;
    }

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help")) {
            System.out.print(BenchmarkOptions.USAGE);
            return;
        }
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(args);
            requireKnownWorkloads(options);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        BenchmarkReport report = new BenchmarkHarness(options, System.err).run();
        System.out.println(report.markdown());
        if (!report.mismatches().isEmpty()) {
            System.err.println("RESULT MISMATCH: " + report.mismatches());
            System.exit(1);
        }
    }

    static void requireKnownWorkloads(BenchmarkOptions options) {
        Set<String> known = Workloads.selectors(options);
        for (String name : options.workloads()) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException("Unknown workload '" + name + "'. Valid: " + known + ".");
            }
        }
    }

    /** Runs every selected workload and the cached-call probe, and returns the report. */
    BenchmarkReport run() throws SQLException {
        try {
            return runAll();
        } finally {
            for (MpjExecutor pool : pools.values()) {
                pool.close();
            }
            pools.clear();
        }
    }

    private BenchmarkReport runAll() throws SQLException {
        requireKnownWorkloads(options);
        List<WorkloadResult> results = new ArrayList<>();
        String duckDbVersion;
        try (DuckDBConnection duckDb = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:")) {
            duckDbVersion = query(duckDb, "SELECT version()");
            for (Workload workload : Workloads.all(options)) {
                if (options.selects(workload.id(), workload.family())) {
                    results.add(runWorkload(workload, duckDb));
                }
            }
        }
        CachedCallProbe.Result probe = null;
        if (options.selects(Workloads.CACHED_CALL, Workloads.CACHED_CALL)) {
            log.printf(Locale.ROOT, "%s: %d warm-up and %d measured calls%n", Workloads.CACHED_CALL, options.calls(),
                    options.calls());
            probe = CachedCallProbe.run(options.calls());
        }
        return new BenchmarkReport(options, Machine.describe(duckDbVersion), results, probe);
    }

    private WorkloadResult runWorkload(Workload workload, DuckDBConnection duckDb) throws SQLException {
        long start = System.nanoTime();
        Workload.Prepared prepared = workload.prepare();
        double generateMillis = (System.nanoTime() - start) / 1e6;
        start = System.nanoTime();
        prepared.loadInto(duckDb);
        double loadMillis = (System.nanoTime() - start) / 1e6;
        log.printf(Locale.ROOT, "%s: %,d rows generated in %.0f ms, loaded into DuckDB in %.0f ms%n", workload.id(),
                workload.rows(), generateMillis, loadMillis);

        Map<Engine, Timings> timings = WorkloadResult.newTimings();
        Map<Engine, ResultRows> answers = new EnumMap<>(Engine.class);
        Map<Engine, DataJaxProfile> profiles = new EnumMap<>(Engine.class);
        for (Engine engine : Engine.values()) {
            if (engine == Engine.TABLESAW && options.skipTablesaw()) {
                continue;
            }
            System.gc();
            Measured measured = measure(engine, prepared, duckDb);
            timings.put(engine, measured.timings());
            answers.put(engine, measured.answer());
            if (measured.profile() != null) {
                profiles.put(engine, measured.profile());
            }
            log.printf(Locale.ROOT, "  %-11s ran %d time(s)%n", engine.label(), measured.timings().count());
        }
        for (String table : prepared.duckDbTables()) {
            execute(duckDb, "DROP TABLE " + table);
        }

        ResultRows reference = answers.get(Engine.DUCKDB_1);
        Map<Engine, String> mismatches = new EnumMap<>(Engine.class);
        for (Map.Entry<Engine, ResultRows> answer : answers.entrySet()) {
            answer.getValue().difference(reference).ifPresent(diff -> mismatches.put(answer.getKey(), diff));
        }
        log.printf(Locale.ROOT, "  results checked against DuckDB 1t (%d rows): %s%n", reference.size(),
                mismatches.isEmpty() ? "all equal" : "MISMATCH " + mismatches);
        SortedMap<Integer, MpjRun> mpjRuns = new TreeMap<>();
        if (options.mpj() && Workloads.MPJ_WORKLOADS.contains(workload.id())) {
            for (int ranks : options.mpjRanks()) {
                System.gc();
                MpjRun run = measureMpj(ranks, prepared, reference);
                mpjRuns.put(ranks, run);
                log.printf(Locale.ROOT, "  %-15s median %s ms, exchanged %.1f MB in %s ms, %s%s%n", run.label(),
                        BenchmarkReport.millis(run.timings().medianMillis()), run.bytesExchanged() / 1e6,
                        BenchmarkReport.millis(run.exchangeMillis()),
                        run.mismatch().map(diff -> "MISMATCH " + diff).orElse("equal to DuckDB 1t"),
                        run.joinStrategy().isEmpty() ? "" : "; " + run.joinStrategy());
            }
        }
        WorkloadResult result = new WorkloadResult(workload, reference.size(), generateMillis, loadMillis, timings,
                mismatches, profiles, mpjRuns);
        log.println("  " + BenchmarkReport.row(result));
        return result;
    }

    private record Measured(Timings timings, ResultRows answer, DataJaxProfile profile) {
    }

    /** Runs {@code engine} warm-up + repeats times; the first run's answer is the one checked. */
    private Measured measure(Engine engine, Workload.Prepared prepared, DuckDBConnection duckDb) throws SQLException {
        int warmup = engine == Engine.TABLESAW ? 0 : options.warmup();
        int repeats = engine == Engine.TABLESAW ? options.tablesawRuns() : options.repeats();
        EngineCall call = prepare(engine, prepared, duckDb);
        long[] nanos = new long[repeats];
        List<ExecutionRecord> records = new ArrayList<>();
        Supplier<ResultRows> first = null;
        for (int run = 0; run < warmup + repeats; run++) {
            long start = System.nanoTime();
            Supplier<ResultRows> answer = call.run();
            long elapsed = System.nanoTime() - start;
            if (first == null) {
                first = answer;
            }
            if (run >= warmup) {
                nanos[run - warmup] = elapsed;
                call.lastExecution().ifPresent(records::add);
            }
        }
        return new Measured(new Timings(nanos), first.get(), records.isEmpty() ? null : profile(records));
    }

    /**
     * Runs {@code prepared}'s query on the warm pool of {@code ranks} ranks, warm-up + repeats times, and checks the
     * first answer against {@code reference}. A failed call is reported as a mismatch, not thrown.
     */
    private MpjRun measureMpj(int ranks, Workload.Prepared prepared, ResultRows reference) {
        String label = "DataJax MPJ " + ranks + "r";
        long[] nanos = new long[options.repeats()];
        long[] bytes = new long[options.repeats()];
        long[] exchange = new long[options.repeats()];
        long[][] phases = new long[4][options.repeats()];
        String strategy = "";
        ResultRows first = null;
        try {
            MpjExecutor pool = pool(ranks);
            JitFunction fn = prepared.jit(DataJaxConfig.defaults()).on(pool);
            Table[] inputs = prepared.tables().toArray(Table[]::new);
            for (int run = 0; run < options.warmup() + options.repeats(); run++) {
                long start = System.nanoTime();
                Table out = fn.apply(inputs);
                long elapsed = System.nanoTime() - start;
                if (first == null) {
                    first = ResultRows.fromTable(out, prepared.resultKeys(), prepared.resultValues());
                    strategy = joinStrategy(fn.lastExecution());
                }
                if (run >= options.warmup()) {
                    MpjExecutor.CallRecord call = pool.lastCall().orElseThrow();
                    nanos[run - options.warmup()] = elapsed;
                    bytes[run - options.warmup()] = call.bytesExchanged();
                    exchange[run - options.warmup()] = call.exchangeNanos();
                    phases[0][run - options.warmup()] = call.prepareNanos();
                    phases[1][run - options.warmup()] = call.ranksNanos();
                    phases[2][run - options.warmup()] = call.stageNanos();
                    phases[3][run - options.warmup()] = call.gatherNanos();
                }
            }
        } catch (RuntimeException e) {
            log.printf(Locale.ROOT, "  %s FAILED: %s%n", label, e);
            return new MpjRun(ranks, new Timings(new long[] {0}), 0, 0, strategy, Optional.of("failed: " + e),
                    WorkloadResult.Phases.NONE);
        }
        WorkloadResult.Phases medians = new WorkloadResult.Phases(Timings.median(phases[0]) / 1e6,
                Timings.median(phases[1]) / 1e6, Timings.median(phases[2]) / 1e6, Timings.median(phases[3]) / 1e6);
        return new MpjRun(ranks, new Timings(nanos), Timings.median(bytes), Timings.median(exchange) / 1e6, strategy,
                first.difference(reference), medians);
    }

    private MpjExecutor pool(int ranks) {
        MpjExecutor pool = pools.get(ranks);
        if (pool == null) {
            // G1's periodic collections let an idle pool give its heap back while the other pools run.
            MpjSettings defaults = MpjSettings.defaults(ranks);
            List<Path> classPath = new ArrayList<>(defaults.mpjClassPath());
            classPath.addAll(harnessClassPath());
            MpjSettings settings = defaults.withRankHeapMegabytes(options.mpjHeapMegabytes())
                    .withJvmOptions(List.of("-XX:+UseG1GC", "-XX:G1PeriodicGCInterval=5000"))
                    // A call takes seconds at full size; a stuck collective then fails the run in 90 s, not 10 min.
                    .withCallTimeout(Duration.ofSeconds(90))
                    .withMpj(defaults.mpjHome(), classPath);
            log.printf(Locale.ROOT, "  starting the MPJ pool of %d rank(s), %d MiB heap each%n", ranks,
                    options.mpjHeapMegabytes());
            pool = Executors.mpj(settings);
            pools.put(ranks, pool);
        }
        return pool;
    }

    /**
     * The class path the harness's classes were loaded from, when that is not {@code java.class.path}: under
     * {@code mvn exec:java} the JVM's class path is Maven's launcher and the project's test class path lives in
     * exec's {@link URLClassLoader}. Rank JVMs start with the MPJ jars, then these entries, then
     * {@code java.class.path} (see {@code RankCommand.classPath}), so they find DataJax's classes either way.
     */
    static List<Path> harnessClassPath() {
        List<Path> out = new ArrayList<>();
        for (ClassLoader loader = BenchmarkHarness.class.getClassLoader(); loader != null; loader = loader.getParent()) {
            if (loader instanceof URLClassLoader urls) {
                for (URL url : urls.getURLs()) {
                    try {
                        if (url.getProtocol().equals("file")) {
                            out.add(Path.of(url.toURI()));
                        }
                    } catch (URISyntaxException e) {
                        throw new IllegalStateException("unexpected class path entry " + url, e);
                    }
                }
            }
        }
        return out;
    }

    /** The join strategy the MPJ executor noted for the call (e.g. "broadcast right (...)"), or empty. */
    private static String joinStrategy(Optional<ExecutionRecord> record) {
        return record.stream().flatMap(r -> r.stages().stream()).map(StageMetrics::notes)
                .filter(note -> note.startsWith("join strategy: ")).map(note -> note.substring("join strategy: ".length()))
                .findFirst().orElse("");
    }

    /** One engine bound to one workload's data: each {@link #run} executes the query once. */
    private interface EngineCall {
        Supplier<ResultRows> run() throws SQLException;

        default Optional<ExecutionRecord> lastExecution() {
            return Optional.empty();
        }
    }

    private EngineCall prepare(Engine engine, Workload.Prepared prepared, DuckDBConnection duckDb)
            throws SQLException {
        switch (engine) {
            case HAND_LOOP:
                return prepared::handLoop;
            case TABLESAW:
                return prepared::tablesaw;
            case DUCKDB_1:
            case DUCKDB_2:
                // DuckDB's thread count is a database-wide setting, so one connection switches it per series.
                execute(duckDb, "SET threads = " + engine.threads());
                String threads = query(duckDb, "SELECT current_setting('threads')");
                if (!threads.equals(Integer.toString(engine.threads()))) {
                    throw new IllegalStateException("DuckDB threads is " + threads + " after SET threads = "
                            + engine.threads());
                }
                return () -> fetch(duckDb, prepared.sql(), prepared.keyCount());
            case DATAJAX_1:
            case DATAJAX_2:
                JitFunction fn = prepared.jit(DataJaxConfig.defaults().withThreads(engine.threads()));
                Table[] inputs = prepared.tables().toArray(Table[]::new);
                return new EngineCall() {
                    @Override
                    public Supplier<ResultRows> run() {
                        Table out = fn.apply(inputs);
                        return () -> ResultRows.fromTable(out, prepared.resultKeys(), prepared.resultValues());
                    }

                    @Override
                    public Optional<ExecutionRecord> lastExecution() {
                        return fn.lastExecution();
                    }
                };
            default:
                throw new IllegalArgumentException("no runner for " + engine);
        }
    }

    /** Runs {@code sql} and reads every row (timed, as a JDBC user would); the conversion runs later. */
    static Supplier<ResultRows> fetch(DuckDBConnection duckDb, String sql, int keyCount) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        try (Statement statement = duckDb.createStatement(); ResultSet resultSet = statement.executeQuery(sql)) {
            ResultSetMetaData meta = resultSet.getMetaData();
            int columns = meta.getColumnCount();
            for (int c = 1; c <= columns; c++) {
                labels.add(meta.getColumnLabel(c));
            }
            while (resultSet.next()) {
                Object[] row = new Object[columns];
                for (int c = 0; c < columns; c++) {
                    row[c] = resultSet.getObject(c + 1);
                }
                rows.add(row);
            }
        }
        return () -> ResultRows.fromJdbcRows(rows, keyCount, labels);
    }

    private static DataJaxProfile profile(List<ExecutionRecord> records) {
        int n = records.size();
        long[] total = new long[n];
        long[] stages = new long[n];
        long peak = 0;
        Map<Integer, List<Long>> perStage = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            ExecutionRecord record = records.get(i);
            total[i] = record.totalNanos();
            stages[i] = CachedCallProbe.stageNanos(record);
            for (StageMetrics stage : record.stages()) {
                peak = Math.max(peak, stage.peakBytes());
                perStage.computeIfAbsent(stage.stageId(), id -> new ArrayList<>()).add(stage.nanos());
            }
        }
        int slowest = -1;
        long slowestNanos = -1;
        for (Map.Entry<Integer, List<Long>> stage : perStage.entrySet()) {
            long median = Timings.median(stage.getValue().stream().mapToLong(Long::longValue).toArray());
            if (median > slowestNanos) {
                slowest = stage.getKey();
                slowestNanos = median;
            }
        }
        String slowestStage = "-";
        if (slowest >= 0) {
            String kind = records.get(0).program().stagePlan().stage(slowest).kind().toString().toLowerCase(Locale.ROOT);
            slowestStage = String.format(Locale.ROOT, "%d (%s): %.1f ms", slowest, kind, slowestNanos / 1e6);
        }
        return new DataJaxProfile(Timings.median(total) / 1e6, Timings.median(stages) / 1e6, peak / 1e6,
                slowestStage);
    }

    private static void execute(DuckDBConnection duckDb, String sql) throws SQLException {
        try (Statement statement = duckDb.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String query(DuckDBConnection duckDb, String sql) throws SQLException {
        try (Statement statement = duckDb.createStatement(); ResultSet resultSet = statement.executeQuery(sql)) {
            resultSet.next();
            return resultSet.getString(1);
        }
    }

    /** The distinct mismatch descriptions of {@code results}, one per workload and engine. */
    static Set<String> mismatches(List<WorkloadResult> results) {
        Set<String> out = new LinkedHashSet<>();
        for (WorkloadResult result : results) {
            result.mismatches().forEach((engine, diff) -> out.add(result.workload().id() + " / " + engine.label()
                    + ": " + diff));
            result.mpjRuns().values().forEach(run -> run.mismatch().ifPresent(diff -> out.add(result.workload().id()
                    + " / " + run.label() + ": " + diff)));
        }
        return out;
    }
}
