package io.datajax.runtime.kernel;

import static io.datajax.runtime.column.TestData.batch;
import static io.datajax.runtime.column.TestData.col;
import static io.datajax.runtime.column.TestData.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.datajax.ir.DataType;
import io.datajax.ir.plan.SortKey;
import io.datajax.runtime.column.Batch;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SortKernelTest {
    private final Batch in = batch(
            col("d", DataType.FLOAT64, 2.0, Double.NaN, null, -1.0, 2.0, Double.POSITIVE_INFINITY),
            col("id", DataType.INT32, 0, 1, 2, 3, 4, 5));

    @Test
    void ascendingPutsNanAboveEveryNumberAndNullsWhereAsked() {
        Batch out = SortKernel.sort(in, List.of(new SortKey("d", true, false)));
        assertThat(values(out, "id")).containsExactly(3, 0, 4, 5, 1, 2);
        Batch nullsFirst = SortKernel.sort(in, List.of(new SortKey("d", true, true)));
        assertThat(values(nullsFirst, "id")).containsExactly(2, 3, 0, 4, 5, 1);
    }

    @Test
    void descendingIsStableAndKeepsTheNullPlacement() {
        Batch out = SortKernel.sort(in, List.of(new SortKey("d", false, false)));
        assertThat(values(out, "id")).containsExactly(1, 5, 0, 4, 3, 2);
    }

    @Test
    void laterKeysBreakTiesOfEarlierOnes() {
        Batch b = batch(col("s", DataType.STRING, "b", "a", "b", "a"), col("n", DataType.INT64, 1L, 2L, 3L, 1L));
        Batch out = SortKernel.sort(b, List.of(new SortKey("s", true, false), new SortKey("n", false, false)));
        assertThat(values(out, "n")).containsExactly(2L, 1L, 3L, 1L);
    }

    @Test
    void largeInputsSortStably() {
        Random random = new Random(42);
        int n = 5_000;
        Object[] keys = new Object[n];
        Object[] ids = new Object[n];
        for (int i = 0; i < n; i++) {
            keys[i] = (long) random.nextInt(50);
            ids[i] = i;
        }
        Batch out = SortKernel.sort(batch(col("k", DataType.INT64, keys), col("id", DataType.INT32, ids)),
                List.of(new SortKey("k", true, false)));
        List<Object> k = values(out, "k");
        List<Object> id = values(out, "id");
        List<long[]> pairs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            pairs.add(new long[] {(Long) k.get(i), (Integer) id.get(i)});
        }
        for (int i = 1; i < n; i++) {
            long[] a = pairs.get(i - 1);
            long[] b = pairs.get(i);
            assertThat(a[0] < b[0] || (a[0] == b[0] && a[1] < b[1])).isTrue();
        }
    }

    @Test
    void sortsAnEmptyBatch() {
        assertThat(SortKernel.sort(batch(col("k", DataType.INT64)), List.of(new SortKey("k", true, false))).rowCount())
                .isZero();
    }
}
