package io.datajax.bench;

import static io.datajax.api.Functions.col;
import static io.datajax.api.Functions.count;
import static io.datajax.api.Functions.lit;
import static io.datajax.api.Functions.mean;
import static io.datajax.api.Functions.sum;
import static tech.tablesaw.aggregate.AggregateFunctions.mean;
import static tech.tablesaw.aggregate.AggregateFunctions.sum;

import io.datajax.api.Column;
import io.datajax.api.DataJax;
import io.datajax.api.DataJaxConfig;
import io.datajax.api.JitFunction;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.duckdb.DuckDBConnection;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * TPC-H Q1 (pricing summary report): lines shipped by 1998-09-02, grouped by return flag and line status
 * (two low-cardinality strings, 4 groups), with eight aggregates: sums of columns and of expressions, means
 * and a row count.
 */
record Q1Workload(String id, int rows) implements Workload {
    private static final LocalDate CUTOFF = LocalDate.of(1998, 12, 1).minusDays(90);
    private static final String[] VALUES = {"sum_qty", "sum_base_price", "sum_disc_price", "sum_charge", "avg_qty",
        "avg_price", "avg_disc", "count_order"};

    @Override
    public String family() {
        return "q1";
    }

    @Override
    public String description() {
        return "filter ship date; group by 2 string keys (4 groups); 4 sums (2 of expressions), 3 means, count";
    }

    @Override
    public Prepared prepare() {
        Lineitem data = Lineitem.generate(rows, 1_0001L);
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
                return "SELECT l_returnflag, l_linestatus, sum(l_quantity) AS sum_qty,"
                        + " sum(l_extendedprice) AS sum_base_price,"
                        + " sum(l_extendedprice * (1 - l_discount)) AS sum_disc_price,"
                        + " sum(l_extendedprice * (1 - l_discount) * (1 + l_tax)) AS sum_charge,"
                        + " avg(l_quantity) AS avg_qty, avg(l_extendedprice) AS avg_price,"
                        + " avg(l_discount) AS avg_disc, count(*) AS count_order"
                        + " FROM lineitem WHERE l_shipdate <= DATE '" + CUTOFF + "'"
                        + " GROUP BY l_returnflag, l_linestatus";
            }

            @Override
            public int keyCount() {
                return 2;
            }

            @Override
            public JitFunction jit(DataJaxConfig config) {
                return DataJax.djit(df -> {
                    Column discounted = col("l_extendedprice").multiply(lit(1.0).minus(col("l_discount")));
                    return df
                            .filter(col("l_shipdate").le(lit(CUTOFF)))
                            .groupBy("l_returnflag", "l_linestatus")
                            .agg(sum("l_quantity").as("sum_qty"),
                                    sum("l_extendedprice").as("sum_base_price"),
                                    sum(discounted).as("sum_disc_price"),
                                    sum(discounted.multiply(lit(1.0).plus(col("l_tax")))).as("sum_charge"),
                                    mean("l_quantity").as("avg_qty"),
                                    mean("l_extendedprice").as("avg_price"),
                                    mean("l_discount").as("avg_disc"),
                                    count().as("count_order"));
                }, config);
            }

            @Override
            public List<String> resultKeys() {
                return List.of("l_returnflag", "l_linestatus");
            }

            @Override
            public List<String> resultValues() {
                return List.of(VALUES);
            }

            @Override
            public Supplier<ResultRows> handLoop() {
                int cutoff = (int) CUTOFF.toEpochDay();
                int groups = Lineitem.RETURN_FLAGS.length * Lineitem.LINE_STATUSES.length;
                double[] sumQty = new double[groups];
                double[] sumPrice = new double[groups];
                double[] sumDiscPrice = new double[groups];
                double[] sumCharge = new double[groups];
                double[] sumDisc = new double[groups];
                long[] counts = new long[groups];
                int[] ship = data.shipDate;
                byte[] flag = data.returnFlag;
                byte[] status = data.lineStatus;
                double[] quantity = data.quantity;
                double[] price = data.extendedPrice;
                double[] discount = data.discount;
                double[] tax = data.tax;
                for (int i = 0; i < data.rows; i++) {
                    if (ship[i] <= cutoff) {
                        int g = flag[i] * 2 + status[i];
                        double discPrice = price[i] * (1.0 - discount[i]);
                        sumQty[g] += quantity[i];
                        sumPrice[g] += price[i];
                        sumDiscPrice[g] += discPrice;
                        sumCharge[g] += discPrice * (1.0 + tax[i]);
                        sumDisc[g] += discount[i];
                        counts[g]++;
                    }
                }
                return () -> {
                    ResultRows.Builder out = ResultRows.builder(VALUES);
                    for (int g = 0; g < groups; g++) {
                        long n = counts[g];
                        if (n > 0) {
                            out.add(new double[] {sumQty[g], sumPrice[g], sumDiscPrice[g], sumCharge[g],
                                sumQty[g] / n, sumPrice[g] / n, sumDisc[g] / n, n},
                                    Lineitem.RETURN_FLAGS[g / 2], Lineitem.LINE_STATUSES[g % 2]);
                        }
                    }
                    return out.build();
                };
            }

            @Override
            public Supplier<ResultRows> tablesaw() {
                Table filtered = table.where(table.dateColumn("l_shipdate").isOnOrBefore(CUTOFF));
                DoubleColumn price = filtered.doubleColumn("l_extendedprice");
                DoubleColumn discPrice = price.multiply(filtered.doubleColumn("l_discount").multiply(-1).add(1))
                        .setName("disc_price");
                DoubleColumn charge = discPrice.multiply(filtered.doubleColumn("l_tax").add(1)).setName("charge");
                filtered.addColumns(discPrice, charge);
                Table sums = filtered.summarize(List.of("l_quantity", "l_extendedprice", "disc_price", "charge"), sum)
                        .by("l_returnflag", "l_linestatus");
                Table means = filtered.summarize(List.of("l_quantity", "l_extendedprice", "l_discount"), mean,
                        tech.tablesaw.aggregate.AggregateFunctions.count).by("l_returnflag", "l_linestatus");
                return () -> {
                    Map<String, Integer> meanRow = new HashMap<>();
                    for (int r = 0; r < means.rowCount(); r++) {
                        meanRow.put(means.getString(r, 0) + "|" + means.getString(r, 1), r);
                    }
                    ResultRows.Builder out = ResultRows.builder(VALUES);
                    for (int r = 0; r < sums.rowCount(); r++) {
                        int m = meanRow.get(sums.getString(r, 0) + "|" + sums.getString(r, 1));
                        out.add(new double[] {
                            sums.numberColumn("Sum [l_quantity]").getDouble(r),
                            sums.numberColumn("Sum [l_extendedprice]").getDouble(r),
                            sums.numberColumn("Sum [disc_price]").getDouble(r),
                            sums.numberColumn("Sum [charge]").getDouble(r),
                            means.numberColumn("Mean [l_quantity]").getDouble(m),
                            means.numberColumn("Mean [l_extendedprice]").getDouble(m),
                            means.numberColumn("Mean [l_discount]").getDouble(m),
                            means.numberColumn("Count [l_quantity]").getDouble(m)},
                                sums.getString(r, 0), sums.getString(r, 1));
                    }
                    return out.build();
                };
            }
        };
    }
}
