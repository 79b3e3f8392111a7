package io.datajax.api;

import static io.datajax.api.Functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;
import org.junit.jupiter.api.Test;

class JitFunctionCacheTest {
    private final RecordingExecutor executor = new RecordingExecutor();
    private final JitFunction fn = DataJax.djit(df -> df.filter(col("x").gt(1)), DataJaxConfig.defaults()).on(executor);

    @Test
    void sameSchemaDoesNotRetrace() {
        fn.apply(Table.create("a", LongColumn.create("x", 1, 2)));
        fn.apply(Table.create("b", LongColumn.create("x", 5, 6, 7)));
        assertThat(fn.cacheStats().traces()).isEqualTo(1);
        assertThat(fn.cacheStats().hits()).isEqualTo(1);
        assertThat(fn.lastExecution()).hasValueSatisfying(r -> assertThat(r.cacheHit()).isTrue());
        assertThat(executor.plans).hasSize(2);
        assertThat(executor.plans.get(0)).isSameAs(executor.plans.get(1));
    }

    @Test
    void newSchemaRetracesAndSaysWhy() {
        fn.apply(Table.create("a", LongColumn.create("x", 1, 2)));
        fn.apply(Table.create("a", IntColumn.create("x", 1, 2)));
        assertThat(fn.cacheStats().traces()).isEqualTo(2);
        assertThat(fn.cacheStats().lastMissReason()).isEqualTo("input 0 (df) schema (x INT64) -> (x INT32)");
        assertThat(fn.lastExecution()).hasValueSatisfying(r -> assertThat(r.cacheHit()).isFalse());
    }

    @Test
    void cacheIsBounded() {
        JitFunction small = DataJax.djit(df -> df, DataJaxConfig.defaults().withPlanCacheSize(1)).on(executor);
        small.apply(Table.create("a", LongColumn.create("x", 1)));
        small.apply(Table.create("a", DoubleColumn.create("x", 1.0)));
        small.apply(Table.create("a", LongColumn.create("x", 1)));
        assertThat(small.cacheStats().traces()).isEqualTo(3);
        assertThat(small.cacheStats().evictions()).isEqualTo(2);
        assertThat(small.cacheStats().size()).isEqualTo(1);
    }

    @Test
    void executionRecordNamesTheExecutorAndStages() {
        fn.apply(Table.create("a", LongColumn.create("x", 1, 2)));
        ExecutionRecord record = fn.lastExecution().orElseThrow();
        assertThat(record.executor()).isEqualTo("recording");
        assertThat(record.mode()).isEqualTo("fake");
        assertThat(record.stages()).hasSize(record.program().stagePlan().stages().size());
        assertThat(record.explain()).contains("executor: recording (fake)", "plan cache: miss, traced");
    }
}
