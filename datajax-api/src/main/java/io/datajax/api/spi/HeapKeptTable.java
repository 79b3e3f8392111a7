package io.datajax.api.spi;

import static java.util.Objects.requireNonNull;

import io.datajax.ir.Schema;
import io.datajax.ir.Sharding;
import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.ExecutionException;
import tech.tablesaw.api.Table;

/**
 * A kept result held as a Tablesaw table in the caller's JVM: what executors that keep nothing elsewhere return
 * from {@link Executor#executeAndKeep} by default.
 */
public final class HeapKeptTable implements KeptTable {
    private final String executor;
    private final Schema schema;
    private final Sharding sharding;
    private volatile Table table;

    /** Keeps {@code table} (which the caller must no longer modify) as a result of {@code executor}. */
    public HeapKeptTable(String executor, Schema schema, Sharding sharding, Table table) {
        this.executor = requireNonNull(executor, "executor is null");
        this.schema = requireNonNull(schema, "schema is null");
        this.sharding = requireNonNull(sharding, "sharding is null");
        this.table = requireNonNull(table, "table is null");
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
        return open().rowCount();
    }

    @Override
    public String executor() {
        return executor;
    }

    @Override
    public Table collect() {
        return open().copy();
    }

    /** The kept table itself, not a copy, for an executor that reads it as an input; never modify it. */
    public Table table() {
        return open();
    }

    @Override
    public boolean isOpen() {
        return table != null;
    }

    @Override
    public void close() {
        table = null;
    }

    private Table open() {
        Table current = table;
        if (current == null) {
            throw new ExecutionException(ErrorCode.INVALID_ARGUMENT, "This kept result of the " + executor
                    + " executor was closed; keep it open while later calls read it.");
        }
        return current;
    }

    @Override
    public String toString() {
        Table current = table;
        return "kept " + schema + " on " + executor + (current == null ? " (closed)" : ", " + current.rowCount()
                + " rows");
    }
}
