package io.datajax.api.spi;

import io.datajax.ir.Schema;
import io.datajax.ir.Sharding;
import tech.tablesaw.api.Table;

/**
 * A call's result that an executor keeps for later calls instead of handing it back: on the MPJ executor every
 * rank keeps its own shard, so a later call can read it without the driver gathering and re-shipping it. Owned
 * by the caller, who closes it to free what it holds; a closed kept table cannot be read or passed again.
 *
 * <p>Made by {@link Executor#executeAndKeep}; passed back with {@link CallInput#of(KeptTable)} to the executor
 * that made it.
 */
public interface KeptTable extends AutoCloseable {

    /** The schema of the rows. */
    Schema schema();

    /** Where the rows lie: the sharding of the stage plan's result that made them. */
    Sharding sharding();

    /** The number of rows over all shards (a replicated result's rows are counted once). */
    long rowCount();

    /** The name of the executor that keeps these rows. */
    String executor();

    /**
     * The rows as a new table owned by the caller (on the MPJ executor: gathered from the ranks); the rows stay
     * kept.
     *
     * @throws io.datajax.ir.error.ExecutionException (INVALID_ARGUMENT) when this table was closed
     */
    Table collect();

    /** Whether the rows are still kept (not closed, and the executor still holds them). */
    boolean isOpen();

    /** Frees the rows; idempotent. */
    @Override
    void close();
}
