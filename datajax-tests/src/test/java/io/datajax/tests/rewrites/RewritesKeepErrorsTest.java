package io.datajax.tests.rewrites;

import static io.datajax.api.Functions.col;
import static io.datajax.tests.tables.TestTables.ints;
import static io.datajax.tests.tables.TestTables.strings;
import static io.datajax.tests.tables.TestTables.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datajax.api.DataJax;
import io.datajax.api.DataJaxConfig;
import io.datajax.api.FrameFunction;
import io.datajax.ir.DataType;
import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.ExecutionException;
import io.datajax.planner.rules.RuleSet;
import io.datajax.tests.tables.Rows;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tech.tablesaw.api.Table;

/**
 * Errors and rewrites (docs/semantics.md, "Errors and the optimiser"): a failing value that the result
 * needs always fails the call, with or without rewrite rules; a value the result never needs (a row a
 * later filter removes, a column never read) may be skipped by the optimised plan, as in DuckDB, Spark
 * and Polars.
 */
class RewritesKeepErrorsTest {
    private static final DataJaxConfig RULES_ON = DataJaxConfig.defaults();
    private static final DataJaxConfig RULES_OFF =
            DataJaxConfig.defaults().withDisabledRules(Set.copyOf(RuleSet.standard().ruleNames()));

    static Set<DataJaxConfig> configs() {
        return Set.of(RULES_ON, RULES_OFF);
    }

    private static Table input() {
        return table("t", ints("a", 1, Integer.MAX_VALUE), strings("s", "12", "abc"));
    }

    private static Table run(FrameFunction fn, DataJaxConfig config) {
        return DataJax.djit(fn, config).apply(input());
    }

    @ParameterizedTest
    @MethodSource("configs")
    void anOverflowThatReachesTheResultAlwaysFails(DataJaxConfig config) {
        assertThatThrownBy(() -> run(df -> df.withColumn("b", col("a").plus(1)).filter(col("a").gt(10)), config))
                .isInstanceOf(ExecutionException.class)
                .extracting(e -> ((ExecutionException) e).code()).isEqualTo(ErrorCode.INTEGER_OVERFLOW);
    }

    @ParameterizedTest
    @MethodSource("configs")
    void anInvalidCastThatReachesTheResultAlwaysFails(DataJaxConfig config) {
        assertThatThrownBy(() -> run(df -> df.withColumn("n", col("s").cast(DataType.INT32)).select("n"), config))
                .isInstanceOf(ExecutionException.class)
                .extracting(e -> ((ExecutionException) e).code()).isEqualTo(ErrorCode.INVALID_CAST);
    }

    @ParameterizedTest
    @MethodSource("configs")
    void anOverflowBeforeALimitThatKeepsTheRowFails(DataJaxConfig config) {
        assertThatThrownBy(() -> run(df -> df.withColumn("b", col("a").plus(1)).limit(2), config))
                .isInstanceOf(ExecutionException.class);
    }

    @Test
    void theOptimisedPlanSkipsAnOverflowOnARowALaterFilterRemoves() {
        assertThat(Rows.of(run(df -> df.withColumn("b", col("a").plus(1)).filter(col("a").lt(10)), RULES_ON)))
                .containsExactly(List.of(1, "12", 2));
    }

    @Test
    void theOptimisedPlanSkipsAnInvalidCastOnARowALaterFilterRemoves() {
        assertThat(Rows.of(run(df -> df.withColumn("n", col("s").cast(DataType.INT32)).filter(col("s").ne("abc")),
                RULES_ON))).containsExactly(List.of(1, "12", 12));
    }

    @Test
    void theOptimisedPlanSkipsAColumnThatIsNeverRead() {
        assertThat(Rows.of(run(df -> df.withColumn("b", col("a").plus(1)).select("a"), RULES_ON)))
                .containsExactly(List.of(1), List.of(Integer.MAX_VALUE));
    }
}
