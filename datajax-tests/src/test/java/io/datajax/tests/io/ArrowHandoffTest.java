package io.datajax.tests.io;

import static io.datajax.api.Functions.col;
import static io.datajax.api.Functions.count;
import static io.datajax.api.Functions.lit;
import static io.datajax.api.Functions.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datajax.api.DataJax;
import io.datajax.api.DataJaxConfig;
import io.datajax.api.Input;
import io.datajax.api.JitFunction;
import io.datajax.io.arrow.ArrowCData;
import io.datajax.io.arrow.ArrowCollector;
import io.datajax.io.arrow.ArrowSources;
import io.datajax.ir.error.TracingException;
import io.datajax.runtime.Executors;
import io.datajax.runtime.mpj.exec.MpjExecutor;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBResultSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Arrow in and out of a jitted function: in-memory roots and streams as inputs (exact: NaN stays a value,
 * null stays null), results collected as Arrow batches, and both through the C Data Interface with DuckDB as
 * the native peer. Every test ends with its allocator empty.
 */
class ArrowHandoffTest {
    private BufferAllocator allocator;

    @BeforeEach
    void open() {
        allocator = new RootAllocator();
    }

    @AfterEach
    void close() {
        assertThat(allocator.getAllocatedMemory()).as("Arrow memory left allocated").isZero();
        allocator.close();
    }

    private VectorSchemaRoot orders(long[] users, double[] amounts, String[] notes) {
        VectorSchemaRoot root = VectorSchemaRoot.create(new org.apache.arrow.vector.types.pojo.Schema(List.of(
                io.datajax.io.ArrowSchemas.toArrow(io.datajax.ir.Field.of("user", io.datajax.ir.DataType.INT64)),
                io.datajax.io.ArrowSchemas.toArrow(io.datajax.ir.Field.of("amount", io.datajax.ir.DataType.FLOAT64)),
                io.datajax.io.ArrowSchemas.toArrow(io.datajax.ir.Field.of("note", io.datajax.ir.DataType.STRING)),
                io.datajax.io.ArrowSchemas.toArrow(io.datajax.ir.Field.of("day", io.datajax.ir.DataType.DATE)))),
                allocator);
        BigIntVector user = (BigIntVector) root.getVector("user");
        Float8Vector amount = (Float8Vector) root.getVector("amount");
        VarCharVector note = (VarCharVector) root.getVector("note");
        DateDayVector day = (DateDayVector) root.getVector("day");
        root.allocateNew();
        for (int i = 0; i < users.length; i++) {
            if (users[i] < 0) {
                user.setNull(i);
            } else {
                user.set(i, users[i]);
            }
            amount.set(i, amounts[i]);
            if (notes[i] == null) {
                note.setNull(i);
            } else {
                note.setSafe(i, notes[i].getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            day.set(i, (int) LocalDate.of(2024, 1, 1 + i % 28).toEpochDay());
        }
        root.setRowCount(users.length);
        return root;
    }

    private static final JitFunction TOTALS = DataJax.djit(df -> df
            .filter(col("note").isNotNull())
            .groupBy("user")
            .agg(sum("amount"), count()));

    @Test
    void anArrowRootInGivesAnArrowResultOutWithNullsAndNaNKeptApart() {
        try (VectorSchemaRoot in = orders(new long[] {1, 2, 1, -1, 2}, new double[] {1.5, Double.NaN, 2.5, 4, 1},
                new String[] {"a", "b", "c", "d", null});
                ArrowCollector out = ArrowCollector.into(allocator)) {
            TOTALS.write(out, Input.of(ArrowSources.of(in)));

            try (VectorSchemaRoot result = out.root()) {
                assertThat(result.getSchema().getFields()).extracting(f -> f.getName())
                        .containsExactly("user", "amount", "count");
                assertThat(result.getRowCount()).isEqualTo(3);
                BigIntVector user = (BigIntVector) result.getVector("user");
                Float8Vector amount = (Float8Vector) result.getVector("amount");
                BigIntVector count = (BigIntVector) result.getVector("count");
                assertThat(user.get(0)).isEqualTo(1);
                assertThat(amount.get(0)).isEqualTo(4.0);
                assertThat(user.get(1)).isEqualTo(2);
                assertThat(amount.get(1)).isNaN();
                assertThat(user.isNull(2)).isTrue();
                assertThat(amount.get(2)).isEqualTo(4.0);
                assertThat(count.get(2)).isEqualTo(1);
            }
            assertThat(in.getRowCount()).as("caller's root untouched").isEqualTo(5);
        }
    }

    @Test
    void aSecondCallOnNewArrowDataReusesThePlanAndReadsTheNewRows() {
        JitFunction fn = DataJax.djit(df -> df.withColumn("twice", col("amount").multiply(lit(2.0))).select("user", "twice"));
        try (VectorSchemaRoot first = orders(new long[] {1}, new double[] {1}, new String[] {"x"});
                VectorSchemaRoot second = orders(new long[] {7, 8}, new double[] {3, 4}, new String[] {"y", "z"})) {
            assertThat(fn.apply(Input.of(ArrowSources.of(first))).longColumn("user").asList()).containsExactly(1L);
            assertThat(fn.apply(Input.of(ArrowSources.of(second))).doubleColumn("twice").asList()).containsExactly(6.0, 8.0);
            assertThat(fn.cacheStats().misses()).isEqualTo(1);
            assertThat(fn.lastExecution().orElseThrow().cacheHit()).isTrue();
        }
    }

    @Test
    void frameReadOutsideATraceIsATracingError() {
        try (VectorSchemaRoot in = orders(new long[] {1}, new double[] {1}, new String[] {"x"})) {
            assertThatThrownBy(() -> io.datajax.api.Frame.read(ArrowSources.of(in)))
                    .isInstanceOf(TracingException.class)
                    .hasMessageContaining("outside a traced function")
                    .hasMessageContaining("fn.apply(Input.of(source))");
        }
    }

    @Test
    void aResultHandedToDuckDbThroughTheCDataInterfaceComesBackIntact() throws Exception {
        try (VectorSchemaRoot in = orders(new long[] {1, 2, 3, 1, 2, 3, -1}, new double[] {1, 2, 3, 4, 5, 6, 7},
                new String[] {"a", "b", "c", "d", "e", "f", "g"});
                ArrowCollector out = ArrowCollector.into(allocator);
                Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
            TOTALS.write(out, Input.of(ArrowSources.of(in)));
            List<VectorSchemaRoot> batches = out.batches();
            try (ArrowArrayStream exported = ArrowArrayStream.allocateNew(allocator)) {
                ArrowCData.exportStream(batches, batches.get(0).getSchema(), allocator, exported);
                db.unwrap(DuckDBConnection.class).registerArrowStream("totals", exported);
                List<String> rows = new ArrayList<>();
                try (Statement statement = db.createStatement();
                        ResultSet rs = statement.executeQuery(
                                "SELECT user, amount, count FROM totals ORDER BY user NULLS LAST")) {
                    while (rs.next()) {
                        rows.add(rs.getObject(1) + ":" + rs.getDouble(2) + ":" + rs.getLong(3));
                    }
                }
                assertThat(rows).containsExactly("1:5.0:2", "2:7.0:2", "3:9.0:2", "null:7.0:1");
            }
            // DuckDB's own result back into DataJax through the C Data Interface.
            try (Statement statement = db.createStatement();
                    ResultSet rs = statement.executeQuery(
                            "SELECT i::BIGINT AS user, (i * 1.5)::DOUBLE AS amount, 'n' || i AS note, DATE '2024-01-01' + i::INT AS day"
                                    + " FROM range(10) t(i)")) {
                try (ArrowReader reader = (ArrowReader) rs.unwrap(DuckDBResultSet.class).arrowExportStream(allocator, 4)) {
                    JitFunction fn = DataJax.djit(df -> df.filter(col("user").ge(lit(5L))).agg(sum("amount"), count()),
                            DataJaxConfig.defaults());
                    var result = fn.apply(Input.of(ArrowSources.of(reader)));
                    assertThat(result.doubleColumn("amount").get(0)).isEqualTo(1.5 * (5 + 6 + 7 + 8 + 9));
                    assertThat(result.longColumn("count").get(0)).isEqualTo(5L);
                }
            }
        }
    }

    @Test
    void theMpjExecutorShipsInMemoryArrowDataFromTheDriver() {
        try (MpjExecutor mpj = Executors.mpj(2);
                VectorSchemaRoot in = orders(new long[] {1, 2, 1, 3, 2, 1}, new double[] {1, 2, 3, 4, 5, 6},
                        new String[] {"a", "b", "c", "d", "e", "f"});
                ArrowCollector out = ArrowCollector.into(allocator)) {
            TOTALS.on(mpj).write(out, Input.of(ArrowSources.of(in)));
            try (VectorSchemaRoot result = out.root()) {
                assertThat(result.contentToTSVString()).isEqualTo("user\tamount\tcount\n1\t10.0\t3\n2\t7.0\t2\n3\t4.0\t1\n");
            }
        }
    }
}
