package io.datajax.api;

import static io.datajax.api.Functions.col;
import static io.datajax.api.Functions.count;
import static io.datajax.api.Functions.desc;
import static io.datajax.api.Functions.lit;
import static io.datajax.api.Functions.max;
import static io.datajax.api.Functions.mean;
import static io.datajax.api.Functions.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datajax.ir.DataType;
import io.datajax.ir.Field;
import io.datajax.ir.Schema;
import io.datajax.ir.error.SchemaException;
import io.datajax.ir.error.TracingException;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FrameTracingTest {
    private static final Schema ORDERS = Schema.of(Field.of("user_id", DataType.INT64),
            Field.of("unit_price", DataType.FLOAT64), Field.of("qty", DataType.INT64));
    private static final Schema USERS = Schema.of(Field.of("user_id", DataType.INT64), Field.of("country", DataType.STRING));

    private final RecordingExecutor executor = new RecordingExecutor();

    private static DataJaxConfig noRules() {
        return DataJaxConfig.defaults().withDisabledRules(Set.copyOf(io.datajax.planner.rules.RuleSet.standard().ruleNames()));
    }

    @Test
    void tracesTheRevenueExampleIntoATypedPlan() {
        JitFunction fn = DataJax.djit(df -> df
                .withColumn("revenue", col("unit_price").multiply(col("qty")))
                .groupBy("user_id")
                .agg(sum("revenue")), noRules()).on(executor);
        assertThat(fn.trace(ORDERS).printTraced()).isEqualTo("""
                Aggregate[keys=[user_id], revenue := sum(revenue)] -> (user_id INT64, revenue FLOAT64)
                  Project[user_id, unit_price, qty, revenue := (unit_price * qty)] -> (user_id INT64, unit_price FLOAT64, qty INT64, revenue FLOAT64)
                    Scan[0: df (user_id INT64, unit_price FLOAT64, qty INT64), blocks] -> (user_id INT64, unit_price FLOAT64, qty INT64)
                """);
    }

    @Test
    void withColumnReplacingAColumnKeepsItsPositionAndReadsTheOldValue() {
        JitFunction fn = DataJax.djit(df -> df.withColumn("qty", col("qty").multiply(10)), noRules()).on(executor);
        assertThat(fn.trace(ORDERS).printTraced()).startsWith(
                "Project[user_id, unit_price, qty := (qty * 10)] -> (user_id INT64, unit_price FLOAT64, qty INT64)");
    }

    @Test
    void selectDropRenameFilterSortLimitAreRecorded() {
        JitFunction fn = DataJax.djit(df -> df
                .filter(col("qty").gt(1).and(col("unit_price").isNotNull()))
                .rename("qty", "quantity")
                .drop("unit_price")
                .select(col("user_id"), col("quantity").cast(DataType.FLOAT64).as("q"))
                .sort(desc("q"))
                .limit(3), noRules()).on(executor);
        assertThat(fn.trace(ORDERS).printTraced()).isEqualTo("""
                Limit[3] -> (user_id INT64, q FLOAT64)
                  Sort[q DESC NULLS LAST] -> (user_id INT64, q FLOAT64)
                    Project[user_id, q := CAST(quantity AS FLOAT64)] -> (user_id INT64, q FLOAT64)
                      Project[user_id, quantity] -> (user_id INT64, quantity INT64)
                        Project[user_id, unit_price, quantity := qty] -> (user_id INT64, unit_price FLOAT64, quantity INT64)
                          Filter[((qty > 1) AND (unit_price IS NOT NULL))] -> (user_id INT64, unit_price FLOAT64, qty INT64)
                            Scan[0: df (user_id INT64, unit_price FLOAT64, qty INT64), blocks] -> (user_id INT64, unit_price FLOAT64, qty INT64)
                """);
    }

    @Test
    void twoFrameFunctionsJoinTheirInputs() {
        JitFunction fn = DataJax.djit((orders, users) -> orders.join(users, JoinSpec.on("user_id").left())
                .groupBy("country").agg(count(), mean("unit_price"), max(col("qty")).as("most")), noRules()).on(executor);
        assertThat(fn.trace(ORDERS, USERS).printTraced()).isEqualTo("""
                Aggregate[keys=[country], count := count(*), unit_price := mean(unit_price), most := max(qty)] -> (country STRING, count INT64 NOT NULL, unit_price FLOAT64, most INT64)
                  Join[LEFT, on=[user_id]] -> (user_id INT64, unit_price FLOAT64, qty INT64, country STRING)
                    Scan[0: left (user_id INT64, unit_price FLOAT64, qty INT64), blocks] -> (user_id INT64, unit_price FLOAT64, qty INT64)
                    Scan[1: right (user_id INT64, country STRING), blocks] -> (user_id INT64, country STRING)
                """);
    }

    @Test
    void namedInputsAreSortedByName() {
        JitFunction fn = DataJax.djitNamed(in -> in.frame("users").join(in.frame("orders"), "user_id"), noRules()).on(executor);
        assertThat(fn.trace(Map.of("users", USERS, "orders", ORDERS)).printTraced()).contains(
                "Scan[0: orders", "Scan[1: users");
    }

    @Test
    void unknownNamedInputSuggestsTheNearest() {
        JitFunction fn = DataJax.djitNamed(in -> in.frame("user"), noRules()).on(executor);
        assertThatThrownBy(() -> fn.trace(Map.of("users", USERS)))
                .hasMessageContaining("No input named 'user'. Did you mean 'users'? Inputs: [users]");
    }

    @Test
    void unknownColumnsAreReportedAtTraceTime() {
        JitFunction fn = DataJax.djit(df -> df.filter(col("revnue").gt(1)), noRules()).on(executor);
        assertThatThrownBy(() -> fn.trace(ORDERS))
                .isInstanceOf(SchemaException.class)
                .hasMessageContaining("No column 'revnue'. Columns: [user_id, unit_price, qty]");
    }

    @Test
    void askingATracedFrameForDataIsATracingError() {
        JitFunction fn = DataJax.djit(df -> {
            df.rowCount();
            return df;
        }, noRules()).on(executor);
        assertThatThrownBy(() -> fn.trace(ORDERS))
                .isInstanceOf(TracingException.class)
                .hasMessageContaining("Cannot call rowCount() on a traced Frame")
                .hasMessageContaining("Use count() in an aggregation");
    }

    @Test
    void framesFromAnotherTraceCannotBeJoined() {
        Frame[] leaked = new Frame[1];
        DataJax.djit(df -> {
            leaked[0] = df;
            return df;
        }, noRules()).on(executor).trace(USERS);
        JitFunction fn = DataJax.djit(df -> df.join(leaked[0], "user_id"), noRules()).on(executor);
        assertThatThrownBy(() -> fn.trace(ORDERS))
                .isInstanceOf(TracingException.class)
                .hasMessageContaining("Cannot join frames from different traces");
    }

    @Test
    void selectOfAnUnnamedExpressionAsksForAnAlias() {
        JitFunction fn = DataJax.djit(df -> df.select(col("qty").plus(1)), noRules()).on(executor);
        assertThatThrownBy(() -> fn.trace(ORDERS)).hasMessageContaining("has no name. Name it with .as(\"name\")");
    }

    @Test
    void untypedNullColumnAsksForAType() {
        JitFunction fn = DataJax.djit(df -> df.withColumn("x", lit(null)), noRules()).on(executor);
        assertThatThrownBy(() -> fn.trace(ORDERS)).hasMessageContaining("is an untyped null");
    }

    @Test
    void wrongInputCountIsReported() {
        JitFunction fn = DataJax.djit(df -> df, noRules()).on(executor);
        assertThatThrownBy(() -> fn.trace(ORDERS, USERS))
                .hasMessageContaining("This function takes 1 input(s) [df] but was given 2.");
    }
}
