package io.datajax.tests.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import io.datajax.api.DataJax;
import io.datajax.api.DataJaxConfig;
import io.datajax.api.Vmap2;
import io.datajax.planner.rules.RuleSet;
import io.datajax.tests.tables.Rows;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tech.tablesaw.api.Table;

/**
 * {@code vmap} against DuckDB: a random pipeline mapped over a batch of 1 to 6 random tables (nulls, empty tables,
 * duplicate and hot keys) runs as one DataJax plan, and every item's result must equal DuckDB's result of the
 * pipeline's SQL on that item alone (in order on the local executor; as multisets on MPJ, where pipelines with a
 * limit or a head per key are left out). A pipeline with a join gets its right input either shared by every item (one table) or
 * batched (a table per item).
 *
 * <p>Reproduce: {@code -Doracle.seed=SEED -Doracle.vmapPipelines=1}.
 */
class VmapOracleTest {
    private static final int PIPELINES = Integer.getInteger("oracle.vmapPipelines", 200);
    private static final long FIRST_SEED = Long.getLong("oracle.seed", System.nanoTime() & 0xFFFF_FFFFL);
    private static DuckDb duckDb;

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
                Arguments.of("every rewrite rule on", DataJaxConfig.defaults(), true, PIPELINES),
                Arguments.of("every rewrite rule off",
                        DataJaxConfig.defaults().withDisabledRules(Set.copyOf(RuleSet.standard().ruleNames())), true,
                        PIPELINES),
                Arguments.of("two threads", DataJaxConfig.defaults().withThreads(2), true, PIPELINES),
                Arguments.of("MPJ executor, 2 ranks", DataJaxConfig.defaults().withExecutor("mpj"), false,
                        Math.min(PIPELINES, 80)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configurations")
    void batchedPipelinesAgreeWithDuckDbPerItem(String label, DataJaxConfig config, boolean ordered, int pipelines)
            throws Exception {
        List<String> failures = new ArrayList<>();
        List<Long> failedSeeds = new ArrayList<>();
        int items = 0;
        int shared = 0;
        int checked = 0;
        for (int i = 0; i < pipelines; i++) {
            long seed = FIRST_SEED + i;
            Generator.Case c = Generator.generate(seed, true);
            String text = c.pipeline().toString();
            if (!ordered && (text.contains("limit(") || text.contains(".head("))) {
                // a limit or head per key keeps rows that depend on an order MPJ leaves open (ties of a sort)
                continue;
            }
            Random random = new Random(seed);
            int count = 1 + random.nextInt(6);
            List<RandomTable> lefts = Generator.batch(seed, c.left(), count);
            boolean rightShared = random.nextBoolean();
            List<RandomTable> rights = rightShared ? List.of(c.right()) : Generator.batch(seed + 1, c.right(), count);
            shared += c.pipeline().usesRightInput() && rightShared ? 1 : 0;
            items += count;
            checked++;
            String problem = check(c, config, ordered, lefts, rights);
            if (problem != null) {
                failedSeeds.add(seed);
                if (failures.size() < 3) {
                    failures.add(problem);
                }
            }
        }
        System.out.printf("vmap oracle (%s): %d pipelines over %d batch items (%d with a shared right input) from seed"
                + " %d; %d disagreed%n", label, checked, items, shared, FIRST_SEED, failedSeeds.size());
        assertThat(checked).isPositive();
        assertThat(failures).as("%d batched pipelines (%s) disagree with DuckDB; seeds %s:%n%n%s", failedSeeds.size(),
                label, failedSeeds, String.join("\n\n", failures)).isEmpty();
    }

    private static String check(Generator.Case c, DataJaxConfig config, boolean ordered, List<RandomTable> lefts,
            List<RandomTable> rights) throws Exception {
        boolean usesRight = c.pipeline().usesRightInput();
        List<Table> leftTables = lefts.stream().map(RandomTable::toTablesaw).toList();
        List<Table> rightTables = rights.stream().map(RandomTable::toTablesaw).toList();
        String context = "seed " + c.seed() + "\npipeline:\n    " + c.pipeline() + "\nbatch of " + lefts.size()
                + (usesRight ? (rights.size() == 1 ? ", right input shared" : ", right input batched") : "") + "\n";
        List<Table> results;
        try {
            if (usesRight) {
                Vmap2 fn = DataJax.vmap((l, r) -> c.pipeline().apply(l, r), config);
                results = rights.size() == 1 ? fn.apply(leftTables, rightTables.get(0)) : fn.apply(leftTables, rightTables);
            } else {
                results = DataJax.vmap(df -> c.pipeline().apply(df, null), config).apply(leftTables);
            }
        } catch (RuntimeException e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            return "DataJax threw " + trace.toString().lines().limit(14).reduce((a, b) -> a + "\n" + b).orElse("")
                    + "\n" + context;
        }
        if (results.size() != lefts.size()) {
            return "vmap gave " + results.size() + " results for " + lefts.size() + " items\n" + context;
        }
        for (int item = 0; item < lefts.size(); item++) {
            RandomTable right = rights.size() == 1 ? rights.get(0) : rights.get(item);
            String sql = SqlTranslator.translate(c.pipeline(), lefts.get(item), right);
            duckDb.load(lefts.get(item));
            duckDb.load(right);
            DuckDb.Result expected = duckDb.query(sql);
            Table out = results.get(item);
            List<String> expectedHeader = c.pipeline().output().stream().map(Pipeline.Meta::toString).toList();
            if (!Rows.header(out).equals(expectedHeader)) {
                return "item " + item + ": columns differ: DataJax " + Rows.header(out) + ", expected " + expectedHeader
                        + "\n" + context;
            }
            List<List<Object>> actual = Rows.normalized(Rows.of(out));
            boolean equal = ordered ? Rows.equalInOrder(actual, expected.rows())
                    : Rows.equalAsMultisets(actual, expected.rows());
            if (!equal) {
                return "item " + item + ": rows differ (" + actual.size() + " from DataJax, " + expected.rows().size()
                        + " from DuckDB)\n" + context + "sql:\n    " + sql + "\ninput " + lefts.get(item)
                        + (usesRight ? "right " + right : "") + "DataJax gave:\n" + Rows.format(actual, 30)
                        + "DuckDB gave:\n" + Rows.format(expected.rows(), 30);
            }
        }
        return null;
    }
}
