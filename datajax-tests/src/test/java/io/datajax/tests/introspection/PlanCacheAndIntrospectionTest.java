package io.datajax.tests.introspection;

import static io.datajax.api.Functions.col;
import static io.datajax.api.Functions.count;
import static io.datajax.api.Functions.sum;
import static io.datajax.tests.tables.TestTables.doubles;
import static io.datajax.tests.tables.TestTables.ints;
import static io.datajax.tests.tables.TestTables.longs;
import static io.datajax.tests.tables.TestTables.strings;
import static io.datajax.tests.tables.TestTables.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datajax.api.DataJax;
import io.datajax.api.DataJaxConfig;
import io.datajax.api.ExecutionRecord;
import io.datajax.api.JitFunction;
import io.datajax.api.JoinSpec;
import io.datajax.api.TracedProgram;
import io.datajax.api.trace.TablesawSchemas;
import io.datajax.ir.error.TracingException;
import io.datajax.planner.stages.Stage;
import io.datajax.planner.stages.StageKind;
import io.datajax.planner.stages.StageMetrics;
import io.datajax.tests.tables.Rows;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** The plan cache, the execution record, {@code explain}, and that a run never touches the caller's tables. */
class PlanCacheAndIntrospectionTest {
    private static final DataJaxConfig CONFIG = DataJaxConfig.defaults();

    private static Table orders() {
        return table("orders", longs("user_id", 1L, 2L, 1L, 2L, 1L), doubles("unit_price", 2.0, 3.0, 4.0, 1.0, 5.0),
                longs("qty", 1L, 2L, 1L, 3L, 1L));
    }

    private static JitFunction revenueByUser() {
        return DataJax.djit(df -> df
                .withColumn("revenue", col("unit_price").multiply(col("qty")))
                .groupBy("user_id")
                .agg(sum("revenue")), CONFIG);
    }

    @Test
    void aSecondCallWithTheSameSchemaReusesThePlan() {
        JitFunction fn = revenueByUser();

        fn.apply(orders());
        assertThat(fn.lastExecution().orElseThrow().cacheHit()).isFalse();
        Table second = fn.apply(orders().dropRows(0));

        assertThat(fn.cacheStats().traces()).isEqualTo(1);
        assertThat(fn.cacheStats().hits()).isEqualTo(1);
        assertThat(fn.lastExecution().orElseThrow().cacheHit()).isTrue();
        assertThat(Rows.of(second)).containsExactly(Rows.row(1L, 9.0), Rows.row(2L, 9.0));
    }

    @Test
    void aDifferentSchemaTracesAgainAndSaysWhy() {
        JitFunction fn = revenueByUser();
        fn.apply(orders());

        Table otherTypes = table("orders", ints("user_id", 1, 2), doubles("unit_price", 1.0, 2.0), longs("qty", 3L, 4L));
        Table out = fn.apply(otherTypes);

        assertThat(fn.cacheStats().traces()).isEqualTo(2);
        assertThat(fn.cacheStats().lastMissReason()).isNotBlank().isNotEqualTo("first call");
        assertThat(fn.lastExecution().orElseThrow().cacheHit()).isFalse();
        assertThat(Rows.header(out)).containsExactly("user_id INT32", "revenue FLOAT64");
    }

    @Test
    void theExecutionRecordNamesTheLocalExecutorAndCountsRowsPerStage() {
        JitFunction fn = revenueByUser();
        Table out = fn.apply(orders());

        ExecutionRecord record = fn.lastExecution().orElseThrow();
        TracedProgram program = fn.lastPlan().orElseThrow();
        assertThat(record.executor()).isEqualTo("local");
        assertThat(record.mode()).isNotBlank();
        assertThat(record.program()).isSameAs(program);
        assertThat(record.stages()).hasSize(program.stagePlan().stages().size());
        Stage result = program.stagePlan().result();
        assertThat(record.stage(result.id()).rowsOut()).isEqualTo(out.rowCount());
        for (Stage stage : program.stagePlan().stages()) {
            if (stage.kind() == StageKind.INPUT) {
                assertThat(record.stage(stage.id()).rowsOut()).as("rows out of input stage %s", stage.id()).isEqualTo(5);
            }
            if (stage.kind() == StageKind.AGGREGATE) {
                assertThat(record.stage(stage.id()).rowsOut()).as("rows out of the aggregate stage").isEqualTo(2);
            }
        }
        assertThat(record.stages()).allSatisfy(m -> assertThat(m.nanos()).isNotNegative());
    }

    @Test
    void everyStagesRowsInAreTheRowsOutOfItsInputs() {
        Table users = table("users", longs("user_id", 1L, 3L), strings("name", "ann", "cy"));
        JitFunction fn = DataJax.djit((l, r) -> l.filter(col("qty").lt(3L)).join(r, JoinSpec.on("user_id").left())
                .groupBy("name").agg(count()), CONFIG);
        Table out = fn.apply(orders(), users);

        ExecutionRecord record = fn.lastExecution().orElseThrow();
        for (Stage stage : fn.lastPlan().orElseThrow().stagePlan().stages()) {
            long fromInputs = stage.inputs().stream().mapToLong(i -> record.stage(i).rowsOut()).sum();
            if (!stage.inputs().isEmpty()) {
                assertThat(record.stage(stage.id()).rowsIn()).as("rows into stage %s", stage.id()).isEqualTo(fromInputs);
            }
        }
        StageMetrics last = record.stage(fn.lastPlan().orElseThrow().stagePlan().result().id());
        assertThat(last.rowsOut()).isEqualTo(out.rowCount());
        assertThat(Rows.of(out)).containsExactly(Rows.row("ann", 3L), Rows.row(null, 1L));
    }

    @Test
    void traceExplainsThePlanWithoutRunning() {
        JitFunction fn = revenueByUser();

        String explain = fn.trace(TablesawSchemas.schemaOf(orders())).explain();

        assertThat(explain).contains("user_id INT64").contains("revenue FLOAT64").contains("executor: local");
        assertThat(fn.lastExecution()).isEmpty();
        assertThat(fn.cacheStats().traces()).isEqualTo(1);
        assertThatThrownBy(fn::explain).isInstanceOf(TracingException.class).hasMessageContaining("Nothing has run yet");
    }

    @Test
    void aTraceIsReusedByTheFirstApply() {
        JitFunction fn = revenueByUser();
        fn.trace(TablesawSchemas.schemaOf(orders()));

        fn.apply(orders());

        assertThat(fn.cacheStats().traces()).isEqualTo(1);
        assertThat(fn.lastExecution().orElseThrow().cacheHit()).isTrue();
    }

    @Test
    void explainAfterARunShowsRowsPerStage() {
        JitFunction fn = revenueByUser();
        fn.apply(orders());

        assertThat(fn.explain()).contains("executor: local").contains("plan cache: miss, traced").contains("rows");
    }

    @Test
    void aRunLeavesTheCallersTableUnchanged() {
        Table input = table("t", ints("a", 3, 1, 2), strings("s", "x", "y", null), doubles("d", 1.5, null, -2.0));
        List<List<Object>> before = Rows.of(input);
        List<String> header = Rows.header(input);
        JitFunction fn = DataJax.djit(df -> df
                .rename(Map.of("a", "b"))
                .withColumn("b", col("b").multiply(10))
                .withColumn("s", col("s").isNull())
                .sort("b")
                .filter(col("b").gt(10)), CONFIG);

        Table out = fn.apply(input);

        assertThat(Rows.of(out)).containsExactly(Rows.row(20, true, -2.0), Rows.row(30, false, 1.5));
        assertThat(Rows.header(input)).isEqualTo(header);
        assertThat(Rows.of(input)).isEqualTo(before);
        assertThat(input.name()).isEqualTo("t");
    }

    @Test
    void changingTheResultOfAnIdentityPipelineDoesNotChangeTheInput() {
        Table input = table("t", ints("a", 1, 2), strings("s", "x", "y"));
        JitFunction fn = DataJax.djit(df -> df, CONFIG);

        Table out = fn.apply(input);
        out.intColumn("a").set(0, 99);
        out.column("s").setName("renamed");

        assertThat(Rows.of(input)).containsExactly(Rows.row(1, "x"), Rows.row(2, "y"));
        assertThat(Rows.header(input)).containsExactly("a INT32", "s STRING");
    }
}
