package io.datajax.runtime.local;

import static java.util.Objects.requireNonNull;

import io.datajax.api.DataJaxConfig;
import io.datajax.api.spi.ExecutionResult;
import io.datajax.api.spi.Executor;
import io.datajax.api.spi.StageListener;
import io.datajax.ir.plan.PlanNode;
import io.datajax.planner.stages.Stage;
import io.datajax.planner.stages.StageMetrics;
import io.datajax.planner.stages.StagePlan;
import io.datajax.runtime.column.Batch;
import io.datajax.runtime.kernel.MemoryMeter;
import io.datajax.runtime.tablesaw.TablesawConverter;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.tablesaw.api.Table;

/**
 * The in-process executor: runs the stages of a plan in order on the calling thread, each as a pass of
 * kernels over columnar batches, converting each input table once on first use and the result once at
 * the end. Holds no resources between calls. {@link DataJaxConfig#threads()} is not used yet: every run
 * is single-threaded, which the execution mode states.
 */
public final class LocalExecutor implements Executor {
    private static final Logger LOG = LoggerFactory.getLogger(LocalExecutor.class);
    private static final String MODE = "in-process, 1 thread";

    private final DataJaxConfig config;

    /** An executor configured by {@code config}. */
    public LocalExecutor(DataJaxConfig config) {
        this.config = requireNonNull(config, "config is null");
    }

    /** An executor with the default configuration. */
    public LocalExecutor() {
        this(DataJaxConfig.defaults());
    }

    @Override
    public String name() {
        return LocalExecutorProvider.NAME;
    }

    /** The configuration this executor was created with. */
    public DataJaxConfig config() {
        return config;
    }

    @Override
    public ExecutionResult execute(StagePlan plan, List<Table> inputs, StageListener listener) {
        requireNonNull(plan, "plan is null");
        requireNonNull(inputs, "inputs is null");
        requireNonNull(listener, "listener is null");
        InputTables tables = new InputTables(inputs);
        List<Batch> outputs = new ArrayList<>(plan.stages().size());
        List<StageMetrics> metrics = new ArrayList<>(plan.stages().size());
        for (Stage stage : plan.stages()) {
            listener.stageStarted(stage);
            long start = System.nanoTime();
            List<Batch> stageInputs = new ArrayList<>(stage.inputs().size());
            long rowsIn = 0;
            for (int input : stage.inputs()) {
                Batch batch = outputs.get(input);
                stageInputs.add(batch);
                rowsIn += batch.rowCount();
            }
            MemoryMeter meter = new MemoryMeter();
            NodeRunner runner = new NodeRunner(tables, meter);
            Batch current = null;
            for (int i = 0; i < stage.nodes().size(); i++) {
                PlanNode node = stage.nodes().get(i);
                current = runner.run(node, i == 0 ? stageInputs : List.of(current));
            }
            if (stage.inputs().isEmpty()) {
                rowsIn = runner.rowsScanned();
            }
            outputs.add(current);
            long nanos = System.nanoTime() - start;
            StageMetrics stageMetrics = new StageMetrics(stage.id(), rowsIn, current.rowCount(), nanos, 0,
                    current.estimatedBytes() + meter.bytes());
            metrics.add(stageMetrics);
            LOG.debug("stage {} {} rows {} -> {} in {} us", stage.id(), stage.kind(), rowsIn, current.rowCount(),
                    nanos / 1_000);
            listener.stageFinished(stage, stageMetrics);
        }
        Table result = TablesawConverter.toTable("result", outputs.get(outputs.size() - 1));
        return new ExecutionResult(result, MODE, metrics);
    }

    @Override
    public void close() {
        // Nothing is held between calls.
    }
}
