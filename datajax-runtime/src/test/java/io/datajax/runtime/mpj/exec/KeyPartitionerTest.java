package io.datajax.runtime.mpj.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.datajax.ir.DataType;
import io.datajax.ir.Field;
import io.datajax.ir.Schema;
import io.datajax.runtime.column.Batch;
import io.datajax.runtime.column.Column;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyPartitionerTest {
    private static Batch one(String name, DataType type, List<?> values) {
        return Batch.of(new Schema(List.of(new Field(name, type, true))), List.of(Column.of(type, values)));
    }

    @Test
    void equalKeysOfDifferentIntegerTypesGoToTheSameRank() {
        int[] ints = KeyPartitioner.destinations(one("k", DataType.INT32, Arrays.asList(0, 1, -7, 42, null)),
                List.of("k"), List.of(DataType.INT64), 3);
        int[] longs = KeyPartitioner.destinations(one("k", DataType.INT64, Arrays.asList(0L, 1L, -7L, 42L, null)),
                List.of("k"), List.of(DataType.INT64), 3);
        assertThat(ints).containsExactly(longs);
    }

    @Test
    void integersHashedAsFloat64MeetTheirDoubleValues() {
        int[] ints = KeyPartitioner.destinations(one("k", DataType.INT32, Arrays.asList(0, 1, -7, 42, 123456)),
                List.of("k"), List.of(DataType.FLOAT64), 4);
        int[] doubles = KeyPartitioner.destinations(one("k", DataType.FLOAT64, Arrays.asList(-0.0, 1.0, -7.0, 42.0,
                123456.0)), List.of("k"), List.of(DataType.FLOAT64), 4);
        assertThat(ints).containsExactly(doubles);
    }

    @Test
    void nullKeysAndNaNsEachGoToOneRank() {
        Batch batch = one("x", DataType.FLOAT64, Arrays.asList(null, Double.NaN, null, 0.0 / 0.0, null));
        int[] d = KeyPartitioner.destinations(batch, List.of("x"), List.of(DataType.FLOAT64), 5);
        assertThat(d[0]).isEqualTo(d[2]).isEqualTo(d[4]);
        assertThat(d[1]).isEqualTo(d[3]);
    }

    @Test
    void placementIsAPureFunctionThatSpreadsKeys() {
        Integer[] keys = new Integer[10_000];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = i;
        }
        Batch batch = one("k", DataType.INT32, Arrays.asList(keys));
        int[] first = KeyPartitioner.destinations(batch, List.of("k"), List.of(DataType.INT32), 3);
        assertThat(KeyPartitioner.destinations(batch, List.of("k"), List.of(DataType.INT32), 3)).containsExactly(first);
        int[] counts = new int[3];
        for (int d : first) {
            counts[d]++;
        }
        for (int c : counts) {
            assertThat(c).isBetween(3_000, 3_700);
        }
    }

    @Test
    void stringsHashByTheirCharacters() {
        Batch a = one("s", DataType.STRING, Arrays.asList("ab", "ba", "", null));
        Batch b = one("s", DataType.STRING, Arrays.asList(new String("ab"), "ba", "", null));
        assertThat(KeyPartitioner.destinations(a, List.of("s"), List.of(DataType.STRING), 7))
                .containsExactly(KeyPartitioner.destinations(b, List.of("s"), List.of(DataType.STRING), 7));
    }
}
