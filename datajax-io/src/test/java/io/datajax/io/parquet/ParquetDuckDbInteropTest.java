package io.datajax.io.parquet;

import static io.datajax.io.files.TestData.ALL_TYPES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datajax.io.ReadRequest;
import io.datajax.io.files.TestData;
import io.datajax.ir.DataType;
import io.datajax.ir.Field;
import io.datajax.ir.Schema;
import io.datajax.ir.error.DataJaxException;
import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.expr.ColumnRef;
import io.datajax.ir.expr.Comparison;
import io.datajax.ir.expr.ComparisonOp;
import io.datajax.ir.expr.Literal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** DuckDB as the oracle: it writes Parquet that {@link ParquetSource} reads, and reads what {@link ParquetSink} writes. */
class ParquetDuckDbInteropTest {
    /** Every supported type, with nulls, extremes, NaN, unicode, and both low- and high-cardinality strings. */
    private static final String ROWS = """
            SELECT
              CASE WHEN i % 7 = 3 THEN NULL ELSE i % 3 = 0 END AS b,
              CASE WHEN i % 7 = 4 THEN NULL WHEN i = 0 THEN -2147483648 WHEN i = 1 THEN 2147483647
                   ELSE (i * 31 - 1000)::INTEGER END AS i,
              CASE WHEN i % 7 = 5 THEN NULL WHEN i = 0 THEN -9223372036854775808 ELSE i * 1000003 END AS l,
              CASE WHEN i % 7 = 6 THEN NULL WHEN i = 0 THEN 'NaN'::DOUBLE WHEN i = 1 THEN -0.0::DOUBLE
                   ELSE i / 8.0 END AS d,
              CASE WHEN i % 7 = 0 THEN NULL WHEN i = 1 THEN 'äöü ✓ 𝄞' ELSE 's' || (i % 100) END AS s,
              CASE WHEN i % 11 = 0 THEN NULL ELSE 'u' || i END AS u,
              CASE WHEN i % 7 = 1 THEN NULL ELSE DATE '1970-01-01' + (i - 5000)::INTEGER END AS dt,
              CASE WHEN i % 7 = 2 THEN NULL
                   ELSE TIMESTAMP '2023-11-14 22:13:20' + to_microseconds(i * 61000123) END AS ts
            FROM range(ROW_COUNT) t(i)
            """;

    @TempDir
    Path dir;

    private BufferAllocator allocator;
    private Connection duckdb;

    @BeforeEach
    void open() throws SQLException {
        allocator = new RootAllocator();
        duckdb = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement statement = duckdb.createStatement()) {
            statement.execute("SET threads = 1");
        }
    }

    @AfterEach
    void close() throws SQLException {
        duckdb.close();
        assertThat(allocator.getAllocatedMemory()).as("bytes still allocated").isZero();
        allocator.close();
    }

    private List<List<Object>> duckDbRows(String query) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Statement statement = duckdb.createStatement(); ResultSet result = statement.executeQuery(query)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                Object[] row = new Object[columns];
                for (int c = 0; c < columns; c++) {
                    String type = result.getMetaData().getColumnTypeName(c + 1);
                    row[c] = type.equals("DATE") ? result.getObject(c + 1, LocalDate.class)
                            : type.equals("TIMESTAMP") ? result.getObject(c + 1, LocalDateTime.class)
                            : result.getObject(c + 1);
                }
                rows.add(Arrays.asList(row));
            }
        }
        return rows;
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = duckdb.createStatement()) {
            statement.execute(sql);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"snappy", "zstd", "gzip", "uncompressed", "lz4_raw"})
    void fileWrittenByDuckDbReadsAsDuckDbsRows(String codec) throws SQLException {
        Path file = dir.resolve("duck.parquet");
        execute("COPY (" + ROWS.replace("ROW_COUNT", "30000") + ") TO '" + file + "' (FORMAT parquet, COMPRESSION " + codec
                + ", ROW_GROUP_SIZE 10240)");

        ParquetSource source = ParquetSource.of(file);
        TestData.Read read = TestData.readAll(source, new ReadRequest(source.schema().names(), Optional.empty(), 4096),
                allocator);

        assertThat(source.schema()).isEqualTo(new Schema(List.of(Field.of("b", DataType.BOOLEAN),
                Field.of("i", DataType.INT32), Field.of("l", DataType.INT64), Field.of("d", DataType.FLOAT64),
                Field.of("s", DataType.STRING), Field.of("u", DataType.STRING), Field.of("dt", DataType.DATE),
                Field.of("ts", DataType.TIMESTAMP))));
        assertThat(read.parts().parts()).hasSizeGreaterThan(1);
        assertThat(read.rows()).isEqualTo(duckDbRows("SELECT * FROM read_parquet('" + file + "')"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"snappy", "uncompressed"})
    void parquetVersion2FileWrittenByDuckDbReadsAsDuckDbsRows(String codec) throws SQLException {
        // DuckDB's V2 writes data pages v2 with DELTA_BINARY_PACKED integers, dates and timestamps,
        // BYTE_STREAM_SPLIT doubles and DELTA_LENGTH_BYTE_ARRAY strings.
        Path file = dir.resolve("duck-v2.parquet");
        execute("COPY (" + ROWS.replace("ROW_COUNT", "30000") + ") TO '" + file + "' (FORMAT parquet, COMPRESSION "
                + codec + ", ROW_GROUP_SIZE 10240, PARQUET_VERSION V2)");

        ParquetSource source = ParquetSource.of(file);
        TestData.Read read = TestData.readAll(source, new ReadRequest(source.schema().names(), Optional.empty(), 4096),
                allocator);

        assertThat(duckDbRows("SELECT DISTINCT encodings FROM parquet_metadata('" + file + "')"))
                .extracting(row -> (String) row.get(0))
                .anyMatch(e -> e.contains("DELTA_BINARY_PACKED"))
                .anyMatch(e -> e.contains("BYTE_STREAM_SPLIT"))
                .anyMatch(e -> e.contains("DELTA_LENGTH_BYTE_ARRAY"));
        assertThat(read.rows()).isEqualTo(duckDbRows("SELECT * FROM read_parquet('" + file + "')"));
    }

    @Test
    void statisticsWrittenByDuckDbSkipRowGroups() throws SQLException {
        Path file = dir.resolve("sorted.parquet");
        execute("COPY (SELECT i AS x FROM range(100000) t(i)) TO '" + file + "' (FORMAT parquet, ROW_GROUP_SIZE 10240)");
        ParquetSource source = ParquetSource.of(file);
        ReadRequest request = new ReadRequest(List.of("x"), Optional.of(new Comparison(ComparisonOp.GE,
                new ColumnRef("x", DataType.INT64, true), Literal.of(95_000L))), 1 << 16);

        TestData.Read read = TestData.readAll(source, request, allocator);

        assertThat(read.parts().skipped()).isGreaterThan(5);
        assertThat(read.rows()).hasSizeLessThan(20_000).contains(List.of(95_000L)).contains(List.of(99_999L));
    }

    @Test
    void duckDbReadsWhatParquetSinkWrote() throws SQLException {
        List<VectorSchemaRoot> batches = List.of(TestData.allTypes(allocator, 0, 700),
                TestData.allTypes(allocator, 700, 300));
        Path output;
        try {
            output = TestData.write(ParquetSink.of(dir.resolve("out")).withRowGroupRows(256), ALL_TYPES,
                    List.of(batches), allocator);
        } finally {
            batches.forEach(VectorSchemaRoot::close);
        }
        String file = output.resolve("part-00000.parquet").toString();

        assertThat(duckDbRows("SELECT * FROM read_parquet('" + file + "')")).isEqualTo(TestData.expected(0, 1000));
        assertThat(duckDbRows("SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet('" + file
                + "'))")).extracting(row -> row.get(1))
                .containsExactly("BOOLEAN", "INTEGER", "BIGINT", "DOUBLE", "VARCHAR", "DATE", "TIMESTAMP");
        assertThat(duckDbRows("SELECT count(*), max(row_group_id) FROM parquet_metadata('" + file
                + "') WHERE path_in_schema = 'l' AND stats_min_value IS NOT NULL"))
                .containsExactly(List.of(4L, 3L));
    }

    @Test
    void columnsOfOtherTypesAreRejectedNamingTheColumnAndItsParquetType() throws SQLException {
        Path file = dir.resolve("other.parquet");
        execute("COPY (SELECT 1 AS ok, 1.5::DECIMAL(10, 2) AS price) TO '" + file + "' (FORMAT parquet)");

        assertThatThrownBy(() -> ParquetSource.of(file))
                .isInstanceOfSatisfying(DataJaxException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.TYPE_MISMATCH))
                .hasMessageContaining("'price'")
                .hasMessageContaining(file.toString())
                .hasMessageContaining("DECIMAL");
    }

    @Test
    void nestedColumnsAreRejectedNamingTheColumn() throws SQLException {
        Path file = dir.resolve("nested.parquet");
        execute("COPY (SELECT 1 AS ok, [1, 2] AS tags) TO '" + file + "' (FORMAT parquet)");

        assertThatThrownBy(() -> ParquetSource.of(file))
                .isInstanceOf(DataJaxException.class)
                .hasMessageContaining("'tags'");
    }
}
