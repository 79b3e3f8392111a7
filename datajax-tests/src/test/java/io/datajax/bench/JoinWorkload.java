package io.datajax.bench;

import static io.datajax.api.Functions.count;
import static io.datajax.api.Functions.sum;

import io.datajax.api.DataJax;
import io.datajax.api.DataJaxConfig;
import io.datajax.api.JitFunction;
import java.sql.SQLException;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.duckdb.DuckDBConnection;
import tech.tablesaw.aggregate.AggregateFunctions;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.joining.JoinType;

/**
 * A fact table joined to a dimension on an INT64 key, then grouped by a dimension attribute:
 * {@code facts(k, v) JOIN dims(k, grp) USING (k) GROUP BY grp: sum(v), count()}. About 5% of the fact keys have
 * no dimension row (the inner join drops them); the dimension rows are in shuffled key order.
 */
record JoinWorkload(String id, int rows, int dimRows, int groups) implements Workload {
    @Override
    public String family() {
        return "join";
    }

    @Override
    public String description() {
        return "facts JOIN dims (" + dimRows + " rows) ON INT64 k, group by dims.grp (" + groups
                + " groups); sum(v), count()";
    }

    @Override
    public Prepared prepare() {
        SplittableRandom random = new SplittableRandom(3_0001L);
        long[] dimKeys = new long[dimRows];
        long[] dimGroups = new long[dimRows];
        for (int j = 0; j < dimRows; j++) {
            dimKeys[j] = j;
        }
        for (int j = dimRows - 1; j > 0; j--) {
            int other = random.nextInt(j + 1);
            long swap = dimKeys[j];
            dimKeys[j] = dimKeys[other];
            dimKeys[other] = swap;
        }
        for (int j = 0; j < dimRows; j++) {
            dimGroups[j] = random.nextInt(groups);
        }
        int keyRange = dimRows + dimRows / 20;
        long[] keys = new long[rows];
        double[] values = new double[rows];
        for (int i = 0; i < rows; i++) {
            keys[i] = random.nextInt(keyRange);
            values[i] = random.nextInt(10_000) / 100.0;
        }
        Table facts = Table.create("facts", LongColumn.create("k", keys), DoubleColumn.create("v", values));
        Table dims = Table.create("dims", LongColumn.create("k", dimKeys), LongColumn.create("grp", dimGroups));
        return new Prepared() {
            @Override
            public List<Table> tables() {
                return List.of(facts, dims);
            }

            @Override
            public void loadInto(DuckDBConnection connection) throws SQLException {
                DuckDbTables.create(connection, "facts", "k BIGINT, v DOUBLE", rows,
                        (a, i) -> a.append(keys[i]).append(values[i]));
                DuckDbTables.create(connection, "dims", "k BIGINT, grp BIGINT", dimRows,
                        (a, j) -> a.append(dimKeys[j]).append(dimGroups[j]));
            }

            @Override
            public List<String> duckDbTables() {
                return List.of("facts", "dims");
            }

            @Override
            public String sql() {
                return "SELECT d.grp, sum(f.v) AS v, count(*) AS count FROM facts f JOIN dims d ON f.k = d.k"
                        + " GROUP BY d.grp";
            }

            @Override
            public int keyCount() {
                return 1;
            }

            @Override
            public JitFunction jit(DataJaxConfig config) {
                return DataJax.djit((left, right) -> left.join(right, "k").groupBy("grp").agg(sum("v"), count()),
                        config);
            }

            @Override
            public List<String> resultKeys() {
                return List.of("grp");
            }

            @Override
            public List<String> resultValues() {
                return List.of("v", "count");
            }

            @Override
            public Supplier<ResultRows> handLoop() {
                LongIntHashMap dimIndex = new LongIntHashMap(dimRows);
                int[] groupOfDimSlot = new int[dimRows];
                LongIntHashMap groupSlots = new LongIntHashMap(128);
                for (int j = 0; j < dimRows; j++) {
                    groupOfDimSlot[dimIndex.slotOf(dimKeys[j])] = groupSlots.slotOf(dimGroups[j]);
                }
                double[] sums = new double[groupSlots.size()];
                long[] counts = new long[groupSlots.size()];
                for (int i = 0; i < rows; i++) {
                    int dimSlot = dimIndex.find(keys[i]);
                    if (dimSlot >= 0) {
                        int g = groupOfDimSlot[dimSlot];
                        sums[g] += values[i];
                        counts[g]++;
                    }
                }
                return () -> {
                    ResultRows.Builder out = ResultRows.builder("v", "count");
                    long[] groupKeys = groupSlots.keysBySlot();
                    for (int g = 0; g < groupKeys.length; g++) {
                        if (counts[g] > 0) {
                            out.add(new double[] {sums[g], counts[g]}, groupKeys[g]);
                        }
                    }
                    return out.build();
                };
            }

            @Override
            public Supplier<ResultRows> tablesaw() {
                Table joined = facts.joinOn("k").with(dims).type(JoinType.INNER).join();
                Table result = joined.summarize("v", AggregateFunctions.sum, AggregateFunctions.count).by("grp");
                return () -> ResultRows.fromTable(result, List.of("grp"), List.of("Sum [v]", "Count [v]"));
            }
        };
    }

}
