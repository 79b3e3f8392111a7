package io.datajax.bench;

import static io.datajax.api.Functions.count;
import static io.datajax.api.Functions.sum;

import io.datajax.api.DataJax;
import io.datajax.api.DataJaxConfig;
import io.datajax.api.JitFunction;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.duckdb.DuckDBConnection;
import tech.tablesaw.aggregate.AggregateFunctions;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

/**
 * {@code sum(v), count() group by k} with an INT64 key drawn uniformly from {@code groups} distinct values (the
 * H2O db-benchmark's {@code sum v1 by id} shape) and FLOAT64 values in [0, 100).
 */
record GroupByWorkload(String id, int rows, int groups) implements Workload {
    @Override
    public String family() {
        return "groupby";
    }

    @Override
    public String description() {
        return "group by INT64 key (" + groups + " groups); sum(v), count()";
    }

    @Override
    public Prepared prepare() {
        SplittableRandom random = new SplittableRandom(2_0001L + groups);
        long[] keys = new long[rows];
        double[] values = new double[rows];
        for (int i = 0; i < rows; i++) {
            // Keys are spread over a wide range, so no engine can index them as a dense array.
            keys[i] = random.nextInt(groups) * 7_919L + 1_000_003L;
            values[i] = random.nextInt(10_000) / 100.0;
        }
        Table table = Table.create("facts", LongColumn.create("k", keys), DoubleColumn.create("v", values));
        return new Prepared() {
            @Override
            public List<Table> tables() {
                return List.of(table);
            }

            @Override
            public void loadInto(DuckDBConnection connection) throws SQLException {
                DuckDbTables.create(connection, "facts", "k BIGINT, v DOUBLE", rows,
                        (a, i) -> a.append(keys[i]).append(values[i]));
            }

            @Override
            public List<String> duckDbTables() {
                return List.of("facts");
            }

            @Override
            public String sql() {
                return "SELECT k, sum(v) AS v, count(*) AS count FROM facts GROUP BY k";
            }

            @Override
            public int keyCount() {
                return 1;
            }

            @Override
            public JitFunction jit(DataJaxConfig config) {
                return DataJax.djit(df -> df.groupBy("k").agg(sum("v"), count()), config);
            }

            @Override
            public List<String> resultKeys() {
                return List.of("k");
            }

            @Override
            public List<String> resultValues() {
                return List.of("v", "count");
            }

            @Override
            public Supplier<ResultRows> handLoop() {
                LongIntHashMap slots = new LongIntHashMap(1024);
                double[] sums = new double[1024];
                long[] counts = new long[1024];
                for (int i = 0; i < rows; i++) {
                    int slot = slots.slotOf(keys[i]);
                    if (slot == sums.length) {
                        sums = Arrays.copyOf(sums, slot * 2);
                        counts = Arrays.copyOf(counts, slot * 2);
                    }
                    sums[slot] += values[i];
                    counts[slot]++;
                }
                double[] finalSums = sums;
                long[] finalCounts = counts;
                return () -> {
                    ResultRows.Builder out = ResultRows.builder("v", "count");
                    long[] groupKeys = slots.keysBySlot();
                    for (int s = 0; s < groupKeys.length; s++) {
                        out.add(new double[] {finalSums[s], finalCounts[s]}, groupKeys[s]);
                    }
                    return out.build();
                };
            }

            @Override
            public Supplier<ResultRows> tablesaw() {
                Table result = table.summarize("v", AggregateFunctions.sum, AggregateFunctions.count).by("k");
                return () -> ResultRows.fromTable(result, List.of("k"), List.of("Sum [v]", "Count [v]"));
            }
        };
    }
}
