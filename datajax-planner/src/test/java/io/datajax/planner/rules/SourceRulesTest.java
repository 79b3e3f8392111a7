package io.datajax.planner.rules;

import static io.datajax.planner.PlanFixtures.cmp;
import static io.datajax.planner.PlanFixtures.col;
import static io.datajax.planner.PlanFixtures.lit;
import static io.datajax.planner.PlanFixtures.named;
import static org.assertj.core.api.Assertions.assertThat;

import io.datajax.ir.DataType;
import io.datajax.ir.Field;
import io.datajax.ir.Schema;
import io.datajax.ir.Sharding;
import io.datajax.ir.expr.Arithmetic;
import io.datajax.ir.expr.ArithmeticOp;
import io.datajax.ir.expr.ComparisonOp;
import io.datajax.ir.plan.AggCall;
import io.datajax.ir.plan.AggFunction;
import io.datajax.ir.plan.Aggregate;
import io.datajax.ir.plan.Filter;
import io.datajax.ir.plan.PlanNode;
import io.datajax.ir.plan.PlanPrinter;
import io.datajax.ir.plan.PlanVerifier;
import io.datajax.ir.plan.Project;
import io.datajax.ir.plan.SourceScan;
import io.datajax.planner.FakeSource;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SourceRulesTest {
    private static final Schema EVENTS = Schema.of(Field.of("k", DataType.INT64), Field.of("v", DataType.FLOAT64),
            Field.of("w", DataType.INT64), Field.of("junk", DataType.STRING));

    private static SourceScan events() {
        return SourceScan.of(new FakeSource("events", EVENTS), Sharding.blocks());
    }

    @Test
    void filterAboveASourceBecomesItsSkippingHintAndStays() {
        SourceScan scan = events();
        Filter plan = new Filter(scan, cmp(col(scan, "w"), ComparisonOp.GT, lit(5L)));

        PlanNode after = new PushFilterIntoSource().apply(plan).orElseThrow();

        PlanVerifier.verify(after);
        assertThat(PlanPrinter.print(after)).isEqualTo("""
                Filter[(w > 5L)] -> (k INT64, v FLOAT64, w INT64, junk STRING)
                  SourceScan[fake(events) (k INT64, v FLOAT64, w INT64, junk STRING), columns 4/4, skip unless (w > 5L), blocks] -> (k INT64, v FLOAT64, w INT64, junk STRING)
                """);
        assertThat(new PushFilterIntoSource().apply(after)).isEmpty();
    }

    @Test
    void projectionAboveASourceNarrowsTheRead() {
        SourceScan scan = events();
        Project plan = new Project(scan, List.of(named("k", col(scan, "k")),
                named("s", Arithmetic.of(ArithmeticOp.MULTIPLY, col(scan, "v"), lit(2.0)))));

        PlanNode after = new NarrowSourceScan().apply(plan).orElseThrow();

        assertThat(PlanPrinter.print(after)).isEqualTo("""
                Project[k, s := (v * 2.0)] -> (k INT64, s FLOAT64)
                  SourceScan[fake(events) (k INT64, v FLOAT64), columns 2/4, blocks] -> (k INT64, v FLOAT64)
                """);
        assertThat(new NarrowSourceScan().apply(after)).isEmpty();
    }

    @Test
    void aReadKeepsOneColumnWhenNoneIsUsed() {
        SourceScan scan = events();
        Project plan = new Project(scan, List.of(named("one", lit(1L))));

        PlanNode after = new NarrowSourceScan().apply(plan).orElseThrow();

        assertThat(((SourceScan) after.inputs().get(0)).schema().names()).containsExactly("k");
    }

    @Test
    void standardRulesPushTheFilterAndTheProjectionIntoTheRead() {
        SourceScan scan = events();
        Filter filter = new Filter(scan, cmp(col(scan, "w"), ComparisonOp.GT, lit(5L)));
        Aggregate plan = new Aggregate(filter, List.of("k"),
                List.of(new AggCall(AggFunction.SUM, Optional.of(col(filter, "v")), "v")));

        PlanNode optimized = new RuleDriver(RuleSet.standard(), true).run(plan).plan();

        assertThat(PlanPrinter.print(optimized)).isEqualTo("""
                Aggregate[keys=[k], v := sum(v)] -> (k INT64, v FLOAT64)
                  Filter[(w > 5L)] -> (k INT64, v FLOAT64, w INT64)
                    SourceScan[fake(events) (k INT64, v FLOAT64, w INT64), columns 3/4, skip unless (w > 5L), blocks] -> (k INT64, v FLOAT64, w INT64)
                """);
    }
}
