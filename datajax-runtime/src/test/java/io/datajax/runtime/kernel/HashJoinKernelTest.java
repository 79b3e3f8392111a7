package io.datajax.runtime.kernel;

import static io.datajax.runtime.column.TestData.batch;
import static io.datajax.runtime.column.TestData.col;
import static io.datajax.runtime.column.TestData.scan;
import static io.datajax.runtime.column.TestData.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.datajax.ir.DataType;
import io.datajax.ir.plan.Join;
import io.datajax.ir.plan.JoinType;
import io.datajax.runtime.column.Batch;
import java.util.List;
import org.junit.jupiter.api.Test;

class HashJoinKernelTest {
    private final Batch left = batch(col("k", DataType.INT64, 1L, 2L, null, 3L, 1L),
            col("v", DataType.STRING, "l1", "l2", "lnull", "l3", "l1b"));
    private final Batch right = batch(col("k", DataType.INT64, 1L, 4L, 1L, null),
            col("v", DataType.STRING, "r1", "r4", "r1b", "rnull"));

    private Batch join(JoinType type, boolean nullsEqual) {
        Join join = new Join(scan(0, left), scan(1, right), type, List.of("k"), List.of("k"), nullsEqual, "_x", "_y");
        return HashJoinKernel.join(join, left, right);
    }

    @Test
    void innerJoinFollowsLeftOrderThenRightOrderWithinAKey() {
        Batch out = join(JoinType.INNER, false);
        assertThat(out.schema().names()).containsExactly("k", "v_x", "v_y");
        assertThat(values(out, "k")).containsExactly(1L, 1L, 1L, 1L);
        assertThat(values(out, "v_x")).containsExactly("l1", "l1", "l1b", "l1b");
        assertThat(values(out, "v_y")).containsExactly("r1", "r1b", "r1", "r1b");
    }

    @Test
    void nullKeysNeverMatchByDefault() {
        assertThat(values(join(JoinType.INNER, false), "v_x")).doesNotContain("lnull");
    }

    @Test
    void nullKeysMatchWithNullsEqual() {
        Batch out = join(JoinType.INNER, true);
        assertThat(values(out, "v_x")).containsExactly("l1", "l1", "lnull", "l1b", "l1b");
        assertThat(values(out, "v_y")).containsExactly("r1", "r1b", "rnull", "r1", "r1b");
        assertThat(values(out, "k")).containsExactly(1L, 1L, null, 1L, 1L);
    }

    @Test
    void leftJoinKeepsUnmatchedLeftRowsInPlace() {
        Batch out = join(JoinType.LEFT, false);
        assertThat(values(out, "v_x")).containsExactly("l1", "l1", "l2", "lnull", "l3", "l1b", "l1b");
        assertThat(values(out, "v_y")).containsExactly("r1", "r1b", null, null, null, "r1", "r1b");
    }

    @Test
    void rightJoinAppendsUnmatchedRightRowsInRightOrder() {
        Batch out = join(JoinType.RIGHT, false);
        assertThat(values(out, "v_x")).containsExactly("l1", "l1", "l1b", "l1b", null, null);
        assertThat(values(out, "v_y")).containsExactly("r1", "r1b", "r1", "r1b", "r4", "rnull");
        assertThat(values(out, "k")).containsExactly(1L, 1L, 1L, 1L, 4L, null);
    }

    @Test
    void fullJoinCoalescesTheKeyAndSuffixesOtherOverlappingColumns() {
        Batch out = join(JoinType.FULL, false);
        assertThat(out.schema().names()).containsExactly("k", "v_x", "v_y");
        assertThat(values(out, "k")).containsExactly(1L, 1L, 2L, null, 3L, 1L, 1L, 4L, null);
        assertThat(values(out, "v_x")).containsExactly("l1", "l1", "l2", "lnull", "l3", "l1b", "l1b", null, null);
        assertThat(values(out, "v_y")).containsExactly("r1", "r1b", null, null, null, "r1", "r1b", "r4", "rnull");
    }

    @Test
    void semiJoinKeepsMatchedLeftRowsOnceInOrder() {
        Batch out = join(JoinType.SEMI, false);
        assertThat(out.schema().names()).containsExactly("k", "v");
        assertThat(values(out, "v")).containsExactly("l1", "l1b");
    }

    @Test
    void antiJoinKeepsUnmatchedLeftRowsIncludingNullKeys() {
        assertThat(values(join(JoinType.ANTI, false), "v")).containsExactly("l2", "lnull", "l3");
        assertThat(values(join(JoinType.ANTI, true), "v")).containsExactly("l2", "l3");
    }

    @Test
    void keysMatchAfterPromotionAndTheCoalescedKeyTakesTheKeyType() {
        Batch ints = batch(col("id", DataType.INT32, 1, 2, 3), col("a", DataType.INT32, 10, 20, 30));
        Batch doubles = batch(col("id", DataType.FLOAT64, 2.0, 1.0, 2.5), col("b", DataType.STRING, "two", "one", "x"));
        Join join = new Join(scan(0, ints), scan(1, doubles), JoinType.FULL, List.of("id"), List.of("id"), false, "_x", "_y");
        Batch out = HashJoinKernel.join(join, ints, doubles);
        assertThat(out.schema().toString()).isEqualTo("(id FLOAT64, a INT32, b STRING)");
        assertThat(values(out, "id")).containsExactly(1.0, 2.0, 3.0, 2.5);
        assertThat(values(out, "b")).containsExactly("one", "two", null, "x");
    }

    @Test
    void keysWithDifferentNamesAreBothKeptAndMultiKeyJoinsMatchAllKeys() {
        Batch l = batch(col("a", DataType.STRING, "x", "x", "y"), col("n", DataType.INT64, 1L, 2L, 1L));
        Batch r = batch(col("b", DataType.STRING, "x", "y", "z"), col("m", DataType.INT32, 2, 1, 1));
        Join join = new Join(scan(0, l), scan(1, r), JoinType.INNER, List.of("a", "n"), List.of("b", "m"), false, "_x", "_y");
        Batch out = HashJoinKernel.join(join, l, r);
        assertThat(out.schema().names()).containsExactly("a", "n", "b", "m");
        assertThat(values(out, "a")).containsExactly("x", "y");
        assertThat(values(out, "m")).containsExactly(2, 1);
    }

    @Test
    void emptyInputsGiveEmptyOrPaddedOutputs() {
        Batch empty = batch(col("k", DataType.INT64), col("v", DataType.STRING));
        Join leftJoin = new Join(scan(0, left), scan(1, empty), JoinType.LEFT, List.of("k"), List.of("k"), false, "_x", "_y");
        Batch out = HashJoinKernel.join(leftJoin, left, empty);
        assertThat(values(out, "v_y")).containsOnlyNulls().hasSize(5);
        Join inner = new Join(scan(0, empty), scan(1, empty), JoinType.FULL, List.of("k"), List.of("k"), true, "_x", "_y");
        assertThat(HashJoinKernel.join(inner, empty, empty).rowCount()).isZero();
    }
}
