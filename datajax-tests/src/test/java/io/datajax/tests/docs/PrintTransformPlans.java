package io.datajax.tests.docs;

import static io.datajax.api.Functions.col;
import static io.datajax.api.Functions.sum;
import static io.datajax.tests.tables.TestTables.doubles;
import static io.datajax.tests.tables.TestTables.longs;
import static io.datajax.tests.tables.TestTables.strings;
import static io.datajax.tests.tables.TestTables.table;

import io.datajax.api.DataJax;
import io.datajax.api.GroupedVmap;
import io.datajax.api.ScanFunction;
import io.datajax.api.Vmap2;
import io.datajax.api.trace.TablesawSchemas;
import io.datajax.tests.transforms.ScanTest;
import java.util.List;
import tech.tablesaw.api.Table;

/** Prints the plans quoted in docs/transforms.md (run with exec:java, test classpath). */
public final class PrintTransformPlans {
    private PrintTransformPlans() {
    }

    public static void main(String[] args) {
        Table mon = table("mon", longs("user", 1L, 2L, 1L), doubles("amount", 10.0, 5.0, 7.0));
        Table tue = table("tue", longs("user", 2L), doubles("amount", 3.0));
        Table users = table("users", longs("user", 1L, 2L), strings("country", "NL", "DE"));
        Vmap2 byCountry = DataJax.vmap((orders, u) -> orders.join(u, "user").groupBy("country").agg(sum("amount")));
        byCountry.apply(List.of(mon, tue), users);
        System.out.println(byCountry.explain());
        GroupedVmap top = DataJax.vmap(g -> g.filter(col("amount").gt(4.0)).agg(sum("amount"))).byKey("user");
        top.apply(mon);
        System.out.println(top.explain());
        ScanFunction totals = DataJax.scan(ScanTest.RUNNING_TOTALS);
        System.out.println(totals.trace(TablesawSchemas.schemaOf(ScanTest.emptyTotals()),
                TablesawSchemas.schemaOf(mon)).explain());
    }
}
