package io.datajax.api;

import io.datajax.api.spi.ExecutionResult;
import io.datajax.api.spi.Executor;
import io.datajax.api.spi.StageListener;
import io.datajax.planner.stages.StageMetrics;
import io.datajax.planner.stages.StagePlan;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.Table;

/** A hand-written fake executor: records the plans it is given and returns an empty table per call. */
final class RecordingExecutor implements Executor {
    final List<StagePlan> plans = new ArrayList<>();

    @Override
    public String name() {
        return "recording";
    }

    @Override
    public ExecutionResult execute(StagePlan plan, List<Table> inputs, StageListener listener) {
        plans.add(plan);
        List<StageMetrics> metrics = new ArrayList<>();
        plan.stages().forEach(stage -> {
            listener.stageStarted(stage);
            StageMetrics m = new StageMetrics(stage.id(), 0, 0, 0, 0, 0);
            metrics.add(m);
            listener.stageFinished(stage, m);
        });
        return new ExecutionResult(Table.create("result"), "fake", metrics);
    }

    @Override
    public void close() {
    }
}
