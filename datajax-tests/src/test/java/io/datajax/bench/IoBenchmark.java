package io.datajax.bench;

import static io.datajax.api.Functions.col;
import static io.datajax.api.Functions.count;
import static io.datajax.api.Functions.lit;
import static io.datajax.api.Functions.max;
import static io.datajax.api.Functions.sum;

import io.datajax.api.DataJax;
import io.datajax.api.DataJaxConfig;
import io.datajax.api.JitFunction;
import io.datajax.api.trace.TablesawSchemas;
import io.datajax.io.Sinks;
import io.datajax.io.Sources;
import io.datajax.io.csv.CsvOptions;
import io.datajax.ir.source.DataSource;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * The I/O benchmarks of issue 5, side by side in one run: reading a lineitem-shaped CSV file whole (DataJax
 * 1 and 2 threads, DuckDB {@code read_csv} 1 and 2 threads, Tablesaw's CSV reader), reading the same rows
 * from Parquet whole (DataJax vs DuckDB {@code read_parquet}), and TPC-H Q6 straight from the Parquet file
 * (sorted by ship date, so row groups can be skipped). Every engine's result is checked against DuckDB
 * threads=1 before times are printed. Data files are written by DataJax's own sinks into a temporary
 * directory and deleted at the end.
 *
 * <pre>
 * mvn -q -B -pl datajax-tests exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.datajax.bench.IoBenchmark \
 *     -Dexec.args="--rows 4000000 --repeats 5"
 * </pre>
 */
public final class IoBenchmark {
    private static final LocalDate FROM = LocalDate.of(1994, 1, 1);
    private static final LocalDate UNTIL = LocalDate.of(1995, 1, 1);
    private static final String READ_SQL = "SELECT count(*), sum(l_quantity), sum(l_extendedprice), sum(l_discount),"
            + " sum(l_tax), max(l_returnflag), max(l_shipdate) FROM ";
    private static final String Q6_SQL = "SELECT sum(l_extendedprice * l_discount) FROM %s WHERE l_shipdate >= DATE '"
            + FROM + "' AND l_shipdate < DATE '" + UNTIL + "' AND l_discount BETWEEN 0.05::DOUBLE AND 0.07::DOUBLE"
            + " AND l_quantity < 24::DOUBLE";

    static {
        // Tablesaw's type instances must be initialised before its columns (see BenchmarkHarness).
        java.util.Objects.requireNonNull(ColumnType.DOUBLE, "ColumnType.DOUBLE");
    }

    private final int rows;
    private final int warmup;
    private final int repeats;
    private final int tablesawRuns;
    private final PrintStream out;

    private IoBenchmark(int rows, int warmup, int repeats, int tablesawRuns, PrintStream out) {
        this.rows = rows;
        this.warmup = warmup;
        this.repeats = repeats;
        this.tablesawRuns = tablesawRuns;
        this.out = out;
    }

    /** Runs the benchmark; {@code --rows N --warmup N --repeats N --tablesaw-runs N}. */
    public static void main(String[] args) throws Exception {
        Map<String, Integer> options = new LinkedHashMap<>(Map.of("--rows", 4_000_000, "--warmup", 2, "--repeats", 5,
                "--tablesaw-runs", 1));
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!options.containsKey(args[i])) {
                System.err.println("Unknown option " + args[i] + "; options: " + options.keySet());
                System.exit(2);
            }
            options.put(args[i], Integer.parseInt(args[i + 1]));
        }
        new IoBenchmark(options.get("--rows"), options.get("--warmup"), options.get("--repeats"),
                options.get("--tablesaw-runs"), System.out).run();
    }

    /** Runs every workload at {@code rows} rows and prints the report to {@code out}; returns whether results agreed. */
    static boolean run(int rows, int warmup, int repeats, PrintStream out) throws Exception {
        return new IoBenchmark(rows, warmup, repeats, 1, out).run();
    }

    /** One engine's series: the median and minimum milliseconds and its result row. */
    private record Series(String engine, double medianMs, double minMs, List<Object> result) {
    }

    private boolean run() throws Exception {
        Path root = Files.createTempDirectory("datajax-io-bench");
        try {
            Lineitem data = Lineitem.generate(rows, 42);
            Table table = sortedByShipDate(data.toTable());
            DataJaxConfig one = DataJaxConfig.defaults();
            CsvOptions csvOptions = CsvOptions.defaults().withSchema(TablesawSchemas.schemaOf(table));
            DataJax.djit(df -> df, one).write(Sinks.csv(root.resolve("csv"), csvOptions), table);
            DataJax.djit(df -> df, one).write(Sinks.parquet(root.resolve("parquet")), table);
            Path csv = root.resolve("csv").resolve("part-00000.csv");
            Path parquet = root.resolve("parquet").resolve("part-00000.parquet");
            long csvBytes = Files.size(csv);
            long parquetBytes = Files.size(parquet);
            out.printf("### I/O benchmark run %s%n%n", java.time.LocalDateTime.now().withNano(0));
            out.printf("- %,d rows (TPC-H lineitem shape, sorted by l_shipdate); CSV %.1f MB, Parquet (SNAPPY, row groups of"
                    + " 131,072 rows) %.1f MB; warm-up %d, repeats %d (median, min); Tablesaw %d cold run(s)%n", rows,
                    csvBytes / 1e6, parquetBytes / 1e6, warmup, repeats, tablesawRuns);
            boolean agreed = true;
            try (Connection duckDb = DriverManager.getConnection("jdbc:duckdb:")) {
                try (Statement statement = duckDb.createStatement();
                        ResultSet version = statement.executeQuery("SELECT version()")) {
                    version.next();
                    out.printf("- Machine: %s%n%n", Machine.describe(version.getString(1)));
                }
                String csvScan = "read_csv('" + csv + "', header = true, columns = {'l_quantity': 'DOUBLE',"
                        + " 'l_extendedprice': 'DOUBLE', 'l_discount': 'DOUBLE', 'l_tax': 'DOUBLE', 'l_returnflag':"
                        + " 'VARCHAR', 'l_linestatus': 'VARCHAR', 'l_shipdate': 'DATE'})";
                String parquetScan = "read_parquet('" + parquet + "')";
                DataSource csvSource = Sources.csv(csv, csvOptions);
                DataSource parquetSource = Sources.parquet(parquet);

                List<Series> csvRead = new ArrayList<>();
                csvRead.add(duckDb(duckDb, 1, READ_SQL + csvScan));
                csvRead.add(duckDb(duckDb, 2, READ_SQL + csvScan));
                csvRead.add(dataJax(readAll(1), csvSource, "DataJax 1t"));
                csvRead.add(dataJax(readAll(2), csvSource, "DataJax 2t"));
                csvRead.add(tablesaw(csv));
                agreed &= report("csv-read", csvRead, csvBytes, "");

                List<Series> parquetRead = new ArrayList<>();
                parquetRead.add(duckDb(duckDb, 1, READ_SQL + parquetScan));
                parquetRead.add(duckDb(duckDb, 2, READ_SQL + parquetScan));
                parquetRead.add(dataJax(readAll(1), parquetSource, "DataJax 1t"));
                parquetRead.add(dataJax(readAll(2), parquetSource, "DataJax 2t"));
                agreed &= report("parquet-read", parquetRead, parquetBytes, "");

                List<Series> q6 = new ArrayList<>();
                q6.add(duckDb(duckDb, 1, String.format(Locale.ROOT, Q6_SQL, parquetScan)));
                q6.add(duckDb(duckDb, 2, String.format(Locale.ROOT, Q6_SQL, parquetScan)));
                JitFunction q6One = q6(1);
                q6.add(dataJax(q6One, parquetSource, "DataJax 1t"));
                q6.add(dataJax(q6(2), parquetSource, "DataJax 2t"));
                String note = q6One.lastExecution().orElseThrow().stages().get(0).notes();
                agreed &= report("q6-parquet", q6, parquetBytes, "DataJax's read: " + note + ".");
            }
            out.println(agreed ? "Every engine's result equals DuckDB threads=1's."
                    : "**Some results differ from DuckDB threads=1's (marked WRONG).**");
            return agreed;
        } finally {
            deleteTree(root);
        }
    }

    private static JitFunction readAll(int threads) {
        return DataJax.djit(df -> df.agg(count(), sum("l_quantity"), sum("l_extendedprice"), sum("l_discount"),
                sum("l_tax"), max("l_returnflag"), max("l_shipdate")), DataJaxConfig.defaults().withThreads(threads));
    }

    private static JitFunction q6(int threads) {
        return DataJax.djit(df -> df
                .filter(col("l_shipdate").ge(lit(FROM))
                        .and(col("l_shipdate").lt(lit(UNTIL)))
                        .and(col("l_discount").ge(0.05))
                        .and(col("l_discount").le(0.07))
                        .and(col("l_quantity").lt(24.0)))
                .agg(sum(col("l_extendedprice").multiply(col("l_discount"))).as("revenue")),
                DataJaxConfig.defaults().withThreads(threads));
    }

    private static Table sortedByShipDate(Table table) {
        return table.sortAscendingOn("l_shipdate");
    }

    private Series dataJax(JitFunction fn, DataSource source, String engine) {
        Series series = series(engine, warmup, repeats, () -> firstRow(fn.apply(source)));
        var stages = fn.lastExecution().orElseThrow().stages();
        double input = stages.get(0).nanos() / 1e6;
        double rest = stages.stream().skip(1).mapToLong(m -> m.nanos()).sum() / 1e6;
        profiles.add(String.format(Locale.ROOT, "%s, last run: source read (INPUT stage) %.1f ms, later stages %.1f ms",
                engine, input, rest));
        return series;
    }

    private final List<String> profiles = new ArrayList<>();

    private Series duckDb(Connection connection, int threads, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET threads = " + threads);
        }
        return series("DuckDB " + threads + "t", warmup, repeats, () -> {
            try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
                rs.next();
                List<Object> row = new ArrayList<>();
                for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                    Object value = rs.getObject(c);
                    row.add(value instanceof java.sql.Date date ? date.toLocalDate() : value);
                }
                return row;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private Series tablesaw(Path csv) {
        ColumnType[] types = {ColumnType.DOUBLE, ColumnType.DOUBLE, ColumnType.DOUBLE, ColumnType.DOUBLE,
                ColumnType.STRING, ColumnType.STRING, ColumnType.LOCAL_DATE};
        return series("Tablesaw", 0, tablesawRuns, () -> {
            {
                Table t = Table.read().usingOptions(CsvReadOptions.builder(csv.toFile()).columnTypes(types));
                List<Object> row = new ArrayList<>();
                row.add((long) t.rowCount());
                for (String name : List.of("l_quantity", "l_extendedprice", "l_discount", "l_tax")) {
                    row.add(t.doubleColumn(name).sum());
                }
                row.add(t.stringColumn("l_returnflag").asList().stream().max(String::compareTo).orElse(null));
                row.add(t.dateColumn("l_shipdate").max());
                return row;
            }
        });
    }

    private static List<Object> firstRow(Table table) {
        List<Object> row = new ArrayList<>();
        for (int c = 0; c < table.columnCount(); c++) {
            row.add(table.column(c).get(0));
        }
        return row;
    }

    private static Series series(String engine, int warmup, int repeats, Supplier<List<Object>> run) {
        List<Object> result = null;
        for (int i = 0; i < warmup; i++) {
            result = run.get();
        }
        System.gc();
        double[] times = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long start = System.nanoTime();
            result = run.get();
            times[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(times);
        return new Series(engine, times[times.length / 2], times[0], result);
    }

    private boolean report(String workload, List<Series> series, long bytes, String note) {
        Series reference = series.get(0);
        double duckOne = reference.medianMs();
        double duckTwo = series.get(1).medianMs();
        out.printf("#### %s%n%n| engine | median ms | min ms | MB/s | M rows/s | vs DuckDB 1t | vs DuckDB 2t | result |%n"
                + "|---|---|---|---|---|---|---|---|%n", workload);
        boolean agreed = true;
        for (Series s : series) {
            boolean same = sameResult(s.result(), reference.result());
            agreed &= same;
            out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %.0f | %.1f | %.2fx | %.2fx | %s |%n", s.engine(), s.medianMs(),
                    s.minMs(), bytes / 1e3 / s.medianMs(), rows / 1e3 / s.medianMs(), s.medianMs() / duckOne,
                    s.medianMs() / duckTwo, same ? "ok" : "WRONG " + s.result() + " vs " + reference.result());
        }
        out.println();
        for (String profile : profiles) {
            out.println("- " + profile);
        }
        profiles.clear();
        if (!note.isEmpty()) {
            out.println("- " + note);
        }
        out.println();
        return agreed;
    }

    private static boolean sameResult(List<Object> actual, List<Object> expected) {
        if (actual.size() != expected.size()) {
            return false;
        }
        for (int i = 0; i < actual.size(); i++) {
            Object a = actual.get(i);
            Object e = expected.get(i);
            if (a instanceof Number x && e instanceof Number y) {
                double dx = x.doubleValue();
                double dy = y.doubleValue();
                if (Math.abs(dx - dy) > 1e-9 * Math.max(1, Math.abs(dy))) {
                    return false;
                }
            } else if (!String.valueOf(a).equals(String.valueOf(e))) {
                return false;
            }
        }
        return true;
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
