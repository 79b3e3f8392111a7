package io.datajax.runtime.kernel;

import static io.datajax.runtime.column.TestData.batch;
import static io.datajax.runtime.column.TestData.col;
import static io.datajax.runtime.column.TestData.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.datajax.ir.DataType;
import io.datajax.ir.expr.ColumnRef;
import io.datajax.ir.expr.Comparison;
import io.datajax.ir.expr.ComparisonOp;
import io.datajax.ir.expr.Literal;
import io.datajax.runtime.column.Batch;
import org.junit.jupiter.api.Test;

class FilterKernelTest {
    @Test
    void keepsOnlyTrueRowsInInputOrder() {
        Batch in = batch(col("x", DataType.INT64, 5L, null, 1L, 7L), col("id", DataType.INT32, 0, 1, 2, 3));
        Batch out = FilterKernel.filter(new Comparison(ComparisonOp.GT,
                new ColumnRef("x", DataType.INT64, true), Literal.of(2)), in);
        assertThat(values(out, "id")).containsExactly(0, 3);
    }

    @Test
    void aNullPredicateKeepsNothing() {
        Batch in = batch(col("x", DataType.INT64, 5L));
        assertThat(FilterKernel.select(Literal.of(null), in)).isEmpty();
    }

    @Test
    void limitKeepsTheFirstRows() {
        Batch in = batch(col("x", DataType.INT64, 5L, 6L, 7L));
        assertThat(values(LimitKernel.limit(in, 2), "x")).containsExactly(5L, 6L);
        assertThat(values(LimitKernel.limit(in, 10), "x")).containsExactly(5L, 6L, 7L);
        assertThat(LimitKernel.limit(in, 0).rowCount()).isZero();
    }
}
