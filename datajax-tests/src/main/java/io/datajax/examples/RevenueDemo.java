package io.datajax.examples;

import static io.datajax.api.Functions.col;
import static io.datajax.api.Functions.sum;

import io.datajax.api.DataJax;
import io.datajax.api.JitFunction;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

/**
 * The README's demo: revenue per user on the local executor. Prints the input, the result, the plan
 * before running, and the plan with per-stage rows and time after running.
 */
public final class RevenueDemo {
    private RevenueDemo() {
    }

    public static void main(String[] args) {
        Table orders = Table.create("orders",
                LongColumn.create("user_id", 1, 2, 1, 2, 1),
                DoubleColumn.create("unit_price", 2.0, 3.0, 4.0, 1.0, 5.0),
                LongColumn.create("qty", 1, 2, 1, 3, 1));

        JitFunction revenueByUser = DataJax.djit(df -> df
                .withColumn("revenue", col("unit_price").multiply(col("qty")))
                .groupBy("user_id")
                .agg(sum("revenue")));

        System.out.println("Input:");
        System.out.println(orders.print());
        System.out.println();
        System.out.println("Plan (traced against the input schema, before running):");
        System.out.println(revenueByUser.trace(io.datajax.api.trace.TablesawSchemas.schemaOf(orders)).explain());

        Table result = revenueByUser.apply(orders);
        System.out.println("Result:");
        System.out.println(result.print());
        System.out.println();
        System.out.println("Plan after the run:");
        System.out.println(revenueByUser.explain());
        System.out.println("Plan cache: " + revenueByUser.cacheStats());
    }
}
