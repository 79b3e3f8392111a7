package io.datajax.tests.transforms;

import static io.datajax.api.Functions.coalesce;
import static io.datajax.api.Functions.col;
import static io.datajax.api.Functions.count;
import static io.datajax.api.Functions.desc;
import static io.datajax.api.Functions.max;
import static io.datajax.api.Functions.sum;
import static io.datajax.tests.tables.TestTables.doubles;
import static io.datajax.tests.tables.TestTables.longs;
import static io.datajax.tests.tables.TestTables.strings;
import static io.datajax.tests.tables.TestTables.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datajax.api.DataJax;
import io.datajax.api.ExecutionRecord;
import io.datajax.api.Frame;
import io.datajax.api.FrameFunction;
import io.datajax.api.FrameFunction2;
import io.datajax.api.JitFunction;
import io.datajax.api.JoinSpec;
import io.datajax.api.Vmap2;
import io.datajax.ir.error.DataJaxException;
import io.datajax.ir.error.ErrorCode;
import io.datajax.planner.stages.StageKind;
import io.datajax.tests.tables.Rows;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/**
 * {@code vmap} on the local executor: a batch runs as one plan whose result, split per item, equals running the
 * function on each item alone; shared arguments are read once; errors name the item and the difference.
 */
class VmapTest {
    private static Table day(String name, Long[] users, Double[] amounts) {
        return table(name, longs("user", users), doubles("amount", amounts));
    }

    private static List<Table> days() {
        return List.of(
                day("mon", new Long[] {1L, 2L, 1L, null, 3L}, new Double[] {10.0, 5.0, null, 2.0, 7.0}),
                day("tue", new Long[] {}, new Double[] {}),
                day("wed", new Long[] {2L, 2L, null}, new Double[] {1.0, 6.0, 4.0}),
                day("thu", new Long[] {4L}, new Double[] {null}));
    }

    private static Table users() {
        return table("users", longs("user", 1L, 2L, 3L, 9L), strings("name", "ann", "bob", null, "zed"));
    }

    /** Each item's result equals the function run on that item alone, in rows and order. */
    private static void assertSameAsSeparateRuns(FrameFunction fn, List<Table> batch) {
        List<Table> batched = DataJax.vmap(fn).apply(batch);
        JitFunction single = DataJax.djit(fn);
        assertThat(batched).hasSameSizeAs(batch);
        for (int i = 0; i < batch.size(); i++) {
            Table alone = single.apply(batch.get(i));
            assertThat(Rows.header(batched.get(i))).as("item %d header", i).isEqualTo(Rows.header(alone));
            assertThat(Rows.equalInOrder(Rows.of(batched.get(i)), Rows.of(alone)))
                    .as("item %d: %s vs alone %s", i, Rows.of(batched.get(i)), Rows.of(alone)).isTrue();
        }
    }

    private static void assertSameAsSeparateRuns(FrameFunction2 fn, List<Table> batch, Table shared) {
        List<Table> batched = DataJax.vmap(fn).apply(batch, shared);
        JitFunction single = DataJax.djit(fn);
        for (int i = 0; i < batch.size(); i++) {
            Table alone = single.apply(batch.get(i), shared);
            assertThat(Rows.header(batched.get(i))).as("item %d header", i).isEqualTo(Rows.header(alone));
            assertThat(Rows.equalInOrder(Rows.of(batched.get(i)), Rows.of(alone)))
                    .as("item %d: %s vs alone %s", i, Rows.of(batched.get(i)), Rows.of(alone)).isTrue();
        }
    }

    @Test
    void filtersAndProjectionsRunPerItem() {
        assertSameAsSeparateRuns(df -> df.filter(col("amount").gt(3.0)).withColumn("double", col("amount").multiply(2)),
                days());
    }

    @Test
    void groupByAggregatesPerItemWithNullKeys() {
        assertSameAsSeparateRuns(df -> df.groupBy("user").agg(sum("amount"), count(), max("amount").as("top")), days());
    }

    @Test
    void globalAggregateGivesEveryItemItsRowEvenAnEmptyOne() {
        FrameFunction fn = df -> df.agg(count(), count("amount").as("amounts"), sum("amount"));
        assertSameAsSeparateRuns(fn, days());
        List<Table> out = DataJax.vmap(fn).apply(days());
        assertThat(Rows.of(out.get(1))).containsExactly(Rows.row(0L, 0L, null));
    }

    @Test
    void sortsPerItem() {
        assertSameAsSeparateRuns(df -> df.sort(desc("amount")), days());
    }

    @Test
    void joinsOfTwoBatchesMatchOnlyWithinAnItem() {
        FrameFunction self = df -> df.join(df.groupBy("user").agg(count().as("n")), JoinSpec.on("user").full());
        assertSameAsSeparateRuns(self, days());
    }

    @Test
    void sharedArgumentIsJoinedByEveryItemInEveryJoinType() {
        for (JoinSpec spec : List.of(JoinSpec.on("user"), JoinSpec.on("user").left(), JoinSpec.on("user").right(),
                JoinSpec.on("user").full(), JoinSpec.on("user").semi(), JoinSpec.on("user").anti())) {
            assertSameAsSeparateRuns((orders, users) -> orders.join(users, spec), days(), users());
            assertSameAsSeparateRuns((orders, users) -> users.join(orders, spec), days(), users());
        }
    }

    @Test
    void aFunctionThatIgnoresTheBatchGivesEveryItemTheSameResult() {
        assertSameAsSeparateRuns((orders, users) -> users.filter(col("user").gt(1L)), days(), users());
    }

    @Test
    void theBatchRunsAsOnePlanNotOnePerItem() {
        Vmap2 fn = DataJax.vmap((orders, users) -> orders.join(users, "user").groupBy("name").agg(sum("amount")));
        List<Table> batch = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            batch.add(days().get(i % 4));
        }
        List<Table> out = fn.apply(batch, users());
        assertThat(out).hasSize(20);
        ExecutionRecord record = fn.lastExecution().orElseThrow();
        String explain = record.explain();
        assertThat(explain).contains("vmap: one plan for the whole batch").contains("__vmap_item");
        long inputStages = record.program().stagePlan().stages().stream().filter(s -> s.kind() == StageKind.INPUT).count();
        assertThat(inputStages).as("the stacked orders and the users, each read once: " + explain).isEqualTo(2);
        long joins = record.program().stagePlan().stages().stream().filter(s -> s.kind() == StageKind.JOIN).count();
        assertThat(joins).as("one join for all 20 items: " + explain).isEqualTo(1);
        long aggregates = record.program().stagePlan().stages().stream().filter(s -> s.kind() == StageKind.AGGREGATE)
                .count();
        assertThat(aggregates).as("one aggregate for all 20 items: " + explain).isEqualTo(1);
        // the shared users table is read once: its input stage emits its 4 rows, not 4 x 20
        assertThat(record.stages().stream().filter(m -> m.rowsOut() == 4).count()).isPositive();
        fn.apply(batch.subList(0, 3), users());
        assertThat(fn.lastExecution().orElseThrow().cacheHit()).as("another batch size reuses the plan").isTrue();
    }

    @Test
    void coalesceInsideTheFunction() {
        assertSameAsSeparateRuns(df -> df.withColumn("amount", coalesce(col("amount"), 0.0)), days());
    }

    @Test
    void itemsWithDifferentSchemasAreRejectedNamingTheItemAndTheDifference() {
        List<Table> batch = List.of(days().get(0), table("odd", longs("user", 1L), strings("amount", "x")));
        assertThatThrownBy(() -> DataJax.vmap(df -> df).apply(batch))
                .isInstanceOf(DataJaxException.class)
                .hasMessageContaining("Item 1 of the batch")
                .hasMessageContaining("'amount' as STRING where item 0 has FLOAT64");
        List<Table> missing = List.of(days().get(0), table("odd", longs("user", 1L)));
        assertThatThrownBy(() -> DataJax.vmap(df -> df).apply(missing))
                .hasMessageContaining("lacks column(s) [amount]");
    }

    @Test
    void aFunctionCannotDependOnAnItemsRows() {
        assertThatThrownBy(() -> DataJax.vmap(df -> df.rowCount() > 2 ? df.select("user") : df).apply(days()))
                .isInstanceOf(DataJaxException.class)
                .satisfies(e -> assertThat(((DataJaxException) e).code()).isEqualTo(ErrorCode.TRACER_DATA_ACCESS))
                .hasMessageContaining("vmap traces the function once for every item")
                .hasMessageContaining("output schema");
    }

    @Test
    void anEmptyBatchRunsNothing() {
        assertThat(DataJax.vmap(df -> df).apply(List.of())).isEmpty();
    }

    @Test
    void byKeyAppliesTheFunctionToEachGroup() {
        Table orders = table("orders", longs("user", 1L, 2L, 1L, null, 1L, 2L, null),
                doubles("amount", 5.0, 1.0, 9.0, 3.0, null, 4.0, 8.0));
        Frame[] seen = new Frame[1];
        Table out = DataJax.vmap(g -> {
            seen[0] = g;
            return g.withColumn("share", col("amount").divide(100)).sort(desc("amount")).select("amount", "share");
        }).byKey("user").apply(orders);
        assertThat(Rows.header(out)).containsExactly("user INT64", "amount FLOAT64", "share FLOAT64");
        assertThat(Rows.of(out)).containsExactly(
                Rows.row(1L, 9.0, 0.09), Rows.row(1L, 5.0, 0.05), Rows.row(1L, null, null),
                Rows.row(2L, 4.0, 0.04), Rows.row(2L, 1.0, 0.01),
                Rows.row(null, 8.0, 0.08), Rows.row(null, 3.0, 0.03));
        assertThat(seen[0].columns()).containsExactly("user", "amount");
    }

    @Test
    void byKeyGlobalAggregatePerGroupAndStackedFramesCompose() {
        Table orders = table("orders", strings("user", "a", "b", "a", null), doubles("amount", 1.0, 2.0, 3.0, 4.0));
        Table perGroup = DataJax.vmap(g -> g.agg(sum("amount"), count())).byKey("user").apply(orders);
        assertThat(Rows.of(perGroup)).containsExactly(Rows.row("a", 4.0, 2L), Rows.row("b", 2.0, 1L),
                Rows.row(null, 4.0, 1L));
        Table stacked = table("stacked", strings("batch", "x", "y", "x"), doubles("amount", 1.0, 2.0, 3.0));
        Table viaDjit = DataJax.djit(DataJax.vmap((Frame df) -> df.agg(sum("amount")))).apply(stacked);
        assertThat(Rows.header(viaDjit)).containsExactly("batch STRING", "amount FLOAT64");
        assertThat(Rows.of(viaDjit)).containsExactly(Rows.row("x", 4.0), Rows.row("y", 2.0));
    }

    @Test
    void unionHeadAndCoalesceRejectBadInputAtTraceTime() {
        Table a = table("a", longs("user", 1L), doubles("amount", 1.0));
        Table b = table("b", longs("user", 2L), strings("note", "x"));
        assertThatThrownBy(() -> DataJax.djit((l, r) -> l.union(r)).apply(a, b))
                .hasMessageContaining("the other frame lacks [amount]").hasMessageContaining("it has extra [note]");
        Table c = table("c", strings("user", "x"), doubles("amount", 1.0));
        assertThatThrownBy(() -> DataJax.djit((l, r) -> l.union(r)).apply(a, c))
                .hasMessageContaining("union cannot combine column 'user' of type INT64 with one of type STRING");
        assertThatThrownBy(() -> DataJax.djit(df -> df.groupBy("usr").head(1)).apply(a))
                .hasMessageContaining("usr").hasMessageContaining("user");
        assertThatThrownBy(() -> DataJax.djit(df -> df.select(coalesce(col("user"), "x").as("u"))).apply(a))
                .hasMessageContaining("coalesce cannot mix INT64 and STRING");
    }

    @Test
    void vmapBatchesAUnionOfABatchedAndASharedFrame() {
        assertSameAsSeparateRuns((orders, users) -> orders.select("user").union(users.select("user")).groupBy("user")
                .agg(count()), days(), users());
    }
}
