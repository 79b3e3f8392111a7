package io.datajax.tests.transforms;

import static io.datajax.api.Functions.asc;
import static io.datajax.api.Functions.coalesce;
import static io.datajax.api.Functions.col;
import static io.datajax.api.Functions.desc;
import static io.datajax.api.Functions.max;
import static io.datajax.api.Functions.sum;
import static io.datajax.tests.tables.TestTables.doubles;
import static io.datajax.tests.tables.TestTables.longs;
import static io.datajax.tests.tables.TestTables.strings;
import static io.datajax.tests.tables.TestTables.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datajax.api.DataJax;
import io.datajax.api.DataJaxConfig;
import io.datajax.api.Frame;
import io.datajax.api.Input;
import io.datajax.api.JoinSpec;
import io.datajax.api.ScanBody;
import io.datajax.api.ScanExecution;
import io.datajax.api.ScanFunction;
import io.datajax.api.ScanResult;
import io.datajax.api.ScanStep;
import io.datajax.io.Sinks;
import io.datajax.planner.stages.StagePlan;
import io.datajax.io.Sources;
import io.datajax.ir.DataType;
import io.datajax.ir.error.SchemaException;
import io.datajax.tests.tables.Rows;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * {@code scan} on the local executor: the use cases of a carried table over ordered chunks, checked against
 * hand-written Java references; tracing once; no hidden state between runs; carry drift errors.
 */
public class ScanTest {
    @TempDir
    Path dir;

    /** Running totals per user: the carry (user, total) plus each day's sums, full outer joined. */
    public static final ScanBody RUNNING_TOTALS = (carry, day) -> {
        Frame daily = day.groupBy("user").agg(sum("amount").as("day_total"));
        Frame next = carry.join(daily, JoinSpec.on("user").full())
                .select(col("user"), coalesce(col("total"), 0.0).plus(coalesce(col("day_total"), 0.0)).as("total"));
        return ScanStep.of(next, next.sort("user"));
    };

    public static List<Table> randomDays(long seed, int days) {
        Random random = new Random(seed);
        List<Table> out = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            int rows = random.nextInt(8) == 0 ? 0 : random.nextInt(60);
            Long[] users = new Long[rows];
            Double[] amounts = new Double[rows];
            for (int r = 0; r < rows; r++) {
                users[r] = random.nextInt(10) == 0 ? null : (long) (random.nextInt(3) == 0 ? 1 : random.nextInt(12));
                amounts[r] = random.nextInt(10) == 0 ? null : (double) random.nextInt(100);
            }
            out.add(table("day" + d, longs("user", users), doubles("amount", amounts)));
        }
        return out;
    }

    public static Table emptyTotals() {
        return table("totals", longs("user"), doubles("total"));
    }

    /** The reference: totals per user (null users a group of their own), sorted by user, nulls last. */
    static List<List<Object>> expectedTotals(List<Table> days, int through) {
        TreeMap<Long, Double> totals = new TreeMap<>();
        Double nullTotal = null;
        for (int d = 0; d <= through; d++) {
            Table day = days.get(d);
            for (int r = 0; r < day.rowCount(); r++) {
                Long user = day.longColumn("user").isMissing(r) ? null : day.longColumn("user").get(r);
                double amount = day.doubleColumn("amount").isMissing(r) ? 0 : day.doubleColumn("amount").get(r);
                if (user == null) {
                    nullTotal = (nullTotal == null ? 0 : nullTotal) + amount;
                } else {
                    totals.merge(user, amount, Double::sum);
                }
            }
        }
        List<List<Object>> rows = new ArrayList<>();
        totals.forEach((user, total) -> rows.add(Rows.row(user, total)));
        if (nullTotal != null) {
            // a null user never matches the carry's null user (SQL join semantics): each day adds its own row
            rows.add(Rows.row(null, nullTotal));
        }
        return rows;
    }

    private static List<List<Object>> withoutNullKeys(List<List<Object>> rows) {
        return rows.stream().filter(row -> row.get(0) != null).toList();
    }

    @Test
    void runningTotalsPerKeyOverDailyFiles() throws IOException {
        List<Table> days = randomDays(7, 6);
        Path daysDir = Files.createDirectories(dir.resolve("days"));
        for (int d = 0; d < days.size(); d++) {
            Path part = dir.resolve("write-" + d);
            DataJax.djit(df -> df).write(Sinks.parquet(part), days.get(d));
            try (Stream<Path> files = Files.list(part)) {
                Path file = files.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow();
                Files.copy(file, daysDir.resolve(String.format("day-%02d.parquet", d)));
            }
        }
        ScanFunction totals = DataJax.scan(RUNNING_TOTALS);
        ScanResult fromFiles = totals.apply(emptyTotals(), Sources.parquet(daysDir));
        ScanResult fromTables = totals.apply(emptyTotals(), days);
        assertThat(fromFiles.outputs()).hasSize(6);
        for (int d = 0; d < days.size(); d++) {
            assertThat(withoutNullKeys(Rows.of(fromTables.outputs().get(d))))
                    .as("day %d", d).isEqualTo(withoutNullKeys(expectedTotals(days, d)));
            assertThat(Rows.of(fromFiles.outputs().get(d))).as("day %d from files", d)
                    .isEqualTo(Rows.of(fromTables.outputs().get(d)));
        }
        assertThat(Rows.of(fromFiles.carry())).isEqualTo(Rows.of(fromTables.carry()));
        assertThat(Rows.equalAsMultisets(withoutNullKeys(Rows.of(fromTables.carry())),
                withoutNullKeys(expectedTotals(days, 5)))).isTrue();
        assertThat(totals.traceCount()).as("one trace per chunk kind (tables, Parquet files)").isEqualTo(2);
        ScanExecution record = totals.lastExecution().orElseThrow();
        assertThat(record.steps()).isEqualTo(6);
        assertThat(record.traced()).isTrue();
        totals.apply(emptyTotals(), days);
        assertThat(totals.lastExecution().orElseThrow().traced()).as("the second run reuses the plans").isFalse();
        assertThat(record.lastCarryStep().explain()).contains("scan step");
    }

    @Test
    void anOutputBuiltFromTheNextCarryReadsItInsteadOfComputingItAgain() {
        ScanFunction.ScanPlans plans = DataJax.scan(RUNNING_TOTALS).trace(
                io.datajax.api.trace.TablesawSchemas.schemaOf(emptyTotals()),
                io.datajax.api.trace.TablesawSchemas.schemaOf(randomDays(1, 1).get(0)));
        StagePlan fromNext = plans.outputFromNextCarry().orElseThrow();
        assertThat(plans.explain()).contains("from the kept next carry").contains("input[2] next carry");
        assertThat(fromNext.stages()).extracting(io.datajax.planner.stages.Stage::kind)
                .containsExactly(io.datajax.planner.stages.StageKind.INPUT, io.datajax.planner.stages.StageKind.SORT);
    }

    @Test
    void twoRunsWithTheSameArgumentsGiveTheSameResult() {
        List<Table> days = randomDays(11, 5);
        ScanFunction totals = DataJax.scan(RUNNING_TOTALS);
        ScanResult first = totals.apply(emptyTotals(), days);
        ScanResult second = totals.apply(emptyTotals(), days);
        assertThat(Rows.of(second.carry())).isEqualTo(Rows.of(first.carry()));
        for (int d = 0; d < days.size(); d++) {
            assertThat(Rows.of(second.outputs().get(d))).isEqualTo(Rows.of(first.outputs().get(d)));
        }
        assertThat(totals.traceCount()).isEqualTo(1);
    }

    @Test
    void outputsCanBeStreamedAndAnEmptySequenceReturnsTheInitialCarry() {
        List<Table> days = randomDays(3, 4);
        List<Table> seen = new ArrayList<>();
        ScanResult streamed = DataJax.scan(RUNNING_TOTALS).apply(emptyTotals(),
                days.stream().map(Input::of).toList(), seen::add);
        assertThat(streamed.outputs()).isEmpty();
        assertThat(seen).hasSize(4);
        Table initial = table("totals", longs("user", 1L), doubles("total", 5.0));
        ScanResult none = DataJax.scan(RUNNING_TOTALS).apply(initial, List.<Table>of());
        assertThat(Rows.of(none.carry())).containsExactly(Rows.row(1L, 5.0));
        assertThat(none.outputs()).isEmpty();
    }

    @Test
    void sessionisationWithACarriedLastSeenTable() {
        long gap = 30;
        Random random = new Random(5);
        List<Table> chunks = new ArrayList<>();
        long clock = 0;
        Map<Long, List<long[]>> byUser = new HashMap<>();
        for (int c = 0; c < 6; c++) {
            int rows = random.nextInt(25);
            Long[] users = new Long[rows];
            Long[] ts = new Long[rows];
            for (int r = 0; r < rows; r++) {
                clock += 1 + random.nextInt(20);
                users[r] = (long) random.nextInt(4);
                ts[r] = clock;
            }
            chunks.add(table("events" + c, longs("user", users), longs("ts", ts)));
        }
        ScanBody sessions = (lastSeen, events) -> {
            Frame earlier = events.join(events.select(col("user"), col("ts").as("pts")), "user")
                    .filter(col("pts").lt(col("ts")))
                    .groupBy("user", "ts").agg(max("pts").as("prev_in_chunk"));
            Frame flagged = events.join(earlier, JoinSpec.on("user", "ts").left())
                    .join(lastSeen, JoinSpec.on("user").left())
                    .withColumn("prev", coalesce(col("prev_in_chunk"), col("last_ts")))
                    .select(col("user"), col("ts"),
                            col("prev").isNull().or(col("ts").minus(col("prev")).gt(gap)).as("new_session"))
                    .sort("user", "ts");
            Frame latest = events.groupBy("user").agg(max("ts").as("m"));
            Frame next = lastSeen.join(latest, JoinSpec.on("user").full())
                    .select(col("user"), coalesce(col("m"), col("last_ts")).as("last_ts"));
            return ScanStep.of(next, flagged);
        };
        ScanResult result = DataJax.scan(sessions).apply(table("seen", longs("user"), longs("last_ts")), chunks);
        Map<Long, Long> last = new HashMap<>();
        for (int c = 0; c < chunks.size(); c++) {
            Table chunk = chunks.get(c);
            List<List<Object>> expected = new ArrayList<>();
            for (int r = 0; r < chunk.rowCount(); r++) {
                long user = chunk.longColumn("user").get(r);
                long ts = chunk.longColumn("ts").get(r);
                Long prev = last.get(user);
                expected.add(Rows.row(user, ts, prev == null || ts - prev > gap));
                last.put(user, ts);
            }
            expected.sort((a, b) -> a.get(0).equals(b.get(0)) ? Long.compare((Long) a.get(1), (Long) b.get(1))
                    : Long.compare((Long) a.get(0), (Long) b.get(0)));
            assertThat(Rows.of(result.outputs().get(c))).as("chunk %d", c).isEqualTo(expected);
        }
        Map<Long, Long> carried = new HashMap<>();
        for (List<Object> row : Rows.of(result.carry())) {
            carried.put((Long) row.get(0), (Long) row.get(1));
        }
        assertThat(carried).isEqualTo(last);
    }

    /** The top 3 scores per key seen so far: the carry's rows and the chunk's, ranked again. */
    public static final ScanBody TOP_THREE = (top, chunk) -> {
        Frame next = top.union(chunk).sort(desc("score"), asc("id")).groupBy("key").head(3);
        return ScanStep.of(next, next.sort("key", "id"));
    };

    public static List<Table> randomScores(long seed, int chunks) {
        Random random = new Random(seed);
        List<Table> out = new ArrayList<>();
        long id = 0;
        for (int c = 0; c < chunks; c++) {
            int rows = random.nextInt(6) == 0 ? 0 : random.nextInt(40);
            String[] keys = new String[rows];
            Long[] ids = new Long[rows];
            Double[] scores = new Double[rows];
            for (int r = 0; r < rows; r++) {
                keys[r] = random.nextInt(12) == 0 ? null : "k" + random.nextInt(5);
                ids[r] = id++;
                scores[r] = (double) random.nextInt(50);
            }
            out.add(table("scores" + c, strings("key", keys), longs("id", ids), doubles("score", scores)));
        }
        return out;
    }

    @Test
    void topThreePerKeyMaintainedOverAStream() {
        List<Table> chunks = randomScores(9, 8);
        ScanResult result = DataJax.scan(TOP_THREE).apply(table("top", strings("key"), longs("id"), doubles("score")),
                chunks.stream().map(Input::of).toList());
        List<Object[]> seen = new ArrayList<>();
        for (int c = 0; c < chunks.size(); c++) {
            Table chunk = chunks.get(c);
            for (int r = 0; r < chunk.rowCount(); r++) {
                String key = chunk.stringColumn("key").isMissing(r) ? null : chunk.stringColumn("key").get(r);
                seen.add(new Object[] {key, chunk.longColumn("id").get(r), chunk.doubleColumn("score").get(r)});
            }
            Map<String, List<Object[]>> byKey = new TreeMap<>(java.util.Comparator.nullsLast(
                    java.util.Comparator.<String>naturalOrder()));
            for (Object[] row : seen) {
                byKey.computeIfAbsent((String) row[0], k -> new ArrayList<>()).add(row);
            }
            List<List<Object>> expected = new ArrayList<>();
            for (List<Object[]> rows : byKey.values()) {
                rows.sort((a, b) -> ((Double) a[2]).equals(b[2]) ? Long.compare((Long) a[1], (Long) b[1])
                        : Double.compare((Double) b[2], (Double) a[2]));
                List<Object[]> top = rows.subList(0, Math.min(3, rows.size()));
                top.sort((a, b) -> Long.compare((Long) a[1], (Long) b[1]));
                for (Object[] row : top) {
                    expected.add(Rows.row(row[0], row[1], row[2]));
                }
            }
            assertThat(Rows.of(result.outputs().get(c))).as("after chunk %d", c).isEqualTo(expected);
        }
    }

    @Test
    void aCarryWhoseSchemaDriftsIsRejectedNamingTheDrift() {
        ScanBody drifting = (carry, day) -> {
            Frame next = day.groupBy("user").agg(sum("amount").as("total"), max("amount").as("top"));
            return ScanStep.of(next, next);
        };
        assertThatThrownBy(() -> DataJax.scan(drifting).apply(emptyTotals(), randomDays(1, 2)))
                .isInstanceOf(SchemaException.class)
                .hasMessageContaining("column 'top' (FLOAT64) is new")
                .hasMessageContaining("must have the schema of the carry it is given");
        ScanBody retyped = (carry, day) -> {
            Frame next = carry.select(col("user"), col("total").cast(DataType.INT64).as("total"));
            return ScanStep.of(next, next);
        };
        assertThatThrownBy(() -> DataJax.scan(retyped).apply(emptyTotals(), randomDays(1, 2)))
                .hasMessageContaining("column 'total' changed from FLOAT64 to INT64");
    }

    @Test
    void aBodyCannotDependOnAChunksRows() {
        ScanBody peeking = (carry, day) -> ScanStep.of(day.rowCount() > 0 ? carry : carry, carry);
        assertThatThrownBy(() -> DataJax.scan(peeking).apply(emptyTotals(), randomDays(1, 2)))
                .hasMessageContaining("scan traces its body once for every chunk");
    }

    @Test
    void chunksOfDifferentSchemasAreRejected() {
        List<Table> chunks = List.of(randomDays(1, 1).get(0), table("odd", longs("user", 1L), longs("amount", 2L)));
        assertThatThrownBy(() -> DataJax.scan(RUNNING_TOTALS, DataJaxConfig.defaults()).apply(emptyTotals(), chunks))
                .hasMessageContaining("Chunk 1 given to scan has the schema");
    }
}
