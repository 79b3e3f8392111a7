package io.datajax.tests.docs;

import static io.datajax.api.Functions.col;
import static io.datajax.api.Functions.count;
import static io.datajax.api.Functions.sum;

import io.datajax.api.DataJax;
import io.datajax.api.DataJaxConfig;
import io.datajax.api.JitFunction;
import io.datajax.ir.DataType;
import io.datajax.ir.Field;
import io.datajax.ir.Schema;

/** The pipelines whose explain output is quoted in docs/explain.md. */
final class DocumentedPipelines {
    static final Schema ORDERS = Schema.of(Field.of("user_id", DataType.INT64), Field.of("unit_price", DataType.FLOAT64),
            Field.of("qty", DataType.INT64));
    static final Schema FACT = Schema.of(Field.of("order_id", DataType.INT64), Field.of("user_id", DataType.INT64),
            Field.of("unit_price", DataType.FLOAT64), Field.of("qty", DataType.INT64));
    static final Schema USERS = Schema.of(Field.of("user_id", DataType.INT64), Field.of("country", DataType.STRING),
            Field.of("tier", DataType.STRING));

    private DocumentedPipelines() {
    }

    /** The README demo: revenue per user. */
    static JitFunction revenue() {
        return DataJax.djit(df -> df
                .withColumn("revenue", col("unit_price").multiply(col("qty")))
                .groupBy("user_id")
                .agg(sum("revenue")), DataJaxConfig.defaults());
    }

    /** Filter, join, group-by: revenue per country of orders of more than one item. */
    static JitFunction revenueByCountry() {
        return DataJax.djit((orders, users) -> orders
                .filter(col("qty").gt(1))
                .join(users, "user_id")
                .groupBy("country")
                .agg(sum(col("unit_price").multiply(col("qty"))).as("revenue"), count()), DataJaxConfig.defaults());
    }
}
