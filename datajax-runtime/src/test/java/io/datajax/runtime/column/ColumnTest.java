package io.datajax.runtime.column;

import static io.datajax.runtime.column.TestData.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datajax.ir.DataType;
import io.datajax.ir.Field;
import io.datajax.ir.Schema;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnTest {
    @Test
    void everyTypeRoundTripsThroughLiteralValuesWithNulls() {
        List<List<Object>> samples = List.of(
                Arrays.asList(true, null, false),
                Arrays.asList(1, null, -7),
                Arrays.asList(1L, null, Long.MAX_VALUE),
                Arrays.asList(1.5, null, Double.NaN),
                Arrays.asList("a", null, ""),
                Arrays.asList(LocalDate.of(2024, 2, 29), null, LocalDate.of(1969, 12, 31)),
                Arrays.asList(LocalDateTime.of(2024, 2, 29, 1, 2, 3, 456_789_000), null,
                        LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_000)));
        DataType[] types = {DataType.BOOLEAN, DataType.INT32, DataType.INT64, DataType.FLOAT64, DataType.STRING,
            DataType.DATE, DataType.TIMESTAMP};
        for (int i = 0; i < types.length; i++) {
            Column column = Column.of(types[i], samples.get(i));
            assertThat(column.type()).isEqualTo(types[i]);
            assertThat(values(column)).isEqualTo(samples.get(i));
            assertThat(column.isNull(1)).isTrue();
        }
    }

    @Test
    void gatherWithNegativeRowIdGivesNull() {
        Column column = Column.of(DataType.INT64, List.of(10L, 20L, 30L));
        assertThat(values(column.gather(new int[] {2, -1, 0}))).containsExactly(30L, null, 10L);
    }

    @Test
    void concatKeepsBothSidesAndTheirNulls() {
        Column a = Column.of(DataType.STRING, Arrays.asList("a", null));
        Column b = Column.of(DataType.STRING, List.of("c"));
        assertThat(values(a.concat(b))).containsExactly("a", null, "c");
    }

    @Test
    void widenedAccessorsReadIntsDatesAndBooleansAsLongs() {
        assertThat(Column.of(DataType.INT32, List.of(3)).longValues()).containsExactly(3L);
        assertThat(Column.of(DataType.DATE, List.of(LocalDate.of(1970, 1, 2))).longValues()).containsExactly(1L);
        assertThat(Column.of(DataType.BOOLEAN, List.of(true, false)).doubleValues()).containsExactly(1.0, 0.0);
    }

    @Test
    void timestampsAreEpochMicros() {
        assertThat(Column.toEpochMicros(LocalDateTime.of(1970, 1, 1, 0, 0, 1, 2_000))).isEqualTo(1_000_002L);
        assertThat(Column.fromEpochMicros(-1)).isEqualTo(LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_000));
    }

    @Test
    void batchRejectsColumnsThatDoNotMatchTheSchema() {
        Schema schema = Schema.of(Field.of("x", DataType.INT64));
        assertThatThrownBy(() -> new Batch(schema, List.of(Column.of(DataType.INT32, List.of(1))), 1))
                .hasMessageContaining("declared INT64 but holds INT32");
        assertThatThrownBy(() -> new Batch(schema, List.of(Column.of(DataType.INT64, List.of(1L))), 2))
                .hasMessageContaining("has 1 rows");
    }
}
