package io.datajax.examples;

import static io.datajax.api.Functions.col;
import static io.datajax.api.Functions.sum;

import io.datajax.api.DataJax;
import io.datajax.api.DataJaxConfig;
import io.datajax.api.JitFunction;
import io.datajax.api.spi.Executor;
import io.datajax.api.trace.TablesawSchemas;
import io.datajax.runtime.Executors;
import io.datajax.runtime.mpj.MpjSettings;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

/**
 * The README's demo: revenue per user. Prints the input, the result, the plan before running, and the plan
 * with per-stage rows and time after running.
 *
 * <p>Arguments: {@code [--executor local|mpj] [--ranks N]}. The default is the local executor; {@code mpj}
 * starts {@code N} rank JVMs on this host (2 by default, or {@code datajax.mpj.ranks}) and stops them at
 * the end.
 */
public final class RevenueDemo {
    private RevenueDemo() {
    }

    public static void main(String[] args) {
        List<String> arguments = List.of(args);
        DataJaxConfig config = DataJaxConfig.defaults();
        String executorName = option(arguments, "--executor", "local");
        String ranks = option(arguments, "--ranks", Integer.toString(config.mpj().ranks()));
        for (String argument : arguments) {
            if (argument.startsWith("--") && !argument.equals("--executor") && !argument.equals("--ranks")) {
                throw new IllegalArgumentException("Unknown option " + argument + "; usage: RevenueDemo"
                        + " [--executor local|mpj] [--ranks N]");
            }
        }
        try (Executor executor = executor(executorName, Integer.parseInt(ranks), config)) {
            run(executor);
        }
    }

    private static Executor executor(String name, int ranks, DataJaxConfig config) {
        return switch (name) {
            case "local" -> Executors.local(config);
            case "mpj" -> Executors.mpj(MpjSettings.of(config.mpj().withRanks(ranks)));
            default -> throw new IllegalArgumentException("Unknown executor '" + name + "'; use local or mpj.");
        };
    }

    private static void run(Executor executor) {
        Table orders = Table.create("orders",
                LongColumn.create("user_id", 1, 2, 1, 2, 1),
                DoubleColumn.create("unit_price", 2.0, 3.0, 4.0, 1.0, 5.0),
                LongColumn.create("qty", 1, 2, 1, 3, 1));

        JitFunction revenueByUser = DataJax.djit(df -> df
                .withColumn("revenue", col("unit_price").multiply(col("qty")))
                .groupBy("user_id")
                .agg(sum("revenue"))).on(executor);

        System.out.println("Executor: " + executor.name() + " (parallelism " + executor.parallelism() + ")");
        System.out.println("Input:");
        System.out.println(orders.print());
        System.out.println();
        System.out.println("Plan (traced against the input schema, before running):");
        System.out.println(revenueByUser.trace(TablesawSchemas.schemaOf(orders)).explain());

        Table result = revenueByUser.apply(orders);
        System.out.println("Result:");
        System.out.println(result.print());
        System.out.println("user_id=" + result.column("user_id").asList() + ", revenue=" + result.column("revenue").asList());
        System.out.println();
        System.out.println("Plan after the run:");
        System.out.println(revenueByUser.explain());
        System.out.println("Plan cache: " + revenueByUser.cacheStats());
    }

    private static String option(List<String> arguments, String name, String fallback) {
        int at = arguments.indexOf(name);
        if (at < 0) {
            return fallback;
        }
        if (at + 1 >= arguments.size()) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return arguments.get(at + 1);
    }
}
