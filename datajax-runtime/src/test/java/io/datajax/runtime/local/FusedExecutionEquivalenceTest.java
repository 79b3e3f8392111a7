package io.datajax.runtime.local;

import static io.datajax.api.Functions.col;
import static io.datajax.api.Functions.count;
import static io.datajax.api.Functions.lit;
import static io.datajax.api.Functions.max;
import static io.datajax.api.Functions.mean;
import static io.datajax.api.Functions.min;
import static io.datajax.api.Functions.sum;
import static org.assertj.core.api.Assertions.assertThat;

import io.datajax.api.DataJax;
import io.datajax.api.DataJaxConfig;
import io.datajax.api.FrameFunction;
import io.datajax.api.FrameFunction2;
import io.datajax.api.JoinSpec;
import io.datajax.ir.DataType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The fused, chunked executor against the plain per-node kernels on random data with nulls: equal results
 * (floating-point sums within rounding, since chunked sums add in another order), and bit-identical
 * results for one and two threads. Tiny chunks and vectors make every multi-chunk and multi-vector path
 * run on small data; a dense group limit of 1 forces the hashed group tables.
 */
class FusedExecutionEquivalenceTest {
    private static final DataJaxConfig CONFIG = DataJaxConfig.defaults();
    private static LocalExecutor plain;
    private static LocalExecutor oneThread;
    private static LocalExecutor twoThreads;
    private static LocalExecutor hashedOnly;
    private static LocalExecutor defaults;

    @BeforeAll
    static void executors() {
        plain = new LocalExecutor(CONFIG, new ExecOptions(1, 1024, 1 << 16, 16, 1 << 18, false));
        oneThread = new LocalExecutor(CONFIG, new ExecOptions(1, 4, 7, 16, 1 << 18, true));
        twoThreads = new LocalExecutor(CONFIG.withThreads(2), new ExecOptions(2, 4, 7, 16, 1 << 18, true));
        hashedOnly = new LocalExecutor(CONFIG.withThreads(2), new ExecOptions(2, 3, 5, 16, 1, true));
        defaults = new LocalExecutor(CONFIG);
    }

    @AfterAll
    static void close() {
        for (LocalExecutor executor : List.of(plain, oneThread, twoThreads, hashedOnly, defaults)) {
            executor.close();
        }
    }

    static Table facts(long seed, int rows) {
        Random random = new Random(seed);
        LongColumn k = LongColumn.create("k");
        StringColumn s = StringColumn.create("s");
        IntColumn i = IntColumn.create("i");
        DoubleColumn x = DoubleColumn.create("x");
        DateColumn d = DateColumn.create("d");
        String[] words = {"apple", "pear", "fig", "kiwi", "lime"};
        for (int r = 0; r < rows; r++) {
            if (random.nextInt(10) == 0) {
                k.appendMissing();
            } else {
                k.append(random.nextInt(12) - 3);
            }
            if (random.nextInt(8) == 0) {
                s.appendMissing();
            } else {
                s.append(words[random.nextInt(words.length)]);
            }
            if (random.nextInt(9) == 0) {
                i.appendMissing();
            } else {
                i.append(random.nextInt(1000) - 500);
            }
            if (random.nextInt(7) == 0) {
                x.appendMissing();
            } else {
                x.append(random.nextInt(20_000) / 7.0 - 1000);
            }
            d.append(LocalDate.of(2020, 1, 1).plusDays(random.nextInt(800)));
        }
        return Table.create("facts", k, s, i, x, d);
    }

    static Table dims(long seed, int rows) {
        Random random = new Random(seed);
        LongColumn k = LongColumn.create("k");
        StringColumn label = StringColumn.create("label");
        DoubleColumn w = DoubleColumn.create("w");
        for (int r = 0; r < rows; r++) {
            if (random.nextInt(12) == 0) {
                k.appendMissing();
            } else {
                k.append(random.nextInt(14) - 4);
            }
            label.append("L" + random.nextInt(4));
            w.append(random.nextInt(100) / 4.0);
        }
        return Table.create("dims", k, label, w);
    }

    private static List<FrameFunction> oneInputPrograms() {
        return List.of(
                df -> df.filter(col("x").gt(0.0).and(col("i").lt(200)))
                        .withColumn("y", col("x").multiply(col("i")).plus(lit(1.5)))
                        .withColumn("z", col("i").plus(col("k")))
                        .select("k", "s", "y", "z", "d"),
                df -> df.filter(col("s").ne("fig").or(col("k").isNull()))
                        .withColumn("i", col("i").multiply(10))
                        .filter(col("i").ge(-2000)),
                df -> df.groupBy("k").agg(sum("x"), mean("x").as("mx"), min("i"), max("i").as("maxi"),
                        count("x").as("cx"), count(), min("s").as("mins"), max("d").as("maxd")),
                df -> df.filter(col("d").lt(LocalDate.of(2021, 3, 1))).groupBy("s", "k")
                        .agg(sum(col("x").multiply(col("i"))).as("xi"), sum("i"), mean("i").as("mi"), count()),
                df -> df.withColumn("b", col("i").mod(7)).withColumn("t", col("k").cast(DataType.STRING))
                        .groupBy("t", "b").agg(sum("x"), count()),
                df -> df.withColumn("xr", col("x").multiply(0.0).plus(col("k").cast(DataType.FLOAT64)))
                        .groupBy("xr").agg(count(), max("x")),
                df -> df.filter(col("x").gt(1e9)).agg(sum("x"), count(), mean("i").as("mi"), min("s")),
                df -> df.agg(sum("i"), sum("x").as("sx"), count("k").as("ck"), count()),
                df -> df.withColumn("c", lit(-22.75)).groupBy("s").agg(sum(col("c").divide(-4.0)).as("q"),
                        sum(lit(3).multiply(lit(2))).as("six"), mean("c").as("mc")),
                df -> df.filter(col("i").gt(0)).sort("i", "k").limit(17).select("i", "k", "s"),
                df -> df.filter(col("x").isNotNull()).limit(40).filter(col("k").gt(2)));
    }

    private static List<FrameFunction2> twoInputPrograms() {
        return List.of(
                (f, d) -> f.join(d, "k"),
                (f, d) -> f.join(d, JoinSpec.on("k").left()).select("k", "s", "label", "w"),
                (f, d) -> f.join(d, JoinSpec.on("k").full()),
                (f, d) -> f.join(d, JoinSpec.on("k").right()).select("k", "x", "w"),
                (f, d) -> f.join(d, JoinSpec.on("k").semi()),
                (f, d) -> f.join(d, JoinSpec.on("k").anti()),
                (f, d) -> f.filter(col("x").gt(-500.0)).join(d, "k").groupBy("label")
                        .agg(sum(col("x").multiply(col("w"))).as("xw"), count()),
                (f, d) -> f.join(d.withColumn("s", col("label")), JoinSpec.on(List.of("k", "s"), List.of("k", "label")))
                        .select("k", "s_x", "x"),
                (f, d) -> f.join(d.withColumn("kd", col("w")), JoinSpec.on(List.of("i"), List.of("kd"))).select("i", "label"));
    }

    @Test
    void fusedPassesMatchThePlainKernelsAndThreadCountsAgreeExactly() {
        for (long seed = 1; seed <= 6; seed++) {
            int rows = seed == 1 ? 0 : seed == 2 ? 1 : (int) (40 + seed * 37);
            Table table = facts(seed, rows);
            int p = 0;
            for (FrameFunction program : oneInputPrograms()) {
                String where = "seed " + seed + " program " + p++;
                Table expected = DataJax.djit(program).on(plain).apply(table);
                Table one = DataJax.djit(program).on(oneThread).apply(table);
                Table two = DataJax.djit(program).on(twoThreads).apply(table);
                Table hashed = DataJax.djit(program).on(hashedOnly).apply(table);
                Table standard = DataJax.djit(program).on(defaults).apply(table);
                assertSameCells(where + " 1 vs 2 threads", one, two, true);
                assertSameCells(where + " plain vs fused", expected, one, false);
                assertSameCells(where + " plain vs hashed", expected, hashed, false);
                assertSameCells(where + " plain vs default options", expected, standard, false);
            }
        }
    }

    @Test
    void fusedJoinsMatchThePlainKernelsAndThreadCountsAgreeExactly() {
        for (long seed = 1; seed <= 6; seed++) {
            Table facts = facts(seed, seed == 1 ? 0 : (int) (30 + seed * 41));
            Table dims = dims(seed + 100, seed == 2 ? 0 : (int) (5 + seed * 3));
            int p = 0;
            for (FrameFunction2 program : twoInputPrograms()) {
                String where = "seed " + seed + " program " + p++;
                Table expected = DataJax.djit(program).on(plain).apply(facts, dims);
                Table one = DataJax.djit(program).on(oneThread).apply(facts, dims);
                Table two = DataJax.djit(program).on(twoThreads).apply(facts, dims);
                Table hashed = DataJax.djit(program).on(hashedOnly).apply(facts, dims);
                assertSameCells(where + " 1 vs 2 threads", one, two, true);
                assertSameCells(where + " plain vs fused", expected, one, false);
                assertSameCells(where + " plain vs hashed", expected, hashed, false);
            }
        }
    }

    /** Many spread-out INT64 keys (hash-partitioned aggregation), several vectors and partitions, nulls. */
    @Test
    void highCardinalityGroupByAndPrunedInputsMatchThePlainPathAndAgreeAcrossThreads() {
        Random random = new Random(11);
        int rows = 20_000;
        LongColumn k = LongColumn.create("k");
        DoubleColumn v = DoubleColumn.create("v");
        LongColumn w = LongColumn.create("w");
        StringColumn unused = StringColumn.create("unused");
        DateColumn day = DateColumn.create("day");
        for (int r = 0; r < rows; r++) {
            if (random.nextInt(50) == 0) {
                k.appendMissing();
            } else {
                k.append(random.nextInt(3_000) * 1_000_003L - 7);
            }
            if (random.nextInt(20) == 0) {
                v.appendMissing();
            } else {
                v.append(random.nextGaussian() * 1e3);
            }
            w.append(random.nextInt(100));
            unused.append("u" + random.nextInt(3));
            day.append(LocalDate.of(1995, 1, 1).plusDays(random.nextInt(2_000)));
        }
        Table table = Table.create("t", k, v, w, unused, day);
        LocalExecutor small = new LocalExecutor(CONFIG.withThreads(2), new ExecOptions(2, 64, 1_000, 16, 1 << 18, true));
        try {
            List<FrameFunction> programs = List.of(
                    df -> df.groupBy("k").agg(sum("v"), count(), mean("v").as("mv"), min("w"), max("v").as("xv"),
                            count("v").as("cv")),
                    df -> df.filter(col("day").lt(LocalDate.of(1997, 6, 1)).and(col("w").gt(10)))
                            .withColumn("p", col("v").multiply(col("w")))
                            .groupBy("k").agg(sum("p"), count()),
                    df -> df.filter(col("day").ge(LocalDate.of(1996, 1, 1))).agg(sum(col("v").multiply(col("w"))).as("s")));
            int p = 0;
            for (FrameFunction program : programs) {
                String where = "program " + p++;
                Table expected = DataJax.djit(program).on(plain).apply(table);
                Table one = DataJax.djit(program).on(oneThread).apply(table);
                Table two = DataJax.djit(program).on(twoThreads).apply(table);
                Table standard = DataJax.djit(program).on(defaults).apply(table);
                Table smallVectors = DataJax.djit(program).on(small).apply(table);
                assertSameCells(where + " 1 vs 2 threads", one, two, true);
                // the chunk settings decide (from the first chunk) between per-chunk tables and one table per hash
                // partition, so sums may differ in the last bits between chunk settings (never between thread counts)
                assertSameCells(where + " default vs small vectors", standard, smallVectors, false);
                assertSameCells(where + " plain vs fused", expected, one, false);
                assertSameCells(where + " plain vs default options", expected, standard, false);
            }
        } finally {
            small.close();
        }
    }

    @Test
    void modeStatesTheThreadCount() {
        var fn = DataJax.djit(df -> df.select("k")).on(twoThreads);
        Table table = facts(3, 10);
        fn.apply(table);
        assertThat(fn.lastExecution().orElseThrow().mode()).isEqualTo("in-process, 2 threads");
    }

    static void assertSameCells(String where, Table expected, Table actual, boolean exact) {
        assertThat(actual.columnNames()).as(where).isEqualTo(expected.columnNames());
        assertThat(actual.rowCount()).as(where + " rows").isEqualTo(expected.rowCount());
        for (int c = 0; c < expected.columnCount(); c++) {
            var e = expected.column(c);
            var a = actual.column(c);
            assertThat(a.type()).as(where + " type of " + e.name()).isEqualTo(e.type());
            List<String> mismatches = new ArrayList<>();
            for (int r = 0; r < expected.rowCount(); r++) {
                Object ev = e.get(r);
                Object av = a.get(r);
                boolean same = exact || !(ev instanceof Double d1 && av instanceof Double d2)
                        ? java.util.Objects.equals(ev, av) || (e.isMissing(r) && a.isMissing(r))
                        : Math.abs(d1 - d2) <= 1e-9 * Math.max(1, Math.abs(d1)) || (d1.isNaN() && d2.isNaN());
                if (!same) {
                    mismatches.add("row " + r + ": " + ev + " vs " + av);
                }
            }
            assertThat(mismatches).as(where + " column " + e.name()).isEmpty();
        }
    }
}
