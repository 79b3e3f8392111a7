package io.datajax.runtime.mpj.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.datajax.ir.DataType;
import io.datajax.ir.Field;
import io.datajax.ir.Schema;
import io.datajax.ir.Sharding;
import io.datajax.ir.expr.ColumnRef;
import io.datajax.ir.plan.AggCall;
import io.datajax.ir.plan.AggFunction;
import io.datajax.ir.plan.Aggregate;
import io.datajax.ir.plan.Scan;
import io.datajax.runtime.column.Batch;
import io.datajax.runtime.column.Column;
import io.datajax.runtime.kernel.MemoryMeter;
import io.datajax.runtime.local.LocalStageRunner;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PartialAggregationTest {
    private static final Schema SCHEMA = new Schema(List.of(new Field("k", DataType.STRING, true),
            new Field("i", DataType.INT32, true), new Field("x", DataType.FLOAT64, true)));
    private static final Scan SCAN = new Scan(0, "t", SCHEMA, Sharding.blocks());

    private static AggCall call(AggFunction function, String column, String name) {
        return new AggCall(function, column == null ? Optional.empty()
                : Optional.of(ColumnRef.of(SCHEMA.field(column))), name);
    }

    private static final Aggregate AGGREGATE = new Aggregate(SCAN, List.of("k"), List.of(
            call(AggFunction.SUM, "i", "s"), call(AggFunction.MEAN, "i", "m"), call(AggFunction.MEAN, "x", "mx"),
            call(AggFunction.MIN, "x", "lo"), call(AggFunction.MAX, "i", "hi"), call(AggFunction.COUNT, "x", "n"),
            call(AggFunction.COUNT_ALL, null, "rows")));

    @Test
    void partialThenFinalOverAnySplitEqualsOneAggregation() {
        Batch all = Batch.of(SCHEMA, List.of(
                Column.of(DataType.STRING, Arrays.asList("a", "b", null, "a", "b", "a", null, "c")),
                Column.of(DataType.INT32, Arrays.asList(1, 2, 3, null, 5, 6, 7, null)),
                Column.of(DataType.FLOAT64, Arrays.asList(1.5, null, -2.0, 4.0, null, 0.25, 8.0, null))));
        PartialAggregation split = PartialAggregation.of(AGGREGATE);
        try (LocalStageRunner runner = new LocalStageRunner(1)) {
            Batch expected = runner.run(List.of(AGGREGATE), List.of(all), new MemoryMeter());
            for (int cut = 0; cut <= all.rowCount(); cut++) {
                Batch first = runner.run(List.of(split.partial()), List.of(Batches.slice(all, 0, cut)), new MemoryMeter());
                Batch second = runner.run(List.of(split.partial()),
                        List.of(Batches.slice(all, cut, all.rowCount())), new MemoryMeter());
                Batch states = Batches.concat(split.partial().schema(), List.of(first, second));
                Batch actual = runner.run(split.finalNodes(), List.of(states), new MemoryMeter());
                assertThat(actual.schema().names()).isEqualTo(AGGREGATE.schema().names());
                assertThat(rows(actual)).as("split at %d", cut).isEqualTo(rows(expected));
            }
        }
    }

    @Test
    void allNullGroupsStayNullAndCountsStayZero() {
        Batch all = Batch.of(SCHEMA, List.of(Column.of(DataType.STRING, Arrays.asList("a", "a")),
                Column.of(DataType.INT32, Arrays.asList(null, null)),
                Column.of(DataType.FLOAT64, Arrays.asList(null, null))));
        PartialAggregation split = PartialAggregation.of(AGGREGATE);
        try (LocalStageRunner runner = new LocalStageRunner(1)) {
            Batch states = Batches.concat(split.partial().schema(), List.of(
                    runner.run(List.of(split.partial()), List.of(Batches.slice(all, 0, 1)), new MemoryMeter()),
                    runner.run(List.of(split.partial()), List.of(Batches.slice(all, 1, 2)), new MemoryMeter())));
            Batch actual = runner.run(split.finalNodes(), List.of(states), new MemoryMeter());
            assertThat(rows(actual)).containsExactly(Arrays.asList("a", null, null, null, null, null, 0L, 2L));
        }
    }

    @Test
    void partialColumnNamesAvoidTheUsersNames() {
        Aggregate clash = new Aggregate(SCAN, List.of("k"), List.of(call(AggFunction.SUM, "i", "__p0"),
                call(AggFunction.MEAN, "x", "__f1")));
        PartialAggregation split = PartialAggregation.of(clash);
        assertThat(split.partial().schema().names()).doesNotHaveDuplicates().containsExactly("k", "__p0_1", "__p1", "__p2");
        assertThat(split.finalNodes().get(split.finalNodes().size() - 1).schema().names())
                .containsExactly("k", "__p0", "__f1");
    }

    static List<List<Object>> rows(Batch batch) {
        List<List<Object>> out = new ArrayList<>();
        for (int r = 0; r < batch.rowCount(); r++) {
            List<Object> row = new ArrayList<>();
            for (Column column : batch.columns()) {
                row.add(column.value(r));
            }
            out.add(row);
        }
        return out;
    }
}
