package io.datajax.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Runs the benchmark harness on tiny data so that it, and its cross-engine result check, cannot rot. */
class BenchmarkHarnessTest {
    @Test
    void everyEngineAgreesOnEveryWorkloadAtTinySize() throws Exception {
        BenchmarkOptions options = BenchmarkOptions.parse("--quick", "--scale", "0.002", "--warmup", "1",
                "--repeats", "1", "--calls", "200");
        ByteArrayOutputStream log = new ByteArrayOutputStream();

        BenchmarkReport report = new BenchmarkHarness(options, new PrintStream(log, true, StandardCharsets.UTF_8))
                .run();

        assertThat(report.mismatches()).isEmpty();
        assertThat(report.results()).extracting(result -> result.workload().id()).containsExactly("q6-6m",
                "q6-10m", "q1", "groupby-1k", "groupby-100k", "join", "pipeline-1m", "pipeline-10m");
        assertThat(report.results()).allSatisfy(result -> {
            assertThat(result.timings()).containsOnlyKeys(Engine.values());
            assertThat(result.resultRows()).isPositive();
        });
        assertThat(report.markdown())
                .contains("| q1 | 12,000 |", "DJ 1t / DuckDB 1t", "cached call overhead", "Every engine's result"
                        + " equals DuckDB");
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("results checked against DuckDB 1t");
    }

    @Test
    void workloadSelectionAcceptsFamiliesAndSkipsTablesaw() throws Exception {
        BenchmarkOptions options = BenchmarkOptions.parse("--scale", "0.001", "--workloads", "groupby,q1",
                "--skip-tablesaw", "--warmup", "0", "--repeats", "1");

        BenchmarkReport report = new BenchmarkHarness(options, new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8)).run();

        assertThat(report.results()).extracting(result -> result.workload().id())
                .containsExactly("q1", "groupby-1k", "groupby-100k");
        assertThat(report.results()).allSatisfy(result ->
                assertThat(result.timings()).doesNotContainKey(Engine.TABLESAW));
        assertThat(report.cachedCall()).isNull();
        assertThat(report.results()).allSatisfy(result -> assertThat(result.mpjRuns()).isEmpty());
        assertThat(report.markdown()).doesNotContain("MPJ executor");
    }

    @Test
    void mpjRunsOnTwoRanksAgreeWithDuckDbAndReportExchanges() throws Exception {
        BenchmarkOptions options = BenchmarkOptions.parse("--scale", "0.002", "--workloads", "join,groupby-100k",
                "--skip-tablesaw", "--warmup", "0", "--repeats", "1", "--mpj-ranks", "2", "--mpj-heap-mb", "256");

        BenchmarkReport report = new BenchmarkHarness(options, new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8)).run();

        assertThat(report.mismatches()).isEmpty();
        assertThat(report.results()).allSatisfy(result -> {
            assertThat(result.mpjRuns()).containsOnlyKeys(2);
            assertThat(result.mpjRuns().get(2).bytesExchanged()).isPositive();
        });
        WorkloadResult join = report.results().stream().filter(r -> r.workload().id().equals("join")).findFirst()
                .orElseThrow();
        assertThat(join.mpjRuns().get(2).joinStrategy()).startsWith("broadcast right (200 rows <= threshold");
        assertThat(report.markdown()).contains("#### MPJ executor", "| DataJax MPJ 2r |",
                "MPJ 2 ranks >= 1.5x faster than 1 rank");
    }

    @Test
    void unknownOptionsAndWorkloadsAreRejectedWithTheValidChoices() {
        assertThat(BenchmarkOptions.parse("--mpj").mpjRanks()).containsExactly(1, 2, 4);
        assertThat(BenchmarkOptions.parse("--mpj-ranks", "4,1").mpjRanks()).containsExactly(1, 4);
        assertThatThrownBy(() -> BenchmarkOptions.parse("--mpj-ranks", "0"))
                .hasMessageContaining("--mpj-ranks must list rank counts >= 1");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--fast"))
                .hasMessageContaining("Unknown option '--fast'")
                .hasMessageContaining("--quick");
        assertThatThrownBy(() -> BenchmarkHarness.requireKnownWorkloads(BenchmarkOptions.parse("--workloads", "q7")))
                .hasMessageContaining("Unknown workload 'q7'")
                .hasMessageContaining("groupby-100k");
    }

    @Test
    void resultRowsMatchWithinTheToleranceAndReportMissingGroups() {
        ResultRows expected = ResultRows.builder("v", "count")
                .add(new double[] {1.0, 2}, 1L)
                .add(new double[] {1e12, 3}, 2L)
                .build();
        ResultRows close = ResultRows.builder("sum", "n")
                .add(new double[] {1e12 * (1 + 1e-12), 3}, 2)
                .add(new double[] {1.0, 2}, 1)
                .build();
        ResultRows wrong = ResultRows.builder("v", "count")
                .add(new double[] {1.0, 2}, 1L)
                .add(new double[] {1e12, 4}, 3L)
                .build();

        assertThat(close.difference(expected)).isEmpty();
        assertThat(wrong.difference(expected)).hasValueSatisfying(diff -> assertThat(diff)
                .contains("missing group [2]", "unexpected group [3]"));
    }

    @Test
    void longIntHashMapNumbersKeysInFirstSeenOrderThroughGrowth() {
        LongIntHashMap map = new LongIntHashMap(4);
        for (long key = 0; key < 1_000; key++) {
            assertThat(map.slotOf(key * 7_919 - 500_000)).isEqualTo((int) key);
        }
        assertThat(map.slotOf(Long.MIN_VALUE)).isEqualTo(1_000);
        assertThat(map.slotOf(7_919 - 500_000)).isEqualTo(1);
        assertThat(map.find(Long.MIN_VALUE)).isEqualTo(1_000);
        assertThat(map.find(42)).isEqualTo(-1);
        assertThat(map.size()).isEqualTo(1_001);
        assertThat(map.keysBySlot()).startsWith(-500_000, 7_919 - 500_000).endsWith(Long.MIN_VALUE);
    }
}
