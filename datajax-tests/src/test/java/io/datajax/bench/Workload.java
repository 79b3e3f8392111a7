package io.datajax.bench;

import io.datajax.api.DataJaxConfig;
import io.datajax.api.JitFunction;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Supplier;
import org.duckdb.DuckDBConnection;
import tech.tablesaw.api.Table;

/**
 * One benchmark query of {@code PEERS.md} at one size: it generates its data (seeded: the same values on every
 * run) and states the query in each engine's idiom. Implementations are immutable; the data lives in the
 * {@link Prepared} instance that {@link #prepare()} returns, so it can be dropped after the workload has run.
 */
interface Workload {
    /** The identifier used by {@code --workloads}, e.g. {@code q6-6m}. */
    String id();

    /** The family the identifier belongs to, e.g. {@code q6}; {@code --workloads q6} selects every size. */
    String family();

    /** Rows of the largest (fact) input. */
    int rows();

    /** What the query does, in one line for the report. */
    String description();

    /** Generates the data as primitive arrays and builds the Tablesaw inputs from them. */
    Prepared prepare();

    /**
     * A workload with its data generated. Each engine method runs the query once; the timed part is the call
     * itself, and the returned supplier turns the engine's native result into {@link ResultRows} afterwards
     * (outside the timing, and only for the run whose result is checked).
     */
    interface Prepared {
        /** The Tablesaw inputs, in the order the DataJax function takes them. */
        List<Table> tables();

        /** Creates and fills this workload's DuckDB tables (the load is timed separately, never counted). */
        void loadInto(DuckDBConnection connection) throws SQLException;

        /** The DuckDB tables {@link #loadInto} created, to drop afterwards. */
        List<String> duckDbTables();

        /** The query in DuckDB SQL; its first {@link #keyCount()} output columns are the group keys. */
        String sql();

        /** The number of group-key columns of the result (0 for a global aggregate). */
        int keyCount();

        /** The query as a DataJax function over {@link #tables()} (traced on its first call). */
        JitFunction jit(DataJaxConfig config);

        /** The DataJax result's key columns, then value columns, by name. */
        List<String> resultKeys();

        /** The DataJax result's value columns, by name, in the order of the SQL output. */
        List<String> resultValues();

        /** The query as a single-threaded hand-written loop over the primitive arrays. */
        Supplier<ResultRows> handLoop();

        /** The query in idiomatic Tablesaw ({@code where}, column arithmetic, {@code summarize}, {@code joinOn}). */
        Supplier<ResultRows> tablesaw();
    }
}
