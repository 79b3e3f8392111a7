package io.datajax.planner.stages;

import static org.assertj.core.api.Assertions.assertThat;

import io.datajax.planner.PlanFixtures;
import io.datajax.planner.Planner;
import io.datajax.planner.rules.RuleSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExplainPrinterTest {
    private static final List<String> HEADER = List.of("executor: mpj (driver, 2 ranks)", "cache: miss (first call)");

    private static StagePlan pipelinePlan() {
        return new Planner(RuleSet.standard(), true).plan(PlanFixtures.pipeline(), 2);
    }

    @Test
    void printsStagesTopDownBeforeARun() {
        assertThat(ExplainPrinter.print(pipelinePlan(), HEADER, Map.of())).isEqualTo("""
                == DataJax plan ==
                executor: mpj (driver, 2 ranks)
                cache: miss (first call)
                Stage 0 INPUT input[0] orders
                  out: (user_id INT64, unit_price FLOAT64, qty INT64, note STRING)  sharding: blocks
                Stage 1 TRANSFORM <- stage 0
                  Filter[(note = 'web')]
                  Project[user_id, revenue := (unit_price * qty)]
                  Filter[(revenue > 10.0)]
                  out: (user_id INT64, revenue FLOAT64)  sharding: blocks
                Stage 2 INPUT input[1] users
                  out: (user_id INT64, name STRING, note STRING)  sharding: blocks
                Stage 3 TRANSFORM <- stage 2
                  Project[user_id, name]
                  Filter[(name = 'ann')]
                  Project[user_id]
                  out: (user_id INT64)  sharding: blocks
                Stage 4 JOIN <- stages 1, 3
                  in: left (user_id INT64, revenue FLOAT64), right (user_id INT64)
                  left: Exchange[hash(user_id), 2]
                  right: Exchange[hash(user_id), 2]
                  Join[INNER, on=[user_id]]
                  out: (user_id INT64, revenue FLOAT64)  sharding: byKey(user_id)
                Stage 5 AGGREGATE <- stage 4
                  Aggregate[keys=[user_id], revenue := sum(revenue)]
                  out: (user_id INT64, revenue FLOAT64)  sharding: byKey(user_id)
                rules applied: FoldConstants, PushFilterBelowProject, PushFilterIntoJoin, PruneColumns, DropIdentityProjections
                """);
    }

    @Test
    void printsRunMetricsWhereTheStageHasThem() {
        Map<Integer, StageMetrics> metrics = Map.of(
                4, new StageMetrics(4, 7, 5, 1_500_000, 2048, 1_258_291),
                5, new StageMetrics(5, 5, 2, 123_456, 0, 0));

        String text = ExplainPrinter.print(pipelinePlan(), HEADER, metrics);

        assertThat(text).contains("""
                  Join[INNER, on=[user_id]]
                  out: (user_id INT64, revenue FLOAT64)  sharding: byKey(user_id)
                  run: rows in 7, out 5, 1.50 ms, exchanged 2048 bytes, peak 1.2 MB
                Stage 5 AGGREGATE <- stage 4
                  Aggregate[keys=[user_id], revenue := sum(revenue)]
                  out: (user_id INT64, revenue FLOAT64)  sharding: byKey(user_id)
                  run: rows in 5, out 2, 0.12 ms
                rules applied:""");
        assertThat(text.lines().filter(line -> line.startsWith("  run:")).count()).isEqualTo(2);
    }

    @Test
    void printsTheExecutorsNotesUnderTheRunLine() {
        Map<Integer, StageMetrics> metrics = Map.of(4, new StageMetrics(4, 7, 5, 1_500_000, 2048, 0,
                "join strategy: broadcast right (3 rows <= threshold 1000000)"));

        String text = ExplainPrinter.print(pipelinePlan(), HEADER, metrics);

        assertThat(text).contains("""
                  run: rows in 7, out 5, 1.50 ms, exchanged 2048 bytes
                  note: join strategy: broadcast right (3 rows <= threshold 1000000)
                Stage 5 AGGREGATE <- stage 4
                """);
        assertThat(text.lines().filter(line -> line.startsWith("  note:")).count()).isEqualTo(1);
    }

    @Test
    void printsNoExchangesForOneRankAndNoneWhenNoRuleFired() {
        RuleSet off = RuleSet.standard().withDisabled(Set.copyOf(RuleSet.standard().ruleNames()));
        StagePlan plan = new Planner(off, true).plan(PlanFixtures.orders(), 1);

        assertThat(ExplainPrinter.print(plan, List.of("executor: local (in-process, 1 thread)"), Map.of())).isEqualTo("""
                == DataJax plan ==
                executor: local (in-process, 1 thread)
                Stage 0 INPUT input[0] orders
                  out: (user_id INT64, unit_price FLOAT64, qty INT64, note STRING)  sharding: blocks
                rules applied: none
                """);
    }

    @Test
    void formatsMemoryInBinaryUnits() {
        assertThat(ExplainPrinter.bytes(512)).isEqualTo("512 B");
        assertThat(ExplainPrinter.bytes(1536)).isEqualTo("1.5 KB");
        assertThat(ExplainPrinter.bytes(3L << 30)).isEqualTo("3.0 GB");
        assertThat(ExplainPrinter.bytes(5L << 40)).isEqualTo("5120.0 GB");
    }
}
