package io.datajax.runtime.kernel;

import static io.datajax.runtime.column.TestData.batch;
import static io.datajax.runtime.column.TestData.col;
import static io.datajax.runtime.column.TestData.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datajax.ir.DataType;
import io.datajax.ir.expr.ColumnRef;
import io.datajax.ir.plan.AggCall;
import io.datajax.ir.plan.AggFunction;
import io.datajax.runtime.column.Batch;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HashAggregateKernelTest {
    private static AggCall call(AggFunction function, String column, DataType type, String name) {
        return new AggCall(function, Optional.of(new ColumnRef(column, type, true)), name);
    }

    private static AggCall countAll() {
        return new AggCall(AggFunction.COUNT_ALL, Optional.empty(), "count");
    }

    @Test
    void everyFunctionSkipsNullsPerGroup() {
        Batch in = batch(col("k", DataType.STRING, "a", "b", "a", "b", "a"),
                col("v", DataType.INT32, 1, null, 3, null, null));
        Batch out = HashAggregateKernel.aggregate(List.of("k"), List.of(
                call(AggFunction.SUM, "v", DataType.INT32, "sum"),
                call(AggFunction.MEAN, "v", DataType.INT32, "mean"),
                call(AggFunction.MIN, "v", DataType.INT32, "min"),
                call(AggFunction.MAX, "v", DataType.INT32, "max"),
                call(AggFunction.COUNT, "v", DataType.INT32, "n"),
                countAll()), in);
        assertThat(out.schema().toString())
                .isEqualTo("(k STRING, sum INT64, mean FLOAT64, min INT32, max INT32, n INT64 NOT NULL, count INT64 NOT NULL)");
        assertThat(values(out, "k")).containsExactly("a", "b");
        assertThat(values(out, "sum")).containsExactly(4L, null);
        assertThat(values(out, "mean")).containsExactly(2.0, null);
        assertThat(values(out, "min")).containsExactly(1, null);
        assertThat(values(out, "max")).containsExactly(3, null);
        assertThat(values(out, "n")).containsExactly(2L, 0L);
        assertThat(values(out, "count")).containsExactly(3L, 2L);
    }

    @Test
    void integerSumOverflowIsAnError() {
        Batch in = batch(col("v", DataType.INT64, Long.MAX_VALUE, 1L));
        assertThatThrownBy(() -> HashAggregateKernel.aggregate(List.of(),
                List.of(call(AggFunction.SUM, "v", DataType.INT64, "v")), in))
                .hasMessageContaining("INTEGER_OVERFLOW")
                .hasMessageContaining("v := sum(v)");
    }

    @Test
    void float64SumMinAndMaxTreatNanAsTheLargestValue() {
        Batch in = batch(col("v", DataType.FLOAT64, 1.5, Double.NaN, -2.0));
        Batch out = HashAggregateKernel.aggregate(List.of(), List.of(
                call(AggFunction.SUM, "v", DataType.FLOAT64, "sum"),
                call(AggFunction.MIN, "v", DataType.FLOAT64, "min"),
                call(AggFunction.MAX, "v", DataType.FLOAT64, "max")), in);
        assertThat(values(out, "sum")).containsExactly(Double.NaN);
        assertThat(values(out, "min")).containsExactly(-2.0);
        assertThat(values(out, "max")).containsExactly(Double.NaN);
    }

    @Test
    void minAndMaxKeepStringAndDateTypes() {
        Batch in = batch(col("s", DataType.STRING, "pear", "apple", null),
                col("d", DataType.DATE, LocalDate.of(2024, 1, 2), null, LocalDate.of(2023, 5, 6)));
        Batch out = HashAggregateKernel.aggregate(List.of(), List.of(
                call(AggFunction.MIN, "s", DataType.STRING, "min_s"),
                call(AggFunction.MAX, "s", DataType.STRING, "max_s"),
                call(AggFunction.MIN, "d", DataType.DATE, "min_d"),
                call(AggFunction.MAX, "d", DataType.DATE, "max_d")), in);
        assertThat(values(out, "min_s")).containsExactly("apple");
        assertThat(values(out, "max_s")).containsExactly("pear");
        assertThat(values(out, "min_d")).containsExactly(LocalDate.of(2023, 5, 6));
        assertThat(values(out, "max_d")).containsExactly(LocalDate.of(2024, 1, 2));
    }

    @Test
    void noKeysGiveExactlyOneRowEvenOnEmptyInput() {
        Batch in = batch(col("v", DataType.INT64));
        Batch out = HashAggregateKernel.aggregate(List.of(), List.of(
                call(AggFunction.SUM, "v", DataType.INT64, "sum"),
                call(AggFunction.COUNT, "v", DataType.INT64, "n"),
                countAll()), in);
        assertThat(out.rowCount()).isEqualTo(1);
        assertThat(values(out, "sum")).containsExactly((Object) null);
        assertThat(values(out, "n")).containsExactly(0L);
        assertThat(values(out, "count")).containsExactly(0L);
    }

    @Test
    void groupingEmptyInputGivesNoRows() {
        Batch in = batch(col("k", DataType.INT64), col("v", DataType.INT64));
        Batch out = HashAggregateKernel.aggregate(List.of("k"), List.of(countAll()), in);
        assertThat(out.rowCount()).isZero();
        assertThat(out.schema().names()).containsExactly("k", "count");
    }

    @Test
    void nullKeysFormOneGroupSortedLast() {
        Batch in = batch(col("k", DataType.INT64, null, 3L, 1L, null, 3L));
        Batch out = HashAggregateKernel.aggregate(List.of("k"), List.of(countAll()), in);
        assertThat(values(out, "k")).containsExactly(1L, 3L, null);
        assertThat(values(out, "count")).containsExactly(1L, 2L, 2L);
    }

    @Test
    void nanKeysFormOneGroupAboveNumbersButBelowNullAndNegativeZeroJoinsZero() {
        Batch in = batch(col("k", DataType.FLOAT64, Double.NaN, 0.0, null, -0.0, Double.NaN, -1.0,
                Double.longBitsToDouble(0x7ff8000000000001L)));
        Batch out = HashAggregateKernel.aggregate(List.of("k"), List.of(countAll()), in);
        assertThat(values(out, "k")).containsExactly(-1.0, 0.0, Double.NaN, null);
        assertThat(values(out, "count")).containsExactly(1L, 2L, 3L, 1L);
    }

    @Test
    void severalKeysSortLexicographicallyWithNullsLast() {
        Batch in = batch(col("a", DataType.STRING, "y", "x", null, "x", "y", "x"),
                col("b", DataType.INT32, 1, null, 1, 2, 1, 2),
                col("v", DataType.INT32, 1, 2, 3, 4, 5, 6));
        Batch out = HashAggregateKernel.aggregate(List.of("a", "b"),
                List.of(call(AggFunction.SUM, "v", DataType.INT32, "v")), in);
        assertThat(values(out, "a")).containsExactly("x", "x", "y", null);
        assertThat(values(out, "b")).containsExactly(2, null, 1, 1);
        assertThat(values(out, "v")).containsExactly(10L, 2L, 6L, 3L);
    }

    @Test
    void manyGroupsGrowTheHashTables() {
        int n = 100_000;
        Object[] keys = new Object[n];
        Object[] strings = new Object[n];
        for (int i = 0; i < n; i++) {
            keys[i] = (i * 7919L) % 5_000;
            strings[i] = "s" + (i % 3_000);
        }
        Batch in = batch(col("k", DataType.INT64, keys), col("s", DataType.STRING, strings));
        Batch byLong = HashAggregateKernel.aggregate(List.of("k"), List.of(countAll()), in);
        assertThat(byLong.rowCount()).isEqualTo(5_000);
        assertThat(values(byLong, "count")).allMatch(c -> (Long) c == 20L);
        Batch byBoth = HashAggregateKernel.aggregate(List.of("s", "k"), List.of(countAll()), in);
        assertThat(byBoth.rowCount()).isEqualTo(15_000);
    }
}
