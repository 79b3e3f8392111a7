package io.datajax.bench;

import static io.datajax.api.Functions.coalesce;
import static io.datajax.api.Functions.col;
import static io.datajax.api.Functions.count;
import static io.datajax.api.Functions.sum;

import io.datajax.api.DataJax;
import io.datajax.api.DataJaxConfig;
import io.datajax.api.Frame;
import io.datajax.api.FrameFunction;
import io.datajax.api.JitFunction;
import io.datajax.api.JoinSpec;
import io.datajax.api.ScanBody;
import io.datajax.api.ScanFunction;
import io.datajax.api.ScanResult;
import io.datajax.api.ScanStep;
import io.datajax.api.Vmap;
import io.datajax.tests.tables.Rows;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

/**
 * The transforms benchmark (issue 6), side by side in one run, medians of {@code repeats} after {@code warmup}
 * runs, local executor, one thread:
 * <ul>
 *   <li>vmap: a filter + group-by over a batch of {@code items} tables of {@code rows} rows, as one
 *       {@code vmap} plan against {@code items} separate {@code apply} calls of the same cached {@code djit};</li>
 *   <li>scan: running totals per user over {@code chunks} chunks, as one {@code scan} against recomputing the
 *       totals from the whole history at every step (a {@code djit} over chunks 0..i for each i).</li>
 * </ul>
 * Both sides' results are compared before timing. {@code mvn -q -pl datajax-tests exec:java
 * -Dexec.classpathScope=test -Dexec.mainClass=io.datajax.bench.TransformsBenchmark -Dexec.args="--items 100
 * --rows 100000 --chunks 100"}
 */
public final class TransformsBenchmark {
    private static final FrameFunction PER_ITEM = df -> df.filter(col("amount").gt(10.0))
            .groupBy("user").agg(sum("amount"), count());
    private static final ScanBody TOTALS = (carry, chunk) -> {
        Frame daily = chunk.groupBy("user").agg(sum("amount").as("chunk_total"));
        Frame next = carry.join(daily, JoinSpec.on("user").full())
                .select(col("user"), coalesce(col("total"), 0.0).plus(coalesce(col("chunk_total"), 0.0)).as("total"));
        return ScanStep.of(next, next);
    };

    private TransformsBenchmark() {
    }

    public static void main(String[] args) {
        int items = 100;
        int rows = 100_000;
        int chunks = 100;
        int chunkRows = 20_000;
        int warmup = 2;
        int repeats = 5;
        for (int i = 0; i + 1 < args.length; i += 2) {
            int value = Integer.parseInt(args[i + 1]);
            switch (args[i]) {
                case "--items" -> items = value;
                case "--rows" -> rows = value;
                case "--chunks" -> chunks = value;
                case "--chunk-rows" -> chunkRows = value;
                case "--warmup" -> warmup = value;
                case "--repeats" -> repeats = value;
                default -> throw new IllegalArgumentException("Unknown option " + args[i] + "; options: --items --rows"
                        + " --chunks --chunk-rows --warmup --repeats");
            }
        }
        boolean agreed = run(items, rows, chunks, chunkRows, warmup, repeats, System.out);
        if (!agreed) {
            System.exit(1);
        }
    }

    /** Runs both comparisons and prints a markdown report; false when the two sides of one disagree. */
    static boolean run(int items, int rows, int chunks, int chunkRows, int warmup, int repeats, PrintStream out) {
        DataJaxConfig config = DataJaxConfig.defaults().withThreads(1);
        out.printf("### Transforms benchmark run %s%n%n", java.time.LocalDateTime.now().withNano(0));
        out.printf("- Machine: %s; local executor, 1 thread; median of %d after %d warm-up runs%n%n",
                Machine.describe("not part of this benchmark"), repeats, warmup);
        boolean vmapAgrees = vmapComparison(items, rows, warmup, repeats, config, out)
                & vmapComparison(items * 10, Math.max(1, rows / 100), warmup, repeats, config, out);

        List<Table> days = new ArrayList<>();
        for (int i = 0; i < chunks; i++) {
            days.add(table(1000 + i, chunkRows, 1000));
        }
        ScanFunction scan = DataJax.scan(TOTALS, config);
        Table emptyTotals = Table.create("totals", LongColumn.create("user"), DoubleColumn.create("total"));
        JitFunction history = DataJax.djit(df -> df.groupBy("user").agg(sum("amount").as("total")), config);
        Supplier<List<Table>> rerun = () -> {
            List<Table> results = new ArrayList<>(chunks);
            Table sofar = days.get(0).emptyCopy();
            for (Table day : days) {
                sofar.append(day);
                results.add(history.apply(sofar));
            }
            return results;
        };
        ScanResult scanned = scan.apply(emptyTotals, days);
        List<Table> reran = rerun.get();
        boolean scanAgrees = Rows.equalAsMultisets(Rows.of(scanned.carry()), Rows.of(reran.get(chunks - 1)));
        long[] scanNanos = time(() -> scan.apply(emptyTotals, days), warmup, repeats);
        long[] rerunNanos = time(rerun::get, Math.min(warmup, 1), Math.max(1, repeats / 2));
        out.printf("#### scan: running totals per user over %d chunks of %,d rows (1,000 users)%n%n", chunks, chunkRows);
        out.println("| run | median ms | min ms | M rows/s | speed-up vs re-running history |");
        out.println("|---|---|---|---|---|");
        row(out, "scan(body).apply(carry, chunks)", scanNanos, (long) chunks * chunkRows, Timings.median(rerunNanos));
        row(out, "djit over chunks 0..i, for every i", rerunNanos, (long) chunks * chunkRows, Timings.median(rerunNanos));
        out.println();
        out.println(scanAgrees ? "- The scan's final carry equals the totals over the whole history."
                : "- WRONG: the scan's final carry differs from the totals over the whole history.");
        out.println();
        return vmapAgrees && scanAgrees;
    }

    /** vmap over {@code items} tables of {@code rows} rows against as many separate applies; false on disagreement. */
    private static boolean vmapComparison(int items, int rows, int warmup, int repeats, DataJaxConfig config,
            PrintStream out) {
        List<Table> batch = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            batch.add(table(i, rows, 1000));
        }
        Vmap vmap = DataJax.vmap(PER_ITEM, config);
        JitFunction single = DataJax.djit(PER_ITEM, config);
        Supplier<List<Table>> separate = () -> {
            List<Table> results = new ArrayList<>(items);
            for (Table item : batch) {
                results.add(single.apply(item));
            }
            return results;
        };
        boolean agrees = sameTables(vmap.apply(batch), separate.get());
        long[] vmapNanos = time(() -> vmap.apply(batch), warmup, repeats);
        long[] separateNanos = time(separate::get, warmup, repeats);
        out.printf("#### vmap: %,d tables of %,d rows (filter, group by user (up to 1,000 keys), sum + count)%n%n",
                items, rows);
        out.println("| run | median ms | min ms | M rows/s | speed-up vs separate applies |");
        out.println("|---|---|---|---|---|");
        row(out, "vmap(fn).apply(batch): one plan", vmapNanos, (long) items * rows, Timings.median(separateNanos));
        row(out, items + " x djit(fn).apply(item)", separateNanos, (long) items * rows, Timings.median(separateNanos));
        out.println();
        out.println(agrees ? "- Every item's vmap result equals its separate apply."
                : "- WRONG: vmap and separate applies disagree.");
        out.println();
        return agrees;
    }

    private static Table table(long seed, int rows, int users) {
        Random random = new Random(seed);
        long[] user = new long[rows];
        double[] amount = new double[rows];
        for (int r = 0; r < rows; r++) {
            user[r] = random.nextInt(users);
            amount[r] = random.nextInt(10_000) / 100.0;
        }
        return Table.create("t" + seed, LongColumn.create("user", user), DoubleColumn.create("amount", amount));
    }

    private static boolean sameTables(List<Table> a, List<Table> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!Rows.equalInOrder(Rows.of(a.get(i)), Rows.of(b.get(i)))) {
                return false;
            }
        }
        return true;
    }

    private static long[] time(Runnable run, int warmup, int repeats) {
        for (int i = 0; i < warmup; i++) {
            run.run();
        }
        long[] nanos = new long[repeats];
        for (int i = 0; i < repeats; i++) {
            long start = System.nanoTime();
            run.run();
            nanos[i] = System.nanoTime() - start;
        }
        return nanos;
    }

    private static void row(PrintStream out, String label, long[] nanos, long rows, long baselineMedian) {
        long median = Timings.median(nanos);
        long min = Arrays.stream(nanos).min().orElse(median);
        out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.2fx |%n", label, median / 1e6, min / 1e6,
                rows / (median / 1e3), (double) baselineMedian / median);
    }
}
