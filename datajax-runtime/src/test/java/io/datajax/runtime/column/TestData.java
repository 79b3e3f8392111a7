package io.datajax.runtime.column;

import io.datajax.ir.DataType;
import io.datajax.ir.Field;
import io.datajax.ir.Schema;
import io.datajax.ir.Sharding;
import io.datajax.ir.plan.Scan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Hand-written test data: batches from literal values, and values back out of columns. */
public final class TestData {
    private TestData() {
    }

    /** A named column of Literal-class values ({@code null} for null). */
    public record Col(String name, DataType type, List<Object> values) {
    }

    /** A named column of Literal-class values ({@code null} for null). */
    public static Col col(String name, DataType type, Object... values) {
        return new Col(name, type, Arrays.asList(values));
    }

    /** A batch of the given columns, all nullable. */
    public static Batch batch(Col... cols) {
        List<Field> fields = new ArrayList<>();
        List<Column> columns = new ArrayList<>();
        for (Col col : cols) {
            fields.add(Field.of(col.name(), col.type()));
            columns.add(Column.of(col.type(), col.values()));
        }
        int rows = cols.length == 0 ? 0 : cols[0].values().size();
        return new Batch(new Schema(fields), columns, rows);
    }

    /** A scan of input {@code index} with the batch's schema. */
    public static Scan scan(int index, Batch batch) {
        return new Scan(index, "in" + index, batch.schema(), Sharding.blocks());
    }

    /** The values of a column as Literal-class objects. */
    public static List<Object> values(Column column) {
        List<Object> out = new ArrayList<>(column.length());
        for (int i = 0; i < column.length(); i++) {
            out.add(column.value(i));
        }
        return out;
    }

    /** The values of a batch column by name. */
    public static List<Object> values(Batch batch, String name) {
        return values(batch.column(name));
    }
}
