package io.datajax.bench;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.SplittableRandom;
import org.duckdb.DuckDBConnection;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.dates.PackedLocalDate;

/**
 * TPC-H {@code lineitem} data with the columns Q1 and Q6 read, generated with the value distributions of the
 * TPC-H specification (section 4.2.3) from a fixed seed: quantity 1..50, extended price = quantity x the part's
 * retail price, discount 0.00..0.10, tax 0.00..0.08, ship date = order date + 1..121 days, return flag R/A for
 * lines received by 1995-06-17 and N after, line status F for lines shipped by 1995-06-17 and O after.
 * Decimals are FLOAT64 and dates are DATE (epoch days here, {@code LocalDate} in Tablesaw). Immutable by
 * convention: the arrays are shared with the engines and never written after generation.
 */
final class Lineitem {
    static final String[] RETURN_FLAGS = {"A", "N", "R"};
    static final String[] LINE_STATUSES = {"F", "O"};
    private static final long START_DATE = LocalDate.of(1992, 1, 1).toEpochDay();
    private static final long END_DATE = LocalDate.of(1998, 12, 31).toEpochDay();
    private static final long CURRENT_DATE = LocalDate.of(1995, 6, 17).toEpochDay();

    final int rows;
    final double[] quantity;
    final double[] extendedPrice;
    final double[] discount;
    final double[] tax;
    /** Index into {@link #RETURN_FLAGS}. */
    final byte[] returnFlag;
    /** Index into {@link #LINE_STATUSES}. */
    final byte[] lineStatus;
    /** Days since 1970-01-01. */
    final int[] shipDate;

    private Lineitem(int rows) {
        this.rows = rows;
        quantity = new double[rows];
        extendedPrice = new double[rows];
        discount = new double[rows];
        tax = new double[rows];
        returnFlag = new byte[rows];
        lineStatus = new byte[rows];
        shipDate = new int[rows];
    }

    /** {@code rows} lines from {@code seed}; the same arguments give the same values on every run. */
    static Lineitem generate(int rows, long seed) {
        Lineitem data = new Lineitem(rows);
        SplittableRandom random = new SplittableRandom(seed);
        int partCount = 200_000;
        for (int i = 0; i < rows; i++) {
            long orderDate = START_DATE + random.nextLong(END_DATE - 151 - START_DATE + 1);
            int quantity = 1 + random.nextInt(50);
            int partKey = 1 + random.nextInt(partCount);
            long retailCents = 90_000 + (partKey / 10) % 20_001 + 100L * (partKey % 1000);
            long ship = orderDate + 1 + random.nextInt(121);
            long receipt = ship + 1 + random.nextInt(30);
            data.quantity[i] = quantity;
            data.extendedPrice[i] = quantity * retailCents / 100.0;
            data.discount[i] = random.nextInt(11) / 100.0;
            data.tax[i] = random.nextInt(9) / 100.0;
            data.shipDate[i] = (int) ship;
            data.returnFlag[i] = (byte) (receipt <= CURRENT_DATE ? (random.nextBoolean() ? 2 : 0) : 1);
            data.lineStatus[i] = (byte) (ship > CURRENT_DATE ? 1 : 0);
        }
        return data;
    }

    /** The data as a Tablesaw table named {@code lineitem}. */
    Table toTable() {
        int[] packedDates = new int[rows];
        int[] packedByDay = new int[(int) (END_DATE - START_DATE + 200)];
        for (int d = 0; d < packedByDay.length; d++) {
            packedByDay[d] = PackedLocalDate.pack(LocalDate.ofEpochDay(START_DATE + d));
        }
        String[] flags = new String[rows];
        String[] statuses = new String[rows];
        for (int i = 0; i < rows; i++) {
            packedDates[i] = packedByDay[(int) (shipDate[i] - START_DATE)];
            flags[i] = RETURN_FLAGS[returnFlag[i]];
            statuses[i] = LINE_STATUSES[lineStatus[i]];
        }
        return Table.create("lineitem",
                DoubleColumn.create("l_quantity", quantity),
                DoubleColumn.create("l_extendedprice", extendedPrice),
                DoubleColumn.create("l_discount", discount),
                DoubleColumn.create("l_tax", tax),
                StringColumn.create("l_returnflag", flags),
                StringColumn.create("l_linestatus", statuses),
                DateColumn.createInternal("l_shipdate", packedDates));
    }

    /** Creates and fills DuckDB table {@code lineitem}. */
    void loadInto(DuckDBConnection connection) throws SQLException {
        DuckDbTables.create(connection, "lineitem", "l_quantity DOUBLE, l_extendedprice DOUBLE, l_discount DOUBLE,"
                + " l_tax DOUBLE, l_returnflag VARCHAR, l_linestatus VARCHAR, l_shipdate DATE", rows, (a, i) -> a
                .append(quantity[i]).append(extendedPrice[i]).append(discount[i]).append(tax[i])
                .append(RETURN_FLAGS[returnFlag[i]]).append(LINE_STATUSES[lineStatus[i]]).appendEpochDays(shipDate[i]));
    }
}
