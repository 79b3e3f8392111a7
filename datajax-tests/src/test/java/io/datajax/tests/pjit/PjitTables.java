package io.datajax.tests.pjit;

import static org.assertj.core.api.Assertions.assertThat;

import io.datajax.api.DataJax;
import io.datajax.api.FrameFunction;
import io.datajax.api.FrameFunction2;
import io.datajax.tests.tables.Rows;
import java.util.List;
import java.util.Random;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Inputs and the local-executor oracle shared by the pjit tests. */
final class PjitTables {
    private PjitTables() {
    }

    /** {@code orders(user_id INT64, qty INT64, region STRING)} with {@code users} distinct users, some null. */
    static Table orders(int rows, int users, long seed) {
        Random random = new Random(seed);
        LongColumn user = LongColumn.create("user_id");
        LongColumn qty = LongColumn.create("qty");
        StringColumn region = StringColumn.create("region");
        String[] regions = {"north", "south", "east", "west"};
        for (int i = 0; i < rows; i++) {
            if (random.nextInt(50) == 0) {
                user.appendMissing();
            } else {
                user.append(random.nextInt(users));
            }
            qty.append(random.nextInt(100) - 10);
            region.append(regions[random.nextInt(regions.length)]);
        }
        return Table.create("orders", user, qty, region);
    }

    /** {@code users(user_id INT64, tier STRING)}, one row per user. */
    static Table users(int users) {
        LongColumn user = LongColumn.create("user_id");
        StringColumn tier = StringColumn.create("tier");
        for (int i = 0; i < users; i++) {
            user.append(i);
            tier.append(i % 3 == 0 ? "gold" : "basic");
        }
        return Table.create("users", user, tier);
    }

    /** Asserts that {@code actual} has the rows of {@code fn} run by the local executor, in any order. */
    static void assertSameRowsAsLocal(Table actual, FrameFunction fn, Table input) {
        assertSameRows(actual, DataJax.djit(fn).apply(input));
    }

    /** Asserts that {@code actual} has the rows of {@code fn} run by the local executor, in any order. */
    static void assertSameRowsAsLocal(Table actual, FrameFunction2 fn, Table left, Table right) {
        assertSameRows(actual, DataJax.djit(fn).apply(left, right));
    }

    private static void assertSameRows(Table actual, Table expected) {
        assertThat(Rows.header(actual)).isEqualTo(Rows.header(expected));
        List<List<Object>> a = Rows.of(actual);
        List<List<Object>> e = Rows.of(expected);
        assertThat(Rows.equalAsMultisets(a, e)).as("rows equal as multisets; actual %s, expected %s",
                Rows.format(a, 10), Rows.format(e, 10)).isTrue();
    }
}
