package io.datajax.examples;

import static io.datajax.api.Functions.col;
import static io.datajax.api.Functions.count;
import static io.datajax.api.Functions.sum;

import io.datajax.api.DataJax;
import io.datajax.api.FrameFunction2;
import io.datajax.api.JitFunction;
import io.datajax.runtime.mpj.spmd.SpmdSession;
import java.util.List;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * An SPMD program: every rank runs this main (under MPJ Express's {@code starter.jar}, or
 * {@code LocalSpmdJob}), builds <em>its own block</em> of the orders and users tables, and runs one jitted
 * join-and-aggregate with the others; rank 0 gathers the result and prints it, one
 * {@code spmd-result <region> <revenue_cents> <orders>} line per group, then {@code spmd-done}.
 *
 * <p>Arguments after MPJ's three: {@code [--rows N] [--diverge-on-rank R]}; {@code --diverge-on-rank}
 * makes rank R trace a different function, to show the plan check failing on every rank.
 */
public final class SpmdRevenue {
    /** The regions users are spread over. */
    public static final List<String> REGIONS = List.of("emea", "apac", "amer", "latam", "anz");
    private static final int USERS = 1_000;

    private SpmdRevenue() {
    }

    /** Revenue in cents and order count per region: a hash join of orders and users, then a grouped sum. */
    public static FrameFunction2 revenueByRegion() {
        return (orders, users) -> orders
                .withColumn("revenue_cents", col("unit_price_cents").multiply(col("qty")))
                .join(users, "user_id")
                .groupBy("region")
                .agg(sum("revenue_cents"), count().as("orders"));
    }

    /** Rows {@code [from, to)} of the orders of the example: user, unit price in cents, quantity. */
    public static Table orders(int from, int to) {
        int n = Math.max(0, to - from);
        long[] user = new long[n];
        long[] price = new long[n];
        long[] qty = new long[n];
        for (int i = 0; i < n; i++) {
            long row = from + i;
            user[i] = (row * 7_919) % USERS;
            price[i] = 100 + (row * 31) % 900;
            qty[i] = 1 + row % 5;
        }
        return Table.create("orders", LongColumn.create("user_id", user), LongColumn.create("unit_price_cents", price),
                LongColumn.create("qty", qty));
    }

    /** Users {@code [from, to)} of the example and their regions. */
    public static Table users(int from, int to) {
        int n = Math.max(0, to - from);
        long[] id = new long[n];
        String[] region = new String[n];
        for (int i = 0; i < n; i++) {
            id[i] = from + i;
            region[i] = REGIONS.get((from + i) % REGIONS.size());
        }
        return Table.create("users", LongColumn.create("user_id", id), StringColumn.create("region", region));
    }

    /** The first row of block {@code rank} of {@code rows} rows cut into {@code size} blocks. */
    public static int blockStart(int rows, int size, int rank) {
        return (int) ((long) rows * rank / size);
    }

    public static void main(String[] args) {
        SpmdSession.runMain(args, session -> {
            List<String> arguments = session.arguments();
            int rows = Integer.parseInt(option(arguments, "--rows", "20000"));
            int divergeOn = Integer.parseInt(option(arguments, "--diverge-on-rank", "-1"));
            int rank = session.rank();
            int size = session.size();
            Table orders = orders(blockStart(rows, size, rank), blockStart(rows, size, rank + 1));
            Table users = users(blockStart(USERS, size, rank), blockStart(USERS, size, rank + 1));
            FrameFunction2 body = revenueByRegion();
            if (rank == divergeOn) {
                FrameFunction2 original = body;
                body = (o, u) -> original.apply(o.filter(col("qty").gt(1)), u);
            }
            JitFunction jit = DataJax.djit(body, session.config()).on(session.executor());
            Table part = jit.apply(orders, users);
            System.out.println("spmd-part rank " + rank + " of " + size + ": " + part.rowCount() + " rows");
            Table all = session.gather(part);
            if (rank == 0) {
                for (int r = 0; r < all.rowCount(); r++) {
                    System.out.println("spmd-result " + all.stringColumn("region").get(r) + " "
                            + all.longColumn("revenue_cents").get(r) + " " + all.longColumn("orders").get(r));
                }
                System.out.println(jit.explain());
            }
            System.out.println("spmd-done rank " + rank);
        });
    }

    private static String option(List<String> arguments, String name, String fallback) {
        int at = arguments.indexOf(name);
        return at >= 0 && at + 1 < arguments.size() ? arguments.get(at + 1) : fallback;
    }
}
