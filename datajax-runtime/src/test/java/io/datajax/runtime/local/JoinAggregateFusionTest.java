package io.datajax.runtime.local;

import static io.datajax.api.Functions.col;
import static io.datajax.api.Functions.count;
import static io.datajax.api.Functions.max;
import static io.datajax.api.Functions.mean;
import static io.datajax.api.Functions.min;
import static io.datajax.api.Functions.sum;
import static io.datajax.runtime.local.FusedExecutionEquivalenceTest.assertSameCells;

import io.datajax.api.DataJax;
import io.datajax.api.DataJaxConfig;
import io.datajax.api.FrameFunction2;
import io.datajax.api.JoinSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A JOIN stage folded into the AGGREGATE stage after it (no joined row-id vectors) against the same plan
 * with the join materialised: bit-identical results (each group folds its rows in join output order), for
 * one and two threads, tiny and default chunk and vector sizes, dense and hashed group tables; and equal
 * within rounding to the plain per-node kernels. Random data with null keys, duplicate build keys and
 * unmatched rows on both sides.
 */
class JoinAggregateFusionTest {
    private static final DataJaxConfig CONFIG = DataJaxConfig.defaults();

    private static Table facts(Random random, int rows) {
        LongColumn k = LongColumn.create("k");
        DoubleColumn v = DoubleColumn.create("v");
        LongColumn id = LongColumn.create("id");
        for (int r = 0; r < rows; r++) {
            if (random.nextInt(15) == 0) {
                k.appendMissing();
            } else {
                k.append(random.nextInt(60) * 7L - 20);
            }
            if (random.nextInt(11) == 0) {
                v.appendMissing();
            } else {
                v.append(random.nextGaussian() * 1e4);
            }
            id.append(random.nextInt(5_000) * 1_000_003L);
        }
        return Table.create("facts", k, v, id);
    }

    private static Table dims(Random random, int rows) {
        LongColumn k = LongColumn.create("k");
        LongColumn grp = LongColumn.create("grp");
        StringColumn label = StringColumn.create("label");
        DoubleColumn w = DoubleColumn.create("w");
        for (int r = 0; r < rows; r++) {
            if (random.nextInt(20) == 0) {
                k.appendMissing();
            } else {
                // about 40 distinct keys over 70 * 7 values: duplicates and facts without a match
                k.append(random.nextInt(70) * 7L - 20);
            }
            if (random.nextInt(13) == 0) {
                grp.appendMissing();
            } else {
                grp.append(random.nextInt(9) * 1_000_000_007L);
            }
            label.append(random.nextInt(10) == 0 ? null : "L" + random.nextInt(5));
            w.append(random.nextInt(10) == 0 ? Double.NaN : random.nextGaussian());
        }
        return Table.create("dims", k, grp, label, w);
    }

    private static List<FrameFunction2> programs() {
        return List.of(
                (f, d) -> f.join(d, "k").groupBy("grp").agg(sum("v"), count(), mean("w").as("mw")),
                (f, d) -> f.join(d, JoinSpec.on("k").left()).groupBy("label")
                        .agg(sum(col("v").multiply(col("w"))).as("vw"), count("w").as("cw"), max("v").as("maxv")),
                (f, d) -> f.join(d, "k").groupBy("id").agg(sum("v"), count(), min("label").as("minl")),
                (f, d) -> f.join(d, JoinSpec.on("k").left()).groupBy("id").agg(sum("w"), sum("v").as("sv"), count()),
                (f, d) -> f.join(d, JoinSpec.on("k").left()).groupBy("grp", "label").agg(sum("v"), count()),
                (f, d) -> f.join(d, "k").agg(sum("v"), mean("w").as("mw"), count()));
    }

    @Test
    void fusedJoinAggregateEqualsTheMaterialisedJoinBitForBit() {
        List<ExecOptions> shapes = List.of(
                new ExecOptions(1, 4, 7, 16, 1 << 18, true),
                new ExecOptions(1, 3, 5, 16, 1, true),
                new ExecOptions(1, 64, 1_000, 16, 1 << 18, true),
                new ExecOptions(1, 64, 500, 16, 1, true),
                new ExecOptions(1, 1024, 1 << 16, 16, 1 << 18, true));
        LocalExecutor plain = new LocalExecutor(CONFIG, new ExecOptions(1, 1024, 1 << 16, 16, 1 << 18, false));
        List<LocalExecutor> opened = new ArrayList<>(List.of(plain));
        try {
            for (long seed = 1; seed <= 4; seed++) {
                Random random = new Random(seed);
                Table facts = facts(random, seed == 1 ? 1 : seed == 2 ? 300 : 12_000);
                Table dims = dims(random, seed == 1 ? 3 : (int) (20 + seed * 30));
                int p = 0;
                for (FrameFunction2 program : programs()) {
                    Table expected = DataJax.djit(program).on(plain).apply(facts, dims);
                    for (ExecOptions shape : shapes) {
                        String where = "seed " + seed + " program " + p + " options " + shape;
                        Table reference = null;
                        for (int threads = 1; threads <= 2; threads++) {
                            for (boolean fuse : new boolean[] {false, true}) {
                                ExecOptions options = new ExecOptions(threads, shape.vectorSize(), shape.minChunkRows(),
                                        shape.maxChunks(), shape.denseGroupLimit(), true, fuse);
                                LocalExecutor executor = new LocalExecutor(CONFIG.withThreads(threads), options);
                                opened.add(executor);
                                Table actual = DataJax.djit(program).on(executor).apply(facts, dims);
                                if (reference == null) {
                                    reference = actual;
                                    assertSameCells(where + " plain vs fused", expected, actual, false);
                                } else {
                                    assertSameCells(where + " threads " + threads + " join fusion " + fuse, reference,
                                            actual, true);
                                }
                            }
                        }
                    }
                    p++;
                }
            }
        } finally {
            opened.forEach(LocalExecutor::close);
        }
    }
}
