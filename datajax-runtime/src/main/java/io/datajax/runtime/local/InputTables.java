package io.datajax.runtime.local;

import io.datajax.ir.Field;
import io.datajax.ir.Schema;
import io.datajax.ir.plan.Scan;
import io.datajax.runtime.column.Batch;
import io.datajax.runtime.column.Column;
import io.datajax.runtime.kernel.RuntimeErrors;
import io.datajax.runtime.tablesaw.TablesawConverter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tech.tablesaw.api.Table;

/**
 * The program inputs of one run: converts each table at most once, on first use, and checks it against
 * the schema the plan was traced with (same column names and types; column order may differ).
 */
final class InputTables {
    private final List<Table> tables;
    private final Map<Integer, Column[]> converted = new HashMap<>();

    private final Parallel parallel;

    InputTables(List<Table> tables, Parallel parallel) {
        this.tables = List.copyOf(tables);
        this.parallel = parallel;
    }

    /** The data of a scan, in the scan schema's column order. */
    Batch read(Scan scan) {
        return read(scan, null);
    }

    /**
     * The data of a scan: the columns named in {@code needed} (null: all), in the scan schema's order. The
     * whole table is checked against the scan schema; only the needed columns are converted (each at most
     * once per run), split by rows across the worker threads.
     */
    Batch read(Scan scan, Set<String> needed) {
        if (scan.input() >= tables.size()) {
            throw RuntimeErrors.missingInput(scan.input(), scan.name(), tables.size());
        }
        Table table = tables.get(scan.input());
        Schema expected = scan.schema();
        Schema actual = TablesawConverter.schemaOf(table);
        int[] positions = conform(scan, expected, actual);
        Column[] cache = converted.computeIfAbsent(scan.input(), i -> new Column[actual.size()]);
        List<Field> fields = new ArrayList<>();
        int[] wanted = new int[expected.size()];
        int missing = 0;
        for (int f = 0; f < expected.size(); f++) {
            Field field = expected.field(f);
            if (needed != null && !needed.contains(field.name())) {
                continue;
            }
            fields.add(field);
            if (cache[positions[f]] == null) {
                wanted[missing++] = positions[f];
            }
        }
        if (missing > 0) {
            int threads = parallel.threads();
            Column[] fresh = TablesawConverter.toColumns(table, Arrays.copyOf(wanted, missing),
                    threads == 1 ? 1 : 4 * threads, (task, count) -> parallel.run(count, task));
            for (int i = 0; i < missing; i++) {
                cache[wanted[i]] = fresh[wanted[i]];
            }
        }
        List<Column> columns = new ArrayList<>(fields.size());
        for (int f = 0; f < expected.size(); f++) {
            if (needed == null || needed.contains(expected.field(f).name())) {
                columns.add(cache[positions[f]]);
            }
        }
        return new Batch(new Schema(fields), columns, table.rowCount());
    }

    /** The table position of each scan column; throws when the table does not match the scan schema. */
    private static int[] conform(Scan scan, Schema expected, Schema actual) {
        int[] positions = new int[expected.size()];
        for (int f = 0; f < expected.size(); f++) {
            Field field = expected.field(f);
            int index = actual.indexOf(field.name());
            if (index < 0) {
                throw RuntimeErrors.inputMismatch(scan.input(), scan.name(), expected, actual,
                        "column '" + field.name() + "' is missing");
            }
            if (actual.field(index).type() != field.type()) {
                throw RuntimeErrors.inputMismatch(scan.input(), scan.name(), expected, actual, "column '"
                        + field.name() + "' is " + actual.field(index).type() + ", not " + field.type());
            }
            positions[f] = index;
        }
        if (actual.size() != expected.size()) {
            List<String> extra = new ArrayList<>(actual.names());
            extra.removeAll(expected.names());
            throw RuntimeErrors.inputMismatch(scan.input(), scan.name(), expected, actual,
                    "unexpected column(s) " + extra);
        }
        return positions;
    }
}
