package io.datajax.tests.errors;

import static io.datajax.api.Functions.col;
import static io.datajax.api.Functions.lit;
import static io.datajax.api.Functions.max;
import static io.datajax.api.Functions.sum;
import static io.datajax.tests.tables.TestTables.dates;
import static io.datajax.tests.tables.TestTables.day;
import static io.datajax.tests.tables.TestTables.doubles;
import static io.datajax.tests.tables.TestTables.longs;
import static io.datajax.tests.tables.TestTables.strings;
import static io.datajax.tests.tables.TestTables.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datajax.api.DataJax;
import io.datajax.api.DataJaxConfig;
import io.datajax.api.Frame;
import io.datajax.api.JitFunction;
import io.datajax.api.JoinSpec;
import io.datajax.ir.error.DataJaxException;
import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.ExecutionException;
import io.datajax.ir.error.SchemaException;
import io.datajax.ir.error.TracingException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/**
 * Trace-time errors end to end: each names what failed, the offending value, the valid choices or the
 * nearest match, and the user's line (this file).
 */
class ErrorMessagesTest {
    private static final String THIS_FILE = "ErrorMessagesTest.java:";
    private static final DataJaxConfig CONFIG = DataJaxConfig.defaults();

    private static Table orders() {
        return table("orders", longs("user_id", 1L, 2L), doubles("revenue", 2.0, 3.0), strings("region", "eu", "us"),
                dates("day", day(0), day(1)));
    }

    private static Table users() {
        return table("users", longs("user_id", 1L, 2L), strings("name", "ann", "bob"));
    }

    private static ThrowingCallable running(JitFunction fn, Table... inputs) {
        return () -> fn.apply(inputs);
    }

    @Test
    void unknownColumnSuggestsTheNearestAndListsTheColumns() {
        JitFunction fn = DataJax.djit(df -> df.select("revnue"), CONFIG);

        assertThatThrownBy(running(fn, orders()))
                .isInstanceOf(SchemaException.class)
                .hasMessageContaining("No column 'revnue'. Did you mean 'revenue'?")
                .hasMessageContaining("Columns: [user_id, revenue, region, day]")
                .hasMessageContaining(THIS_FILE)
                .satisfies(e -> assertThat(((DataJaxException) e).code()).isEqualTo(ErrorCode.UNKNOWN_COLUMN));
    }

    @Test
    void unknownColumnInsideAnExpressionIsReportedWithTheUsersLine() {
        JitFunction fn = DataJax.djit(df -> df.filter(col("revnue").gt(1.0)), CONFIG);

        assertThatThrownBy(running(fn, orders()))
                .isInstanceOf(SchemaException.class)
                .hasMessageContaining("No column 'revnue'. Did you mean 'revenue'?")
                .hasMessageContaining(THIS_FILE);
    }

    @Test
    void addingAStringToANumberIsATypeMismatchNamingTheTypes() {
        JitFunction fn = DataJax.djit(df -> df.withColumn("bad", col("region").plus(1)), CONFIG);

        assertThatThrownBy(running(fn, orders()))
                .isInstanceOf(SchemaException.class)
                .hasMessageContaining("needs numeric operands")
                .hasMessageContaining("STRING and INT32")
                .hasMessageContaining(THIS_FILE)
                .satisfies(e -> assertThat(((DataJaxException) e).code()).isEqualTo(ErrorCode.TYPE_MISMATCH));
    }

    @Test
    void comparingADateWithAStringIsATypeMismatchBecauseDatesNeverConvertImplicitly() {
        JitFunction fn = DataJax.djit(df -> df.filter(col("day").eq(lit("2024-01-01"))), CONFIG);

        assertThatThrownBy(running(fn, orders()))
                .isInstanceOf(SchemaException.class)
                .hasMessageContaining("cannot compare DATE with STRING")
                .hasMessageContaining(THIS_FILE);
    }

    @Test
    void summingAStringColumnIsATypeMismatch() {
        JitFunction fn = DataJax.djit(df -> df.agg(sum("region")), CONFIG);

        assertThatThrownBy(running(fn, orders()))
                .isInstanceOf(SchemaException.class)
                .hasMessageContaining("sum does not accept STRING")
                .hasMessageContaining(THIS_FILE);
    }

    @Test
    void twoAggregatesWithOneNameAskForAnAlias() {
        JitFunction fn = DataJax.djit(df -> df.groupBy("user_id").agg(sum("revenue"), max("revenue")), CONFIG);

        assertThatThrownBy(running(fn, orders()))
                .isInstanceOf(SchemaException.class)
                .hasMessageContaining("Two outputs of the aggregation are named 'revenue'")
                .hasMessageContaining("Give one an alias")
                .hasMessageContaining(THIS_FILE)
                .satisfies(e -> assertThat(((DataJaxException) e).code()).isEqualTo(ErrorCode.AGGREGATE_NAME_COLLISION));
    }

    @Test
    void anAggregateOfAnExpressionNeedsAnAlias() {
        JitFunction fn = DataJax.djit(df -> df.agg(sum(col("revenue").multiply(2))), CONFIG);

        assertThatThrownBy(running(fn, orders()))
                .isInstanceOf(SchemaException.class)
                .hasMessageContaining(".as(\"name\")")
                .satisfies(e -> assertThat(((DataJaxException) e).code()).isEqualTo(ErrorCode.MISSING_ALIAS));
    }

    @Test
    void selectingAnUnnamedExpressionAsksForAnAlias() {
        JitFunction fn = DataJax.djit(df -> df.select(col("revenue").multiply(2)), CONFIG);

        assertThatThrownBy(running(fn, orders()))
                .isInstanceOf(SchemaException.class)
                .hasMessageContaining("has no name. Name it with .as(\"name\")")
                .hasMessageContaining(THIS_FILE);
    }

    @Test
    void aMissingJoinKeySuggestsTheNearestColumn() {
        JitFunction fn = DataJax.djit((l, r) -> l.join(r, JoinSpec.on(List.of("user"), List.of("user_id"))), CONFIG);

        assertThatThrownBy(running(fn, orders(), users()))
                .isInstanceOf(SchemaException.class)
                .hasMessageContaining("Join key 'user' is not a column of the left input. Did you mean 'user_id'?")
                .hasMessageContaining("Left columns: [user_id, revenue, region, day]")
                .hasMessageContaining(THIS_FILE)
                .satisfies(e -> assertThat(((DataJaxException) e).code()).isEqualTo(ErrorCode.JOIN_KEY_MISSING));
    }

    @Test
    void aMissingRightJoinKeyNamesTheRightInput() {
        JitFunction fn = DataJax.djit((l, r) -> l.join(r, JoinSpec.on(List.of("user_id"), List.of("nme"))), CONFIG);

        assertThatThrownBy(running(fn, orders(), users()))
                .isInstanceOf(SchemaException.class)
                .hasMessageContaining("Join key 'nme' is not a column of the right input. Did you mean 'name'?")
                .hasMessageContaining("Right columns: [user_id, name]");
    }

    @Test
    void differentNumbersOfLeftAndRightKeysAreAnError() {
        JitFunction fn = DataJax.djit((l, r) -> l.join(r, JoinSpec.on(List.of("user_id", "region"), List.of("user_id"))),
                CONFIG);

        assertThatThrownBy(running(fn, orders(), users()))
                .isInstanceOf(SchemaException.class)
                .hasMessageContaining("same number of left and right keys")
                .hasMessageContaining("[user_id, region]")
                .hasMessageContaining(THIS_FILE)
                .satisfies(e -> assertThat(((DataJaxException) e).code()).isEqualTo(ErrorCode.JOIN_KEY_COUNT));
    }

    @Test
    void joinKeysOfIncompatibleTypesAreAnErrorNamingBothTypes() {
        JitFunction fn = DataJax.djit((l, r) -> l.join(r, JoinSpec.on(List.of("user_id"), List.of("name"))), CONFIG);

        assertThatThrownBy(running(fn, orders(), users()))
                .isInstanceOf(SchemaException.class)
                .hasMessageContaining("Join keys 'user_id' (INT64) and 'name' (STRING) have incompatible types")
                .hasMessageContaining(THIS_FILE)
                .satisfies(e -> assertThat(((DataJaxException) e).code()).isEqualTo(ErrorCode.JOIN_KEY_TYPE));
    }

    @Test
    void aDateKeyDoesNotJoinAStringKey() {
        JitFunction fn = DataJax.djit((l, r) -> l.join(r, JoinSpec.on(List.of("day"), List.of("name"))), CONFIG);

        assertThatThrownBy(running(fn, orders(), users()))
                .isInstanceOf(SchemaException.class)
                .satisfies(e -> assertThat(((DataJaxException) e).code()).isEqualTo(ErrorCode.JOIN_KEY_TYPE));
    }

    @Test
    void aNameCollisionAfterSuffixingNamesTheColumns() {
        Table left = table("l", longs("id", 1L), strings("v", "a"), strings("v_x", "b"));
        Table right = table("r", longs("id", 1L), strings("v", "c"));
        JitFunction fn = DataJax.djit((l, r) -> l.join(r, "id"), CONFIG);

        assertThatThrownBy(running(fn, left, right))
                .isInstanceOf(SchemaException.class)
                .hasMessageContaining("two columns named 'v_x'")
                .hasMessageContaining("left columns [id, v, v_x], right columns [id, v]")
                .hasMessageContaining("Choose other suffixes")
                .hasMessageContaining(THIS_FILE)
                .satisfies(e -> assertThat(((DataJaxException) e).code()).isEqualTo(ErrorCode.JOIN_SUFFIX_COLLISION));
    }

    @Test
    void askingATracedFrameForItsRowCountIsATracingErrorThatSaysWhatToUse() {
        JitFunction fn = DataJax.djit(df -> df.limit(df.rowCount() / 2), CONFIG);

        assertThatThrownBy(running(fn, orders()))
                .isInstanceOf(TracingException.class)
                .hasMessageContaining("Cannot call rowCount() on a traced Frame")
                .hasMessageContaining("Use count() in an aggregation")
                .hasMessageContaining(THIS_FILE)
                .satisfies(e -> assertThat(((DataJaxException) e).code()).isEqualTo(ErrorCode.TRACER_DATA_ACCESS));
    }

    @Test
    void askingATracedFrameForACellIsATracingError() {
        JitFunction fn = DataJax.djit(df -> df.filter(col("revenue").gt(lit(df.value(0, "revenue")))), CONFIG);

        assertThatThrownBy(running(fn, orders()))
                .isInstanceOf(TracingException.class)
                .hasMessageContaining("Cannot call value(0, \"revenue\") on a traced Frame")
                .hasMessageContaining(THIS_FILE);
    }

    @Test
    void askingATracedFrameForItsTableIsATracingError() {
        JitFunction fn = DataJax.djit(df -> {
            df.toTable();
            return df;
        }, CONFIG);

        assertThatThrownBy(running(fn, orders()))
                .isInstanceOf(TracingException.class)
                .hasMessageContaining("Cannot call toTable() on a traced Frame")
                .hasMessageContaining("apply(...) returns the result as a Table");
    }

    @Test
    void aFrameCapturedFromAnotherTraceCannotBeJoined() {
        AtomicReference<Frame> leaked = new AtomicReference<>();
        JitFunction first = DataJax.djit(df -> {
            leaked.set(df);
            return df;
        }, CONFIG);
        first.apply(users());
        JitFunction second = DataJax.djit(df -> df.join(leaked.get(), "user_id"), CONFIG);

        assertThatThrownBy(running(second, orders()))
                .isInstanceOf(TracingException.class)
                .hasMessageContaining("frames from different traces")
                .hasMessageContaining("pass the data as another input")
                .satisfies(e -> assertThat(((DataJaxException) e).code()).isEqualTo(ErrorCode.FOREIGN_FRAME));
    }

    @Test
    void returningAFrameFromAnotherTraceIsAnError() {
        AtomicReference<Frame> leaked = new AtomicReference<>();
        DataJax.djit(df -> {
            leaked.set(df);
            return df;
        }, CONFIG).apply(users());
        JitFunction second = DataJax.djit(df -> leaked.get(), CONFIG);

        assertThatThrownBy(running(second, users()))
                .isInstanceOf(TracingException.class)
                .satisfies(e -> assertThat(((DataJaxException) e).code()).isEqualTo(ErrorCode.FOREIGN_FRAME));
    }

    @Test
    void applyWithTooFewInputsSaysHowManyAreNeeded() {
        JitFunction fn = DataJax.djit((l, r) -> l.join(r, "user_id"), CONFIG);

        assertThatThrownBy(running(fn, orders()))
                .isInstanceOf(TracingException.class)
                .hasMessageContaining("This function takes 2 input(s) [left, right] but was given 1")
                .satisfies(e -> assertThat(((DataJaxException) e).code()).isEqualTo(ErrorCode.INPUT_MISMATCH));
    }

    @Test
    void applyWithTooManyInputsSaysHowManyAreNeeded() {
        JitFunction fn = DataJax.djit(df -> df, CONFIG);

        assertThatThrownBy(running(fn, orders(), users()))
                .isInstanceOf(TracingException.class)
                .hasMessageContaining("takes 1 input(s) [df] but was given 2");
    }

    @Test
    void applyWithNamedInputsOnAPositionalFunctionIsAnError() {
        JitFunction fn = DataJax.djit(df -> df, CONFIG);

        assertThatThrownBy(() -> fn.apply(Map.of("df", orders())))
                .isInstanceOf(TracingException.class)
                .hasMessageContaining("call apply(Table...) instead of apply(Map)");
    }

    @Test
    void aNullInputTableIsAnErrorNamingTheInput() {
        JitFunction fn = DataJax.djit((l, r) -> l.join(r, "user_id"), CONFIG);

        assertThatThrownBy(() -> fn.apply(orders(), null))
                .isInstanceOf(TracingException.class)
                .hasMessageContaining("Input 'right' is null");
    }

    @Test
    void anUnknownExecutorSuggestsTheNearestName() {
        JitFunction fn = DataJax.djit(df -> df, CONFIG.withExecutor("locl"));

        assertThatThrownBy(running(fn, orders()))
                .isInstanceOf(ExecutionException.class)
                .hasMessageContaining("No executor named 'locl'. Did you mean 'local'?")
                .satisfies(e -> assertThat(((DataJaxException) e).code()).isEqualTo(ErrorCode.EXECUTOR_NOT_FOUND));
    }

    @Test
    void anErrorAtTraceTimeRunsNothingAndCachesNothing() {
        JitFunction fn = DataJax.djit(df -> df.select("revnue"), CONFIG);

        assertThatThrownBy(running(fn, orders())).isInstanceOf(SchemaException.class);
        assertThat(fn.lastExecution()).isEmpty();
        assertThat(fn.cacheStats().size()).isZero();
    }

    @Test
    void theErrorCodeIsStableAndPrefixesTheMessage() {
        JitFunction fn = DataJax.djit(df -> df.select("revnue"), CONFIG);

        assertThatThrownBy(running(fn, orders()))
                .hasMessageStartingWith("[UNKNOWN_COLUMN] No column 'revnue'.")
                .satisfies(e -> assertThat(((DataJaxException) e).code()).isEqualTo(ErrorCode.UNKNOWN_COLUMN));
    }
}
