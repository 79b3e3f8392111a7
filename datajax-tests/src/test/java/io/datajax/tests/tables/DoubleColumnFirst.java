package io.datajax.tests.tables;

import static io.datajax.api.Functions.sum;

import io.datajax.api.DataJax;
import io.datajax.api.DataJaxConfig;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * A program whose first Tablesaw call is {@code DoubleColumn.create}: Tablesaw's class initialisation then
 * leaves two instances of the DOUBLE column type, which DataJax must still read (run in a fresh JVM by
 * {@link TablesawTypeIdentityTest}). Prints the sum on standard output.
 */
public final class DoubleColumnFirst {
    private DoubleColumnFirst() {
    }

    /** Sums a DOUBLE column with djit and prints the result. */
    public static void main(String[] args) {
        DoubleColumn values = DoubleColumn.create("v", new double[] {1.5, 2.5});
        Table table = Table.create("t", values);
        Table out = DataJax.djit(df -> df.agg(sum("v")), DataJaxConfig.defaults()).apply(table);
        System.out.println("sum=" + out.doubleColumn("v").get(0));
    }
}
