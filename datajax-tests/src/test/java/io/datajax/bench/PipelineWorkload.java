package io.datajax.bench;

import static io.datajax.api.Functions.col;
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
import tech.tablesaw.joining.JoinType;

/**
 * The Python prototype's benchmark: orders repartitioned by user, filtered on {@code price * qty > 5}, joined to
 * a users dimension on {@code user}, then {@code sum(price * qty)} by user. One user per 100 orders; the users
 * table lacks about 1 in 11 of the users that orders name, so the join drops some rows. The repartition is a
 * no-op in-process (one partition) and has no counterpart in the other engines.
 */
record PipelineWorkload(String id, int rows) implements Workload {
    @Override
    public String family() {
        return "pipeline";
    }

    int users() {
        return Math.max(10, rows / 100);
    }

    @Override
    public String description() {
        return "repartition(user), filter price*qty > 5, join users (" + users()
                + " rows) on user, sum(price*qty) by user";
    }

    @Override
    public Prepared prepare() {
        int userCount = users();
        SplittableRandom random = new SplittableRandom(4_0001L);
        long[] userIds = new long[userCount];
        long[] tiers = new long[userCount];
        for (int u = 0; u < userCount; u++) {
            userIds[u] = u;
            tiers[u] = random.nextInt(3);
        }
        int userRange = userCount + userCount / 10;
        long[] orderUser = new long[rows];
        double[] price = new double[rows];
        long[] qty = new long[rows];
        for (int i = 0; i < rows; i++) {
            orderUser[i] = random.nextInt(userRange);
            price[i] = random.nextInt(1_000) / 100.0;
            qty[i] = 1 + random.nextInt(5);
        }
        Table orders = Table.create("orders", LongColumn.create("user", orderUser), DoubleColumn.create("price", price),
                LongColumn.create("qty", qty));
        Table users = Table.create("users", LongColumn.create("user", userIds), LongColumn.create("tier", tiers));
        return new Prepared() {
            @Override
            public List<Table> tables() {
                return List.of(orders, users);
            }

            @Override
            public void loadInto(DuckDBConnection connection) throws SQLException {
                DuckDbTables.create(connection, "orders", "\"user\" BIGINT, price DOUBLE, qty BIGINT", rows,
                        (a, i) -> a.append(orderUser[i]).append(price[i]).append(qty[i]));
                DuckDbTables.create(connection, "users", "\"user\" BIGINT, tier BIGINT", userCount,
                        (a, u) -> a.append(userIds[u]).append(tiers[u]));
            }

            @Override
            public List<String> duckDbTables() {
                return List.of("orders", "users");
            }

            @Override
            public String sql() {
                return "SELECT o.\"user\", sum(o.price * o.qty) AS revenue FROM orders o"
                        + " JOIN users u ON o.\"user\" = u.\"user\" WHERE o.price * o.qty > 5 GROUP BY o.\"user\"";
            }

            @Override
            public int keyCount() {
                return 1;
            }

            @Override
            public JitFunction jit(DataJaxConfig config) {
                return DataJax.djit((left, right) -> left
                        .repartition("user")
                        .filter(col("price").multiply(col("qty")).gt(5.0))
                        .join(right, "user")
                        .groupBy("user")
                        .agg(sum(col("price").multiply(col("qty"))).as("revenue")), config);
            }

            @Override
            public List<String> resultKeys() {
                return List.of("user");
            }

            @Override
            public List<String> resultValues() {
                return List.of("revenue");
            }

            @Override
            public Supplier<ResultRows> handLoop() {
                LongIntHashMap known = new LongIntHashMap(userCount);
                for (long user : userIds) {
                    known.slotOf(user);
                }
                LongIntHashMap slots = new LongIntHashMap(1024);
                double[] sums = new double[1024];
                for (int i = 0; i < rows; i++) {
                    double revenue = price[i] * qty[i];
                    if (revenue > 5 && known.find(orderUser[i]) >= 0) {
                        int slot = slots.slotOf(orderUser[i]);
                        if (slot == sums.length) {
                            sums = Arrays.copyOf(sums, slot * 2);
                        }
                        sums[slot] += revenue;
                    }
                }
                double[] finalSums = sums;
                return () -> {
                    ResultRows.Builder out = ResultRows.builder("revenue");
                    long[] keys = slots.keysBySlot();
                    for (int s = 0; s < keys.length; s++) {
                        out.add(new double[] {finalSums[s]}, keys[s]);
                    }
                    return out.build();
                };
            }

            @Override
            public Supplier<ResultRows> tablesaw() {
                DoubleColumn allRevenue = orders.doubleColumn("price").multiply(orders.longColumn("qty"));
                Table filtered = orders.where(allRevenue.isGreaterThan(5));
                Table joined = filtered.joinOn("user").with(users).type(JoinType.INNER).join();
                joined.addColumns(joined.doubleColumn("price").multiply(joined.longColumn("qty")).setName("revenue"));
                Table result = joined.summarize("revenue", AggregateFunctions.sum).by("user");
                return () -> ResultRows.fromTable(result, List.of("user"), List.of("Sum [revenue]"));
            }
        };
    }
}
