package io.datajax.runtime.mpj.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datajax.ir.DataType;
import io.datajax.ir.Field;
import io.datajax.ir.Schema;
import io.datajax.ir.Sharding;
import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.ExecutionException;
import io.datajax.ir.expr.ColumnRef;
import io.datajax.ir.plan.AggCall;
import io.datajax.ir.plan.AggFunction;
import io.datajax.ir.plan.Aggregate;
import io.datajax.ir.plan.Limit;
import io.datajax.ir.plan.PlanNode;
import io.datajax.ir.plan.Scan;
import io.datajax.planner.Planner;
import io.datajax.planner.stages.StageKind;
import io.datajax.planner.stages.StagePlan;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DistributedPlanTest {
    private static final Schema SCHEMA = new Schema(List.of(new Field("k", DataType.INT32, true),
            new Field("v", DataType.INT64, true)));

    private static StagePlan plan(int ranks) {
        Scan scan = new Scan(0, "t", SCHEMA, Sharding.blocks());
        PlanNode aggregate = new Aggregate(scan, List.of("k"), List.of(new AggCall(AggFunction.SUM,
                Optional.of(ColumnRef.of(SCHEMA.field("v"))), "v")));
        return Planner.standard().plan(new Limit(aggregate, 3), ranks);
    }

    @Test
    void encodesAndDecodesEveryStage() {
        DistributedPlan plan = DistributedPlan.of(plan(3));
        DistributedPlan decoded = DistributedPlan.decode(plan.encode());
        assertThat(decoded.stages()).hasSameSizeAs(plan.stages());
        for (int i = 0; i < plan.stages().size(); i++) {
            StageStep a = plan.stage(i);
            StageStep b = decoded.stage(i);
            assertThat(b.kind()).isEqualTo(a.kind());
            assertThat(b.inputs()).isEqualTo(a.inputs());
            assertThat(b.nodes()).isEqualTo(a.nodes());
            assertThat(b.sharding()).isEqualTo(a.sharding());
            assertThat(b.exchanges()).isEqualTo(a.exchanges());
            assertThat(b.ordered()).isEqualTo(a.ordered());
        }
        assertThat(plan.describe()).isEqualTo("stages 0 INPUT, 1 AGGREGATE, 2 TRANSFORM");
    }

    @Test
    void anAggregateFeedingALimitIsNeededInOrder() {
        DistributedPlan plan = DistributedPlan.of(plan(2));
        assertThat(plan.stage(1).kind()).isEqualTo(StageKind.AGGREGATE);
        assertThat(plan.stage(1).ordered()).isTrue();
        assertThat(plan.result().ordered()).isTrue();
    }

    @Test
    void garbageIsAnInvalidPlan() {
        assertThatThrownBy(() -> DistributedPlan.decode(new byte[] {1, 2, 3}))
                .isInstanceOf(ExecutionException.class)
                .satisfies(e -> assertThat(((ExecutionException) e).code()).isEqualTo(ErrorCode.INVALID_PLAN))
                .hasMessageContaining("could not be decoded");
    }

    @Test
    void skewIsMaxOverMedian() {
        assertThat(MpjExecutor.skew(new long[] {10, 10})).isEqualTo(1.0);
        assertThat(MpjExecutor.skew(new long[] {1, 2, 8})).isEqualTo(4.0);
        assertThat(MpjExecutor.skew(new long[] {0, 0, 5})).isInfinite();
        assertThat(MpjExecutor.skew(new long[] {0, 0})).isEqualTo(1.0);
    }

    @Test
    void rankStageFailuresAreReadBackOnTheDriver() {
        StageStep step = DistributedPlan.of(plan(2)).stage(1);
        RankStageException e = new RankStageException(step, 1, 2,
                new ExecutionException(ErrorCode.INTEGER_OVERFLOW, "INT64 overflow in sum(v)"));
        RankStageException.Parsed parsed = RankStageException.parse(e.getMessage()).orElseThrow();
        assertThat(parsed.stage()).isEqualTo("stage 1 AGGREGATE");
        assertThat(parsed.rank()).isEqualTo(1);
        assertThat(parsed.code()).contains("INTEGER_OVERFLOW");
        assertThat(parsed.reason()).isEqualTo("INT64 overflow in sum(v)");
        assertThat(RankStageException.parse(new RankStageException(step, 0, 2, new IllegalStateException("boom"))
                .getMessage()).orElseThrow().code()).isEmpty();
    }
}
