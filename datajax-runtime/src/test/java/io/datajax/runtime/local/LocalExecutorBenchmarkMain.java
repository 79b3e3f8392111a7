package io.datajax.runtime.local;

import static io.datajax.api.Functions.col;
import static io.datajax.api.Functions.count;
import static io.datajax.api.Functions.lit;
import static io.datajax.api.Functions.mean;
import static io.datajax.api.Functions.sum;

import io.datajax.api.DataJax;
import io.datajax.api.DataJaxConfig;
import io.datajax.api.JitFunction;
import io.datajax.runtime.tablesaw.TablesawConverter;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Supplier;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A throwaway side-by-side timing of the local executor against hand-written loops on PEERS.md-shaped
 * data; run manually (not a test): {@code java -Xmx2g -cp ... LocalExecutorBenchmarkMain [scale] [workloads]}.
 */
public final class LocalExecutorBenchmarkMain {
    private static final int WARMUP = 3;
    private static final int REPEATS = 7;

    public static void main(String[] args) {
        double scale = args.length > 0 ? Double.parseDouble(args[0]) : 1.0;
        String only = args.length > 1 ? args[1] : "q6,q1,g1k,g100k,join,pipeline,conv";
        int threadsMax = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        for (String w : only.split(",")) {
            switch (w) {
                case "q6" -> q6((int) (6_000_000 * scale), threadsMax);
                case "q1" -> q1((int) (6_000_000 * scale), threadsMax);
                case "g1k" -> groupBy((int) (10_000_000 * scale), 1_000, threadsMax);
                case "g100k" -> groupBy((int) (10_000_000 * scale), 100_000, threadsMax);
                case "join" -> join((int) (10_000_000 * scale), 100_000, threadsMax);
                case "pipeline" -> pipeline((int) (10_000_000 * scale), threadsMax);
                default -> { }
            }
        }
    }

    static double median(Supplier<Object> run) {
        for (int i = 0; i < WARMUP; i++) {
            run.get();
        }
        double[] ms = new double[REPEATS];
        for (int i = 0; i < REPEATS; i++) {
            long start = System.nanoTime();
            run.get();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return ms[REPEATS / 2];
    }

    static void report(String name, double loop, Table table, JitFunction[] fns, Table... inputs) {
        StringBuilder line = new StringBuilder(String.format("%-10s loop %8.1f ms", name, loop));
        for (int t = 0; t < fns.length; t++) {
            JitFunction fn = fns[t];
            double ms = median(() -> fn.apply(inputs));
            line.append(String.format(" | %d thr %8.1f ms", t + 1, ms));
        }
        double conv = median(() -> {
            for (Table input : inputs) {
                TablesawConverter.toBatch(input);
            }
            return null;
        });
        line.append(String.format(" | toBatch %6.1f ms", conv));
        System.out.println(line);
        System.out.println("  result: " + fns[0].apply(inputs).first(3).toString().replace('\n', ' '));
        if (fns.length > 1) {
            String a = fns[0].apply(inputs).toString();
            String b = fns[1].apply(inputs).toString();
            if (!a.equals(b)) {
                System.out.println("  MISMATCH between thread counts!");
            }
        }
        System.out.println("  stages: " + fns[0].lastExecution().map(Object::toString).orElse("").replace('\n', ' '));
    }

    static JitFunction[] fns(io.datajax.api.FrameFunction fn, int max) {
        JitFunction[] out = new JitFunction[max];
        for (int t = 1; t <= max; t++) {
            out[t - 1] = DataJax.djit(fn, DataJaxConfig.defaults().withThreads(t));
        }
        return out;
    }

    static JitFunction[] fns2(io.datajax.api.FrameFunction2 fn, int max) {
        JitFunction[] out = new JitFunction[max];
        for (int t = 1; t <= max; t++) {
            out[t - 1] = DataJax.djit(fn, DataJaxConfig.defaults().withThreads(t));
        }
        return out;
    }

    static void q6(int n, int threads) {
        Random random = new Random(6);
        int[] shipdate = new int[n];
        double[] discount = new double[n];
        double[] quantity = new double[n];
        double[] price = new double[n];
        int base = (int) LocalDate.of(1992, 1, 1).toEpochDay();
        for (int i = 0; i < n; i++) {
            shipdate[i] = base + random.nextInt(2557);
            discount[i] = random.nextInt(11) / 100.0;
            quantity[i] = 1 + random.nextInt(50);
            price[i] = 900 + random.nextInt(100_000) / 1.0;
        }
        LocalDate[] dates = new LocalDate[n];
        for (int i = 0; i < n; i++) {
            dates[i] = LocalDate.ofEpochDay(shipdate[i]);
        }
        Table table = Table.create("lineitem", DateColumn.create("l_shipdate", dates),
                DoubleColumn.create("l_discount", discount), DoubleColumn.create("l_quantity", quantity),
                DoubleColumn.create("l_extendedprice", price));
        int lo = (int) LocalDate.of(1994, 1, 1).toEpochDay();
        int hi = (int) LocalDate.of(1995, 1, 1).toEpochDay();
        double loop = median(() -> {
            double s = 0;
            for (int i = 0; i < n; i++) {
                if (shipdate[i] >= lo && shipdate[i] < hi && discount[i] >= 0.05 && discount[i] <= 0.07 && quantity[i] < 24) {
                    s += price[i] * discount[i];
                }
            }
            return s;
        });
        report("q6", loop, table, fns(df -> df.filter(col("l_shipdate").ge(LocalDate.of(1994, 1, 1))
                .and(col("l_shipdate").lt(LocalDate.of(1995, 1, 1)))
                .and(col("l_discount").ge(0.05)).and(col("l_discount").le(0.07))
                .and(col("l_quantity").lt(24.0)))
                .agg(sum(col("l_extendedprice").multiply(col("l_discount"))).as("revenue")), threads), table);
    }

    static void q1(int n, int threads) {
        Random random = new Random(1);
        String[] flags = {"A", "N", "R"};
        String[] statuses = {"F", "O"};
        String[] flag = new String[n];
        String[] status = new String[n];
        int[] flagCode = new int[n];
        int[] statusCode = new int[n];
        double[] qty = new double[n];
        double[] price = new double[n];
        double[] disc = new double[n];
        double[] tax = new double[n];
        LocalDate[] dates = new LocalDate[n];
        int[] ship = new int[n];
        int base = (int) LocalDate.of(1992, 1, 1).toEpochDay();
        for (int i = 0; i < n; i++) {
            flagCode[i] = random.nextInt(3);
            statusCode[i] = random.nextInt(2);
            flag[i] = flags[flagCode[i]];
            status[i] = statuses[statusCode[i]];
            qty[i] = 1 + random.nextInt(50);
            price[i] = 900 + random.nextInt(100_000);
            disc[i] = random.nextInt(11) / 100.0;
            tax[i] = random.nextInt(9) / 100.0;
            ship[i] = base + random.nextInt(2557);
            dates[i] = LocalDate.ofEpochDay(ship[i]);
        }
        Table table = Table.create("lineitem", StringColumn.create("l_returnflag", flag),
                StringColumn.create("l_linestatus", status), DoubleColumn.create("l_quantity", qty),
                DoubleColumn.create("l_extendedprice", price), DoubleColumn.create("l_discount", disc),
                DoubleColumn.create("l_tax", tax), DateColumn.create("l_shipdate", dates));
        int cutoff = (int) LocalDate.of(1998, 9, 2).toEpochDay();
        double loop = median(() -> {
            double[][] acc = new double[6][8];
            for (int i = 0; i < n; i++) {
                if (ship[i] <= cutoff) {
                    double[] a = acc[flagCode[i] * 2 + statusCode[i]];
                    double dp = price[i] * (1 - disc[i]);
                    a[0] += qty[i];
                    a[1] += price[i];
                    a[2] += dp;
                    a[3] += dp * (1 + tax[i]);
                    a[4] += disc[i];
                    a[5]++;
                }
            }
            return acc;
        });
        report("q1", loop, table, fns(df -> df.filter(col("l_shipdate").le(LocalDate.of(1998, 9, 2)))
                .groupBy("l_returnflag", "l_linestatus")
                .agg(sum("l_quantity").as("sum_qty"), sum("l_extendedprice").as("sum_base_price"),
                        sum(col("l_extendedprice").multiply(lit(1.0).minus(col("l_discount")))).as("sum_disc_price"),
                        sum(col("l_extendedprice").multiply(lit(1.0).minus(col("l_discount")))
                                .multiply(lit(1.0).plus(col("l_tax")))).as("sum_charge"),
                        mean("l_quantity").as("avg_qty"), mean("l_extendedprice").as("avg_price"),
                        mean("l_discount").as("avg_disc"), count().as("count_order")), threads), table);
    }

    static void groupBy(int n, int groups, int threads) {
        Random random = new Random(groups);
        long[] id = new long[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            id[i] = random.nextInt(groups);
            v[i] = random.nextInt(1000) / 10.0;
        }
        Table table = Table.create("t", LongColumn.create("id", id), DoubleColumn.create("v", v));
        double loop = median(() -> {
            double[] sums = new double[groups];
            long[] counts = new long[groups];
            for (int i = 0; i < n; i++) {
                int g = (int) id[i];
                sums[g] += v[i];
                counts[g]++;
            }
            return sums;
        });
        report("groupby-" + (groups / 1000) + "k", loop, table,
                fns(df -> df.groupBy("id").agg(sum("v"), count()), threads), table);
    }

    static void join(int n, int dimRows, int threads) {
        Random random = new Random(7);
        long[] key = new long[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            key[i] = random.nextInt(dimRows);
            v[i] = random.nextInt(1000) / 10.0;
        }
        long[] dimKey = new long[dimRows];
        long[] attr = new long[dimRows];
        for (int i = 0; i < dimRows; i++) {
            dimKey[i] = dimRows - 1 - i;
            attr[i] = random.nextInt(100);
        }
        Table fact = Table.create("fact", LongColumn.create("k", key), DoubleColumn.create("v", v));
        Table dim = Table.create("dim", LongColumn.create("k", dimKey), LongColumn.create("attr", attr));
        double loop = median(() -> {
            int[] pos = new int[dimRows];
            for (int i = 0; i < dimRows; i++) {
                pos[(int) dimKey[i]] = i;
            }
            double[] sums = new double[100];
            long[] counts = new long[100];
            for (int i = 0; i < n; i++) {
                int a = (int) attr[pos[(int) key[i]]];
                sums[a] += v[i];
                counts[a]++;
            }
            return sums;
        });
        report("join", loop, fact, fns2((f, d) -> f.join(d, "k").groupBy("attr").agg(sum("v"), count()), threads), fact, dim);
    }

    static void pipeline(int n, int threads) {
        Random random = new Random(9);
        int users = 100_000;
        long[] user = new long[n];
        double[] price = new double[n];
        long[] qty = new long[n];
        for (int i = 0; i < n; i++) {
            user[i] = random.nextInt(users);
            price[i] = random.nextInt(1000) / 100.0;
            qty[i] = 1 + random.nextInt(5);
        }
        long[] dimUser = new long[users];
        String[] names = new String[users];
        for (int i = 0; i < users; i++) {
            dimUser[i] = i;
            names[i] = "user" + i;
        }
        Table fact = Table.create("events", LongColumn.create("user", user), DoubleColumn.create("price", price),
                LongColumn.create("qty", qty));
        Table dim = Table.create("users", LongColumn.create("user", dimUser), StringColumn.create("name", names));
        double loop = median(() -> {
            double[] sums = new double[users];
            for (int i = 0; i < n; i++) {
                double r = price[i] * qty[i];
                if (r > 5) {
                    sums[(int) user[i]] += r;
                }
            }
            return sums;
        });
        report("pipeline", loop, fact, fns2((f, d) -> f.repartition("user")
                .filter(col("price").multiply(col("qty")).gt(5.0))
                .join(d, "user")
                .groupBy("user").agg(sum(col("price").multiply(col("qty"))).as("revenue")), threads), fact, dim);
    }
}
