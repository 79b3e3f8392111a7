package io.datajax.bench;

import java.sql.SQLException;
import java.sql.Statement;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/** Creates a DuckDB table and fills it row by row from primitive arrays with DuckDB's appender. */
final class DuckDbTables {
    private DuckDbTables() {
    }

    /** Writes the cells of one row. */
    @FunctionalInterface
    interface RowWriter {
        void write(DuckDBAppender appender, int row) throws SQLException;
    }

    /**
     * Creates {@code name} with the given column definitions (SQL, e.g. {@code "k BIGINT, v DOUBLE"}) and appends
     * {@code rows} rows, each written by {@code writer}.
     */
    static void create(DuckDBConnection connection, String name, String columns, int rows, RowWriter writer)
            throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE OR REPLACE TABLE " + name + " (" + columns + ")");
        }
        try (DuckDBAppender appender = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, name)) {
            for (int row = 0; row < rows; row++) {
                appender.beginRow();
                writer.write(appender, row);
                appender.endRow();
            }
        }
    }
}
