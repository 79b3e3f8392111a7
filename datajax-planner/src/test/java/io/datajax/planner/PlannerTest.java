package io.datajax.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.ShardingException;
import io.datajax.ir.plan.PlanNode;
import io.datajax.ir.plan.PlanPrinter;
import io.datajax.planner.rules.RuleSet;
import io.datajax.planner.stages.StageKind;
import io.datajax.planner.stages.StagePlan;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlannerTest {

    @Test
    void plansOptimisesThenSplits() {
        PlanNode traced = PlanFixtures.pipeline();

        StagePlan plan = new Planner(RuleSet.standard(), true).plan(traced, 2);

        assertThat(plan.traced()).isSameAs(traced);
        assertThat(PlanPrinter.print(plan.optimized())).isEqualTo(PlanPrinter.print(Planner.standard().optimize(traced)));
        assertThat(plan.stages()).extracting(s -> s.kind()).containsExactly(StageKind.INPUT, StageKind.TRANSFORM,
                StageKind.INPUT, StageKind.TRANSFORM, StageKind.JOIN, StageKind.AGGREGATE);
        assertThat(plan.appliedRules()).startsWith("FoldConstants").contains("PruneColumns");
        assertThat(plan.schema()).isEqualTo(traced.schema());
        assertThat(plan.parallelism()).isEqualTo(2);
    }

    @Test
    void rewritesAreOptional() {
        PlanNode traced = PlanFixtures.pipeline();
        Planner off = new Planner(RuleSet.standard().withDisabled(Set.copyOf(RuleSet.standard().ruleNames())), true);

        StagePlan plan = off.plan(traced, 1);

        assertThat(plan.optimized()).isSameAs(traced);
        assertThat(plan.appliedRules()).isEmpty();
        assertThat(plan.stages()).extracting(s -> s.kind()).containsExactly(StageKind.INPUT, StageKind.TRANSFORM,
                StageKind.INPUT, StageKind.JOIN, StageKind.TRANSFORM, StageKind.AGGREGATE);
    }

    @Test
    void rejectsParallelismBelowOne() {
        assertThatThrownBy(() -> Planner.standard().plan(PlanFixtures.orders(), 0))
                .isInstanceOf(ShardingException.class)
                .hasMessage("[INVALID_SHARDING] Parallelism must be at least 1 (the number of ranks), got 0.")
                .satisfies(e -> assertThat(((ShardingException) e).code()).isEqualTo(ErrorCode.INVALID_SHARDING));
    }
}
