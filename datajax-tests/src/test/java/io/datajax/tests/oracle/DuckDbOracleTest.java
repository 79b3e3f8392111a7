package io.datajax.tests.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import io.datajax.api.DataJax;
import io.datajax.api.DataJaxConfig;
import io.datajax.api.JitFunction;
import io.datajax.planner.rules.RuleSet;
import io.datajax.tests.io.FileInputs;
import io.datajax.tests.tables.Rows;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tech.tablesaw.api.Table;

/**
 * DataJax against DuckDB on random pipelines over random tables with nulls, empty tables, duplicate and
 * hot keys: the same {@link Pipeline} runs as a DataJax program and as SQL, and the results must agree in
 * columns, types, values and (on the local executor) row order. Runs with every rewrite rule on and with
 * every rule off, with two threads, and on the MPJ executor with 2 real rank processes, where row order is open except after a
 * final aggregate (key-sorted), and pipelines with a limit (whose rows depend on that order) are left out.
 *
 * <p>Reproduce: every failure names its seed; {@code mvn -pl datajax-tests test -Dtest=DuckDbOracleTest
 * -Doracle.seed=SEED -Doracle.pipelines=1} reruns exactly that case. {@code oracle.seed} alone sets the
 * first seed of a run (default: random, printed), {@code oracle.pipelines} the count (default 500).
 */
class DuckDbOracleTest {
    private static final int PIPELINES = Integer.getInteger("oracle.pipelines", 500);
    private static final int MPJ_PIPELINES = Integer.getInteger("oracle.mpjPipelines", 150);
    private static final int FILE_PIPELINES = Integer.getInteger("oracle.filePipelines", 200);

    @TempDir
    static Path files;
    private static final long FIRST_SEED = Long.getLong("oracle.seed", System.nanoTime() & 0xFFFF_FFFFL);
    private static final int DETAILED_FAILURES = 5;

    private static DuckDb duckDb;
    private static int lastResultRows;

    @BeforeAll
    static void startDuckDb() throws Exception {
        duckDb = new DuckDb();
    }

    @AfterAll
    static void stopDuckDb() throws Exception {
        duckDb.close();
    }

    static Stream<Arguments> configurations() {
        return Stream.of(
                Arguments.of("every rewrite rule on", DataJaxConfig.defaults(), true, PIPELINES, null),
                Arguments.of("every rewrite rule off",
                        DataJaxConfig.defaults().withDisabledRules(Set.copyOf(RuleSet.standard().ruleNames())), true,
                        PIPELINES, null),
                Arguments.of("two threads", DataJaxConfig.defaults().withThreads(2), true, PIPELINES, null),
                Arguments.of("MPJ executor, 2 ranks", DataJaxConfig.defaults().withExecutor("mpj"), false,
                        Math.min(PIPELINES, MPJ_PIPELINES), null),
                Arguments.of("inputs read from Parquet files", DataJaxConfig.defaults(), true,
                        Math.min(PIPELINES, FILE_PIPELINES), FileInputs.PARQUET),
                Arguments.of("inputs read from CSV files, two threads", DataJaxConfig.defaults().withThreads(2), true,
                        Math.min(PIPELINES, FILE_PIPELINES), FileInputs.CSV),
                Arguments.of("inputs read from Parquet files by 2 MPJ ranks", DataJaxConfig.defaults().withExecutor("mpj"),
                        false, Math.min(PIPELINES, MPJ_PIPELINES), FileInputs.PARQUET));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configurations")
    void randomPipelinesAgreeWithDuckDb(String label, DataJaxConfig config, boolean localOrder, int pipelines,
            FileInputs format) throws Exception {
        long start = System.nanoTime();
        List<String> failures = new ArrayList<>();
        List<Long> failedSeeds = new ArrayList<>();
        int joins = 0;
        int aggregates = 0;
        int rows = 0;
        int nonEmptyResults = 0;
        int leftOut = 0;
        for (int i = 0; i < pipelines; i++) {
            long seed = FIRST_SEED + i;
            Generator.Case c = Generator.generate(seed, true);
            if (!localOrder && containsLimit(c.pipeline().steps())) {
                leftOut++;
                continue;
            }
            String problem = check(c, config, localOrder || endsInAggregate(c.pipeline()), format);
            nonEmptyResults += lastResultRows > 0 ? 1 : 0;
            String text = c.pipeline().toString();
            joins += text.contains(".join(") ? 1 : 0;
            aggregates += text.contains("agg(") ? 1 : 0;
            if (problem != null) {
                failedSeeds.add(seed);
                if (failures.size() < DETAILED_FAILURES) {
                    failures.add(problem);
                }
            }
            rows += c.left().rows().size();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("DuckDB oracle (%s): %d pipelines (%d with a join, %d with an aggregate, %d with a non-empty"
                + " result, %d input rows) from seed %d in %.2f s; %d left out (limit with open order); %d disagreed%n",
                label, pipelines - leftOut, joins, aggregates, nonEmptyResults, rows, FIRST_SEED, seconds, leftOut,
                failedSeeds.size());
        assertThat(failures)
                .as("%d of %d random pipelines (%s) disagree with DuckDB; seeds %s; rerun one with -Doracle.seed=SEED"
                        + " -Doracle.pipelines=1. The first %d:%n%n%s", failedSeeds.size(), pipelines - leftOut, label,
                        failedSeeds,
                        failures.size(), String.join("\n\n", failures))
                .isEmpty();
    }

    /**
     * Whether the steps, or a joined input's steps, hold a limit or a head per key (whose rows depend on an
     * open order).
     */
    private static boolean containsLimit(List<Pipeline.Step> steps) {
        for (Pipeline.Step step : steps) {
            if (step instanceof Pipeline.LimitStep || step instanceof Pipeline.HeadStep
                    || step instanceof Pipeline.JoinStep join && containsLimit(join.rightSteps())) {
                return true;
            }
        }
        return false;
    }

    private static boolean endsInAggregate(Pipeline pipeline) {
        List<Pipeline.Step> steps = pipeline.steps();
        return !steps.isEmpty() && steps.get(steps.size() - 1) instanceof Pipeline.AggregateStep;
    }

    /**
     * Null when DataJax and DuckDB agree on the case, else a description of the disagreement. With a
     * {@code format}, DataJax reads the inputs from files of that format written by its own sinks.
     */
    private static String check(Generator.Case c, DataJaxConfig config, boolean ordered, FileInputs format)
            throws Exception {
        String sql = SqlTranslator.translate(c.pipeline(), c.left(), c.right());
        StringBuilder context = new StringBuilder()
                .append("seed ").append(c.seed()).append('\n')
                .append("pipeline:\n    ").append(c.pipeline()).append('\n')
                .append("sql:\n    ").append(sql).append('\n')
                .append("input ").append(c.left())
                .append(c.pipeline().usesRightInput() ? "input " + c.right() : "");
        DuckDb.Result expected;
        try {
            duckDb.load(c.left());
            duckDb.load(c.right());
            expected = duckDb.query(sql);
            lastResultRows = expected.rows().size();
        } catch (java.sql.SQLException e) {
            return "DuckDB rejected the translated SQL (a bug in the oracle): " + e.getMessage() + "\n" + context;
        }
        Table out;
        JitFunction fn;
        try {
            fn = c.pipeline().usesRightInput()
                    ? DataJax.djit((l, r) -> c.pipeline().apply(l, r), config)
                    : DataJax.djit(df -> c.pipeline().apply(df, null), config);
            List<Table> tables = c.pipeline().usesRightInput()
                    ? List.of(c.left().toTablesaw(), c.right().toTablesaw()) : List.of(c.left().toTablesaw());
            out = format == null ? fn.apply(tables.toArray(Table[]::new)) : fn.apply(format.inputs(tables, files));
        } catch (RuntimeException e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            return "DataJax threw " + trace.toString().lines().limit(12).reduce((a, b) -> a + "\n" + b).orElse("")
                    + "\n" + context + "DuckDB gave:\n" + Rows.format(expected.rows(), 20);
        }
        List<String> expectedHeader = c.pipeline().output().stream().map(Pipeline.Meta::toString).toList();
        List<String> actualHeader = Rows.header(out);
        if (!actualHeader.equals(expectedHeader)) {
            return "columns differ: DataJax " + actualHeader + ", PRODUCT.md rules " + expectedHeader + "\n" + context;
        }
        if (!expected.columns().equals(c.pipeline().output().stream().map(Pipeline.Meta::name).toList())) {
            return "the SQL's columns " + expected.columns() + " differ from the pipeline's (a bug in the oracle)\n"
                    + context;
        }
        List<List<Object>> actual = Rows.normalized(Rows.of(out));
        boolean equal = ordered ? Rows.equalInOrder(actual, expected.rows()) : Rows.equalAsMultisets(actual, expected.rows());
        if (!equal) {
            String kind = Rows.equalAsMultisets(actual, expected.rows()) ? "same rows, different order" : "rows differ";
            return kind + " (" + actual.size() + " from DataJax, " + expected.rows().size() + " from DuckDB)\n" + context
                    + "DataJax gave:\n" + Rows.format(actual, 40) + "DuckDB gave:\n" + Rows.format(expected.rows(), 40)
                    + "plan:\n" + fn.lastPlan().map(p -> p.printOptimized()).orElse("?");
        }
        return null;
    }
}
