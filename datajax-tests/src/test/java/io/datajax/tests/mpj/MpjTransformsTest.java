package io.datajax.tests.mpj;

import static io.datajax.api.Functions.col;
import static io.datajax.api.Functions.count;
import static io.datajax.api.Functions.desc;
import static io.datajax.api.Functions.sum;
import static io.datajax.tests.tables.TestTables.doubles;
import static io.datajax.tests.tables.TestTables.longs;
import static io.datajax.tests.tables.TestTables.strings;
import static io.datajax.tests.tables.TestTables.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datajax.api.DataJax;
import io.datajax.api.FrameFunction;
import io.datajax.api.JitFunction;
import io.datajax.api.ScanFunction;
import io.datajax.api.ScanResult;
import io.datajax.api.spi.CallInput;
import io.datajax.io.Sinks;
import io.datajax.io.Sources;
import io.datajax.api.spi.KeptTable;
import io.datajax.api.spi.StageListener;
import io.datajax.planner.stages.StagePlan;
import io.datajax.api.trace.TablesawSchemas;
import io.datajax.ir.Mesh;
import io.datajax.ir.Sharding;
import io.datajax.runtime.Executors;
import io.datajax.runtime.mpj.exec.MpjExecutor;
import io.datajax.tests.tables.Rows;
import io.datajax.tests.transforms.ScanTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * {@code vmap} and {@code scan} composed with the MPJ executor, on 2 real rank processes: {@code pjit(vmap(fn))}
 * over stacked frames and key groups, and a scan whose carry the executor keeps between chunks. Each result
 * equals the local executor's.
 */
class MpjTransformsTest {
    private static MpjExecutor mpj;

    @BeforeAll
    static void startPool() {
        mpj = Executors.mpj(2);
    }

    @AfterAll
    static void stopPool() {
        mpj.close();
    }

    private static Table orders(long seed, int rows) {
        Random random = new Random(seed);
        Long[] users = new Long[rows];
        String[] batch = new String[rows];
        Double[] amounts = new Double[rows];
        for (int r = 0; r < rows; r++) {
            users[r] = random.nextInt(15) == 0 ? null : (long) random.nextInt(40);
            batch[r] = "b" + random.nextInt(5);
            amounts[r] = random.nextInt(12) == 0 ? null : (double) random.nextInt(1000);
        }
        return table("orders", strings("batch", batch), longs("user", users), doubles("amount", amounts));
    }

    @Test
    void pjitOfVmapOverStackedFramesEqualsLocal() {
        FrameFunction perItem = df -> df.groupBy("user").agg(sum("amount"), count());
        Table stacked = orders(1, 3000);
        Table local = DataJax.djit(DataJax.vmap(perItem)).apply(stacked);
        JitFunction distributed = DataJax.pjit(DataJax.vmap(perItem), Mesh.of("rows", 2),
                List.of(Sharding.byKey("batch")), Sharding.byKey("batch")).on(mpj);
        Table out = distributed.apply(stacked);
        assertThat(Rows.equalAsMultisets(Rows.of(out), Rows.of(local))).as("%s", distributed.explain()).isTrue();
        assertThat(distributed.explain()).contains("placement verified");
    }

    @Test
    void pjitOfVmapByKeyEqualsLocal() {
        FrameFunction topTwo = g -> g.sort(desc("amount")).limit(2).select("amount");
        Table input = orders(2, 2000);
        Table local = DataJax.vmap(topTwo).byKey("user").apply(input);
        Table out = DataJax.pjit(DataJax.vmap(topTwo).byKey("user"), Mesh.of("rows", 2),
                List.of(Sharding.blocks()), Sharding.blocks()).on(mpj).apply(input);
        assertThat(Rows.equalAsMultisets(Rows.of(out), Rows.of(local))).isTrue();
    }

    @Test
    void vmapOfABatchOfTablesOnMpjEqualsLocal() {
        List<Table> batch = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            batch.add(orders(10 + i, i == 3 ? 0 : 500));
        }
        FrameFunction fn = df -> df.filter(col("amount").gt(100.0)).groupBy("batch").agg(sum("amount"));
        List<Table> local = DataJax.vmap(fn).apply(batch);
        List<Table> out = DataJax.vmap(fn).on(mpj).apply(batch);
        for (int i = 0; i < batch.size(); i++) {
            assertThat(Rows.of(out.get(i))).as("item %d", i).isEqualTo(Rows.of(local.get(i)));
        }
    }

    @Test
    void keptResultsStayOnTheRanksAndAreReadInPlace() {
        Table orders = orders(5, 4000);
        StagePlan totals = DataJax.pjit(df -> df.groupBy("user").agg(sum("amount").as("total")), Mesh.of("rows", 2),
                List.of(Sharding.blocks()), Sharding.byKey("user")).on(mpj)
                .trace(TablesawSchemas.schemaOf(orders)).stagePlan();
        Table expected = DataJax.djit(df -> df.groupBy("user").agg(sum("amount").as("total"))).apply(orders);
        try (KeptTable kept = mpj.executeAndKeep(totals, List.of(CallInput.of(orders)), StageListener.NONE).table()) {
            assertThat(kept.rowCount()).isEqualTo(expected.rowCount());
            assertThat(kept.sharding()).isEqualTo(Sharding.byKey("user"));
            assertThat(mpj.lastCall().orElseThrow().placement()).contains("placement verified");
            assertThat(Rows.equalAsMultisets(Rows.of(kept.collect()), Rows.of(expected))).isTrue();
            assertThat(mpj.lastCall().orElseThrow().inputBytesShipped()).as("collect ships nothing").isZero();
            // a later call declares the kept input byKey(user): its aggregate on user needs no exchange
            StagePlan top = DataJax.pjit(df -> df.filter(col("total").gt(1000.0)).groupBy("user").agg(count()),
                    Mesh.of("rows", 2), List.of(Sharding.byKey("user")), Sharding.byKey("user")).on(mpj)
                    .trace(kept.schema()).stagePlan();
            assertThat(top.stages().stream().allMatch(s -> s.exchanges().stream().allMatch(e -> e.isEmpty())))
                    .as("no exchange: %s", top).isTrue();
            Table out = mpj.executeInputs(top, List.of(CallInput.of(kept)), StageListener.NONE).table();
            Table local = DataJax.djit(df -> df.filter(col("total").gt(1000.0)).groupBy("user").agg(count()))
                    .apply(expected);
            assertThat(Rows.equalAsMultisets(Rows.of(out), Rows.of(local))).isTrue();
            assertThat(mpj.lastCall().orElseThrow().inputBytesShipped()).isZero();
            kept.close();
            assertThatThrownBy(() -> mpj.executeInputs(top, List.of(CallInput.of(kept)), StageListener.NONE))
                    .hasMessageContaining("was closed");
        }
    }

    @Test
    void aKeptResultIsLostWhenTheRanksRestartAfterAFailureAndSaysSo() {
        try (MpjExecutor own = Executors.mpj(2)) {
            Table orders = orders(6, 500);
            StagePlan totals = DataJax.djit(df -> df.groupBy("user").agg(sum("amount"))).on(own)
                    .trace(TablesawSchemas.schemaOf(orders)).stagePlan();
            KeptTable kept = own.executeAndKeep(totals, List.of(CallInput.of(orders)), StageListener.NONE).table();
            Table big = table("big", io.datajax.tests.tables.TestTables.ints("a", Integer.MAX_VALUE, 1));
            assertThatThrownBy(() -> DataJax.djit(df -> df.withColumn("b", col("a").plus(1))).on(own).apply(big))
                    .hasMessageContaining("INTEGER_OVERFLOW");
            own.executeInputs(totals, List.of(CallInput.of(orders)), StageListener.NONE); // restarts the ranks
            assertThat(kept.isOpen()).isFalse();
            assertThatThrownBy(kept::collect).hasMessageContaining("were restarted");
        }
    }

    @Test
    void scanOverParquetFilesOnMpjReadsEachChunkOnTheRanks(@TempDir Path dir) throws Exception {
        List<Table> days = ScanTest.randomDays(33, 5);
        Path daysDir = java.nio.file.Files.createDirectories(dir.resolve("days"));
        for (int d = 0; d < days.size(); d++) {
            Path part = dir.resolve("write-" + d);
            DataJax.djit(df -> df).write(Sinks.parquet(part), days.get(d));
            try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(part)) {
                Path file = files.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow();
                java.nio.file.Files.copy(file, daysDir.resolve(String.format("day-%02d.parquet", d)));
            }
        }
        ScanResult local = DataJax.scan(ScanTest.RUNNING_TOTALS).apply(ScanTest.emptyTotals(), days);
        ScanResult out = DataJax.scan(ScanTest.RUNNING_TOTALS).on(mpj).apply(ScanTest.emptyTotals(),
                Sources.parquet(daysDir));
        assertThat(Rows.equalAsMultisets(Rows.of(out.carry()), Rows.of(local.carry()))).isTrue();
        for (int d = 0; d < days.size(); d++) {
            assertThat(Rows.of(out.outputs().get(d))).as("day %d", d).isEqualTo(Rows.of(local.outputs().get(d)));
        }
        assertThat(mpj.lastCall().orElseThrow().inputBytesShipped()).as("the ranks read the file, the carry is kept")
                .isZero();
    }

    @Test
    void scanOnMpjKeepsTheCarryOnTheRanksAndEqualsLocal() {
        List<Table> days = ScanTest.randomDays(21, 8);
        ScanResult local = DataJax.scan(ScanTest.RUNNING_TOTALS).apply(ScanTest.emptyTotals(), days);
        ScanFunction distributed = DataJax.scan(ScanTest.RUNNING_TOTALS).on(mpj);
        ScanResult out = distributed.apply(ScanTest.emptyTotals(), days);
        assertThat(Rows.equalAsMultisets(Rows.of(out.carry()), Rows.of(local.carry()))).isTrue();
        for (int d = 0; d < days.size(); d++) {
            assertThat(Rows.equalAsMultisets(Rows.of(out.outputs().get(d)), Rows.of(local.outputs().get(d))))
                    .as("day %d", d).isTrue();
        }
        assertThat(distributed.lastExecution().orElseThrow().carryKept()).isEqualTo("kept by mpj as byKey(user)");
        assertThat(distributed.lastExecution().orElseThrow().lastCarryStep().mode()).doesNotContain("kept on the ranks");
        ScanFunction.ScanPlans plans = distributed.trace(TablesawSchemas.schemaOf(ScanTest.emptyTotals()),
                TablesawSchemas.schemaOf(days.get(0)));
        assertThat(plans.carryLater().stages().get(0).sharding()).as("later steps read the kept carry as it lies: %s",
                plans.explain()).isInstanceOf(Sharding.ByKey.class);
    }
}
