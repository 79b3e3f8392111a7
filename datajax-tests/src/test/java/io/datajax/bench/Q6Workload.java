package io.datajax.bench;

import static io.datajax.api.Functions.col;
import static io.datajax.api.Functions.lit;
import static io.datajax.api.Functions.sum;

import io.datajax.api.DataJax;
import io.datajax.api.DataJaxConfig;
import io.datajax.api.JitFunction;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.duckdb.DuckDBConnection;
import tech.tablesaw.api.Table;

/**
 * TPC-H Q6 (forecasting revenue change): a filter on ship date, discount and quantity, then
 * {@code sum(l_extendedprice * l_discount)} over all remaining rows.
 */
record Q6Workload(String id, int rows) implements Workload {
    private static final LocalDate FROM = LocalDate.of(1994, 1, 1);
    private static final LocalDate UNTIL = LocalDate.of(1995, 1, 1);

    @Override
    public String family() {
        return "q6";
    }

    @Override
    public String description() {
        return "filter ship date range, discount between, quantity <; sum(price * discount)";
    }

    @Override
    public Prepared prepare() {
        Lineitem data = Lineitem.generate(rows, 6_0001L);
        Table table = data.toTable();
        return new Prepared() {
            @Override
            public List<Table> tables() {
                return List.of(table);
            }

            @Override
            public void loadInto(DuckDBConnection connection) throws SQLException {
                data.loadInto(connection);
            }

            @Override
            public List<String> duckDbTables() {
                return List.of("lineitem");
            }

            @Override
            public String sql() {
                return "SELECT sum(l_extendedprice * l_discount) AS revenue FROM lineitem"
                        + " WHERE l_shipdate >= DATE '" + FROM + "' AND l_shipdate < DATE '" + UNTIL + "'"
                        + " AND l_discount BETWEEN 0.05::DOUBLE AND 0.07::DOUBLE AND l_quantity < 24::DOUBLE";
            }

            @Override
            public int keyCount() {
                return 0;
            }

            @Override
            public JitFunction jit(DataJaxConfig config) {
                return DataJax.djit(df -> df
                        .filter(col("l_shipdate").ge(lit(FROM))
                                .and(col("l_shipdate").lt(lit(UNTIL)))
                                .and(col("l_discount").ge(0.05))
                                .and(col("l_discount").le(0.07))
                                .and(col("l_quantity").lt(24.0)))
                        .agg(sum(col("l_extendedprice").multiply(col("l_discount"))).as("revenue")), config);
            }

            @Override
            public List<String> resultKeys() {
                return List.of();
            }

            @Override
            public List<String> resultValues() {
                return List.of("revenue");
            }

            @Override
            public Supplier<ResultRows> handLoop() {
                int from = (int) FROM.toEpochDay();
                int until = (int) UNTIL.toEpochDay();
                int[] ship = data.shipDate;
                double[] discount = data.discount;
                double[] quantity = data.quantity;
                double[] price = data.extendedPrice;
                double revenue = 0;
                long matched = 0;
                for (int i = 0; i < data.rows; i++) {
                    double d = discount[i];
                    if (ship[i] >= from && ship[i] < until && d >= 0.05 && d <= 0.07 && quantity[i] < 24.0) {
                        revenue += price[i] * d;
                        matched++;
                    }
                }
                double result = matched == 0 ? Double.NaN : revenue;
                return () -> ResultRows.builder("revenue").add(new double[] {result}).build();
            }

            @Override
            public Supplier<ResultRows> tablesaw() {
                Table filtered = table.where(table.dateColumn("l_shipdate").isOnOrAfter(FROM)
                        .and(table.dateColumn("l_shipdate").isBefore(UNTIL))
                        .and(table.doubleColumn("l_discount").isBetweenInclusive(0.05, 0.07))
                        .and(table.doubleColumn("l_quantity").isLessThan(24)));
                double revenue = filtered.doubleColumn("l_extendedprice")
                        .multiply(filtered.doubleColumn("l_discount")).sum();
                double result = filtered.isEmpty() ? Double.NaN : revenue;
                return () -> ResultRows.builder("revenue").add(new double[] {result}).build();
            }
        };
    }
}
