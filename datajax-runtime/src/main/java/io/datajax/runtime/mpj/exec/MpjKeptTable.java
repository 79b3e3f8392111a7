package io.datajax.runtime.mpj.exec;

import static java.util.Objects.requireNonNull;

import io.datajax.api.spi.CallInput;
import io.datajax.api.spi.KeptTable;
import io.datajax.api.spi.StageListener;
import io.datajax.ir.Schema;
import io.datajax.ir.Sharding;
import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.ExecutionException;
import io.datajax.ir.plan.Scan;
import io.datajax.planner.stages.StagePlan;
import io.datajax.planner.stages.StageSplitter;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * A result the MPJ ranks keep, each its own part, between calls of one {@link MpjExecutor}: the driver holds only
 * its id, schema, sharding and row count. Lost when the pool's ranks are restarted (after a rank failure);
 * {@link #close()} frees the parts with the executor's next call (or when the executor closes).
 */
final class MpjKeptTable implements KeptTable {
    private final MpjExecutor executor;
    private final long id;
    private final int generation;
    private final Schema schema;
    private final Sharding sharding;
    private final long rows;
    private volatile boolean closed;

    MpjKeptTable(MpjExecutor executor, long id, int generation, Schema schema, Sharding sharding, long rows) {
        this.executor = requireNonNull(executor, "executor is null");
        this.id = id;
        this.generation = generation;
        this.schema = requireNonNull(schema, "schema is null");
        this.sharding = requireNonNull(sharding, "sharding is null");
        this.rows = rows;
    }

    long id() {
        return id;
    }

    MpjExecutor executorInstance() {
        return executor;
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public Sharding sharding() {
        return sharding;
    }

    @Override
    public long rowCount() {
        return rows;
    }

    @Override
    public String executor() {
        return executor.name();
    }

    /** The rows gathered from the ranks in rank order, as a new table; they stay kept. */
    @Override
    public Table collect() {
        requireUsable();
        Scan scan = new Scan(0, "kept", schema, Sharding.blocks());
        int parallelism = executor.parallelism();
        StagePlan plan = new StagePlan(scan, scan, StageSplitter.split(scan, parallelism), List.of(), parallelism);
        return executor.executeInputs(plan, List.of(CallInput.of(this)), StageListener.NONE).table();
    }

    @Override
    public boolean isOpen() {
        return !closed && executor.generation() == generation;
    }

    /** Fails when this result was closed or its ranks were restarted. */
    void requireUsable() {
        if (closed) {
            throw new ExecutionException(ErrorCode.INVALID_ARGUMENT, "This kept result (" + schema + ", id " + id
                    + ") was closed; close kept results only after their last use.");
        }
        if (executor.generation() != generation) {
            throw new ExecutionException(ErrorCode.EXECUTION_FAILED, "This kept result (" + schema + ", id " + id
                    + ") is lost: the MPJ ranks that held it were restarted after a failure. Recompute it.");
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            executor.release(id);
        }
    }

    @Override
    public String toString() {
        return "kept " + schema + " on mpj ranks as " + sharding + ", " + rows + " rows (id " + id + ")";
    }
}
