package io.datajax.tests.threads;

import static io.datajax.api.Functions.col;
import static io.datajax.api.Functions.count;
import static io.datajax.api.Functions.desc;
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
import io.datajax.tests.tables.Rows;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * One and two threads give identical tables (same rows, same order, same bits) on inputs large enough to
 * be split into several chunks, with nulls, duplicate and skewed keys.
 */
class ThreadCountEquivalenceTest {
    private static final int ROWS = 300_000;
    private static final DataJaxConfig ONE = DataJaxConfig.defaults();
    private static final DataJaxConfig TWO = DataJaxConfig.defaults().withThreads(2);

    private static Table facts;
    private static Table dims;

    @BeforeAll
    static void generate() {
        Random random = new Random(42);
        LongColumn key = LongColumn.create("k");
        IntColumn small = IntColumn.create("g");
        DoubleColumn value = DoubleColumn.create("v");
        StringColumn tag = StringColumn.create("tag");
        for (int i = 0; i < ROWS; i++) {
            if (random.nextInt(20) == 0) {
                key.appendMissing();
            } else {
                key.append(random.nextInt(10) == 0 ? 7 : random.nextInt(50_000));
            }
            small.append(random.nextInt(30));
            if (random.nextInt(15) == 0) {
                value.appendMissing();
            } else {
                value.append(random.nextGaussian() * 100);
            }
            tag.append("t" + random.nextInt(12));
        }
        facts = Table.create("facts", key, small, value, tag);
        LongColumn dimKey = LongColumn.create("k");
        StringColumn group = StringColumn.create("grp");
        for (int i = 0; i < 40_000; i++) {
            dimKey.append(i * 2L);
            group.append("grp" + (i % 97));
        }
        dims = Table.create("dims", dimKey, group);
    }

    static Stream<Arguments> singleInputPipelines() {
        return Stream.<Arguments>of(
                Arguments.of("filter and computed columns", (FrameFunction) df -> df
                        .filter(col("v").gt(0.0).or(col("tag").eq("t3")))
                        .withColumn("w", col("v").multiply(col("g")).plus(1))),
                Arguments.of("group by one key", (FrameFunction) df -> df
                        .groupBy("k").agg(sum("v"), count(), mean(col("g")).as("mean_g"), min(col("tag")).as("first_tag"))),
                Arguments.of("group by two keys after a filter", (FrameFunction) df -> df
                        .filter(col("g").lt(20))
                        .groupBy("tag", "g").agg(sum(col("v").multiply(2.0)).as("twice"), max("v"), count(col("v")).as("n"))),
                Arguments.of("global aggregate", (FrameFunction) df -> df.agg(sum("v"), count(), mean("v").as("avg"))),
                Arguments.of("sort and limit", (FrameFunction) df -> df.sort(desc("v"), desc("k")).limit(1000)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("singleInputPipelines")
    void oneAndTwoThreadsGiveIdenticalTables(String name, FrameFunction fn) {
        Table one = DataJax.djit(fn, ONE).apply(facts);
        Table two = DataJax.djit(fn, TWO).apply(facts);
        assertThat(Rows.of(two)).as(name).isEqualTo(Rows.of(one));
        assertThat(Rows.header(two)).isEqualTo(Rows.header(one));
    }

    @Test
    void joinsThenGroupByGiveIdenticalTables() {
        FrameFunction2 fn = (f, d) -> f.join(d, JoinSpec.on("k").left())
                .groupBy("grp").agg(sum("v"), count());
        Table one = DataJax.djit(fn, ONE).apply(facts, dims);
        Table two = DataJax.djit(fn, TWO).apply(facts, dims);
        assertThat(Rows.of(two)).isEqualTo(Rows.of(one));
    }

    @Test
    void fullJoinGivesIdenticalTables() {
        FrameFunction2 fn = (f, d) -> f.filter(col("g").eq(3)).join(d, JoinSpec.on("k").full());
        Table one = DataJax.djit(fn, ONE).apply(facts, dims);
        Table two = DataJax.djit(fn, TWO).apply(facts, dims);
        assertThat(Rows.of(two)).isEqualTo(Rows.of(one));
    }
}
