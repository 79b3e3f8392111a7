package io.datajax.runtime.local;

import io.datajax.ir.Field;
import io.datajax.ir.Schema;
import io.datajax.ir.plan.Scan;
import io.datajax.runtime.column.Batch;
import io.datajax.runtime.column.Column;
import io.datajax.runtime.kernel.RuntimeErrors;
import io.datajax.runtime.tablesaw.TablesawConverter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * The program inputs of one run: converts each table at most once, on first use, and checks it against
 * the schema the plan was traced with (same column names and types; column order may differ).
 */
final class InputTables {
    private final List<Table> tables;
    private final Map<Integer, Batch> converted = new HashMap<>();

    private final Parallel parallel;

    InputTables(List<Table> tables, Parallel parallel) {
        this.tables = List.copyOf(tables);
        this.parallel = parallel;
    }

    /** The data of a scan, in the scan schema's column order. */
    Batch read(Scan scan) {
        if (scan.input() >= tables.size()) {
            throw RuntimeErrors.missingInput(scan.input(), scan.name(), tables.size());
        }
        Batch batch = converted.computeIfAbsent(scan.input(), i -> TablesawConverter.toBatch(tables.get(i),
                (task, count) -> parallel.run(count, task)));
        return conform(scan, batch);
    }

    private static Batch conform(Scan scan, Batch batch) {
        Schema expected = scan.schema();
        Schema actual = batch.schema();
        List<Column> columns = new ArrayList<>(expected.size());
        for (Field field : expected.fields()) {
            int index = actual.indexOf(field.name());
            if (index < 0) {
                throw RuntimeErrors.inputMismatch(scan.input(), scan.name(), expected, actual,
                        "column '" + field.name() + "' is missing");
            }
            if (actual.field(index).type() != field.type()) {
                throw RuntimeErrors.inputMismatch(scan.input(), scan.name(), expected, actual, "column '"
                        + field.name() + "' is " + actual.field(index).type() + ", not " + field.type());
            }
            columns.add(batch.column(index));
        }
        if (actual.size() != expected.size()) {
            List<String> extra = new ArrayList<>(actual.names());
            extra.removeAll(expected.names());
            throw RuntimeErrors.inputMismatch(scan.input(), scan.name(), expected, actual,
                    "unexpected column(s) " + extra);
        }
        return new Batch(expected, columns, batch.rowCount());
    }
}
