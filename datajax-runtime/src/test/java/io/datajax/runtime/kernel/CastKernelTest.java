package io.datajax.runtime.kernel;

import static io.datajax.runtime.column.TestData.batch;
import static io.datajax.runtime.column.TestData.col;
import static io.datajax.runtime.column.TestData.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datajax.ir.DataType;
import io.datajax.ir.error.ExecutionException;
import io.datajax.ir.expr.Cast;
import io.datajax.ir.expr.ColumnRef;
import io.datajax.ir.expr.Literal;
import io.datajax.runtime.column.Batch;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class CastKernelTest {
    private static List<Object> cast(Batch batch, String column, DataType to) {
        DataType from = batch.column(column).type();
        return values(ExpressionEvaluator.evaluate(new Cast(new ColumnRef(column, from, true), to), batch));
    }

    @Test
    void float64ToIntegerTruncatesTowardZero() {
        Batch b = batch(col("d", DataType.FLOAT64, 2.9, -2.9, null, -0.0));
        assertThat(cast(b, "d", DataType.INT32)).containsExactly(2, -2, null, 0);
        assertThat(cast(b, "d", DataType.INT64)).containsExactly(2L, -2L, null, 0L);
    }

    @Test
    void nanInfinityAndOutOfRangeDoublesAreInvalidCasts() {
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, 3e9}) {
            Batch b = batch(col("d", DataType.FLOAT64, bad));
            assertThatThrownBy(() -> cast(b, "d", DataType.INT32))
                    .isInstanceOf(ExecutionException.class)
                    .hasMessageContaining("INVALID_CAST")
                    .hasMessageContaining("CAST(d AS INT32)");
        }
        Batch huge = batch(col("d", DataType.FLOAT64, 9.3e18));
        assertThatThrownBy(() -> cast(huge, "d", DataType.INT64)).hasMessageContaining("outside the INT64 range");
        Batch edge = batch(col("d", DataType.FLOAT64, 2147483647.9));
        assertThat(cast(edge, "d", DataType.INT32)).containsExactly(Integer.MAX_VALUE);
    }

    @Test
    void int64ToInt32OutOfRangeIsAnInvalidCast() {
        Batch b = batch(col("l", DataType.INT64, 5L, 1L << 40));
        assertThatThrownBy(() -> cast(b, "l", DataType.INT32))
                .hasMessageContaining("Cannot cast 1099511627776 (INT64) to INT32");
        assertThat(cast(batch(col("l", DataType.INT64, -5L)), "l", DataType.INT32)).containsExactly(-5);
    }

    @Test
    void booleansAreOneAndZeroAndNonZeroNumbersAreTrue() {
        assertThat(cast(batch(col("b", DataType.BOOLEAN, true, false, null)), "b", DataType.INT64))
                .containsExactly(1L, 0L, null);
        assertThat(cast(batch(col("b", DataType.BOOLEAN, true, false)), "b", DataType.FLOAT64)).containsExactly(1.0, 0.0);
        assertThat(cast(batch(col("d", DataType.FLOAT64, 0.0, -0.5, Double.NaN)), "d", DataType.BOOLEAN))
                .containsExactly(false, true, true);
        assertThat(cast(batch(col("i", DataType.INT32, 0, 3)), "i", DataType.BOOLEAN)).containsExactly(false, true);
    }

    @Test
    void everyTypeFormatsAsAString() {
        Batch b = batch(
                col("b", DataType.BOOLEAN, true, false),
                col("i", DataType.INT32, -3, null),
                col("d", DataType.FLOAT64, 0.1, Double.NaN),
                col("t", DataType.DATE, LocalDate.of(2024, 1, 5), LocalDate.of(1, 1, 1)),
                col("ts", DataType.TIMESTAMP, LocalDateTime.of(2024, 1, 5, 0, 0), LocalDateTime.of(2024, 1, 5, 6, 7, 8, 9_000)));
        assertThat(cast(b, "b", DataType.STRING)).containsExactly("true", "false");
        assertThat(cast(b, "i", DataType.STRING)).containsExactly("-3", null);
        assertThat(cast(b, "d", DataType.STRING)).containsExactly("0.1", "NaN");
        assertThat(cast(b, "t", DataType.STRING)).containsExactly("2024-01-05", "0001-01-01");
        assertThat(cast(b, "ts", DataType.STRING)).containsExactly("2024-01-05T00:00:00", "2024-01-05T06:07:08.000009");
    }

    @Test
    void stringsParseTrimmedIntoEveryType() {
        Batch b = batch(col("s", DataType.STRING, " 42 ", null));
        assertThat(cast(b, "s", DataType.INT32)).containsExactly(42, null);
        assertThat(cast(b, "s", DataType.INT64)).containsExactly(42L, null);
        assertThat(cast(b, "s", DataType.FLOAT64)).containsExactly(42.0, null);
        assertThat(cast(batch(col("s", DataType.STRING, "TRUE", " false")), "s", DataType.BOOLEAN))
                .containsExactly(true, false);
        assertThat(cast(batch(col("s", DataType.STRING, "2024-02-29")), "s", DataType.DATE))
                .containsExactly(LocalDate.of(2024, 2, 29));
        assertThat(cast(batch(col("s", DataType.STRING, "2024-02-29T10:11:12.5", "2024-02-29")), "s", DataType.TIMESTAMP))
                .containsExactly(LocalDateTime.of(2024, 2, 29, 10, 11, 12, 500_000_000), LocalDateTime.of(2024, 2, 29, 0, 0));
        assertThat(cast(batch(col("s", DataType.STRING, "0.1", "NaN")), "s", DataType.FLOAT64))
                .containsExactly(0.1, Double.NaN);
    }

    @Test
    void unparsableStringIsAnInvalidCastNamingTheValue() {
        Batch b = batch(col("s", DataType.STRING, "12", "12x"));
        assertThatThrownBy(() -> cast(b, "s", DataType.INT32))
                .isInstanceOf(ExecutionException.class)
                .hasMessageContaining("INVALID_CAST")
                .hasMessageContaining("Cannot cast '12x' (STRING) to INT32");
        assertThatThrownBy(() -> cast(batch(col("s", DataType.STRING, "yes")), "s", DataType.BOOLEAN))
                .hasMessageContaining("'yes'");
        assertThatThrownBy(() -> cast(batch(col("s", DataType.STRING, "2024-13-01")), "s", DataType.DATE))
                .hasMessageContaining("'2024-13-01'");
    }

    @Test
    void datesBecomeMidnightAndTimestampsDropTheTime() {
        Batch b = batch(col("t", DataType.DATE, LocalDate.of(1969, 12, 31)),
                col("ts", DataType.TIMESTAMP, LocalDateTime.of(1969, 12, 31, 23, 59)));
        assertThat(cast(b, "t", DataType.TIMESTAMP)).containsExactly(LocalDateTime.of(1969, 12, 31, 0, 0));
        assertThat(cast(b, "ts", DataType.DATE)).containsExactly(LocalDate.of(1969, 12, 31));
    }

    @Test
    void untypedNullCastsToANullOfTheTarget() {
        Batch b = batch(col("x", DataType.INT32, 1));
        assertThat(values(ExpressionEvaluator.evaluate(new Cast(Literal.of(null), DataType.DATE), b)))
                .containsExactly((Object) null);
    }
}
