package io.datajax.tests.oracle;

import static io.datajax.tests.oracle.Ex.quote;

import io.datajax.tests.oracle.Pipeline.Meta;
import io.datajax.tests.tables.Rows;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/** An in-memory DuckDB database holding generated tables, each with a hidden row number {@code __rid}. */
final class DuckDb implements AutoCloseable {
    private final DuckDBConnection connection;

    /**
     * The result of a query.
     *
     * @param columns the column names
     * @param rows the rows, cells {@link Rows#normalized}
     */
    record Result(List<String> columns, List<List<Object>> rows) {
    }

    DuckDb() throws SQLException {
        Connection plain = DriverManager.getConnection("jdbc:duckdb:");
        this.connection = plain.unwrap(DuckDBConnection.class);
    }

    /** Creates (or replaces) the table and appends its rows; {@code __rid} numbers the rows from 0. */
    void load(RandomTable table) throws SQLException {
        StringBuilder ddl = new StringBuilder("CREATE OR REPLACE TABLE " + table.name() + " (__rid INTEGER");
        for (Meta column : table.columns()) {
            ddl.append(", ").append(quote(column.name())).append(' ').append(Ex.sqlType(column.type()));
        }
        ddl.append(')');
        try (Statement statement = connection.createStatement()) {
            statement.execute(ddl.toString());
        }
        try (DuckDBAppender appender = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, table.name())) {
            int rid = 0;
            for (List<Object> row : table.rows()) {
                appender.beginRow();
                appender.append(rid++);
                for (Object value : row) {
                    if (value == null) {
                        appender.appendNull();
                    } else if (value instanceof Integer i) {
                        appender.append(i.intValue());
                    } else if (value instanceof Long l) {
                        appender.append(l.longValue());
                    } else if (value instanceof Double d) {
                        appender.append(d.doubleValue());
                    } else if (value instanceof String s) {
                        appender.append(s);
                    } else if (value instanceof Boolean b) {
                        appender.append(b.booleanValue());
                    } else if (value instanceof LocalDate d) {
                        appender.append(d);
                    } else {
                        throw new IllegalArgumentException("cannot append " + value.getClass());
                    }
                }
                appender.endRow();
            }
        }
    }

    /** Runs a query. */
    Result query(String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnLabel(i));
            }
            List<List<Object>> rows = new ArrayList<>();
            while (rs.next()) {
                List<Object> row = new ArrayList<>(columns.size());
                for (int i = 1; i <= columns.size(); i++) {
                    Object value = meta.getColumnTypeName(i).equals("DATE") ? rs.getObject(i, LocalDate.class) : rs.getObject(i);
                    row.add(Rows.normalized(value));
                }
                rows.add(row);
            }
            return new Result(columns, rows);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
