package io.datajax.runtime.mpj.exec;

import io.datajax.ir.DataType;
import io.datajax.ir.Field;
import io.datajax.ir.Schema;
import io.datajax.ir.Sharding;
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
 * The driver's view of a call's input tables: converts each table at most once (never modifying it),
 * checks it against the scan schema it was traced with, and cuts it into one shard per rank as the scan's
 * sharding says: {@code blocks} into contiguous row ranges in rank order (rank {@code r} gets rows
 * {@code [n*r/N, n*(r+1)/N)}), {@code replicated} whole to every rank, {@code byKey} by
 * {@link KeyPartitioner} on the key columns.
 */
final class InputShards {
    private final List<Table> tables;
    private final Map<Integer, Batch> converted = new HashMap<>();

    InputShards(List<Table> tables) {
        this.tables = List.copyOf(tables);
    }

    /** The shards of {@code scan}'s input, indexed by rank. */
    Batch[] shards(Scan scan, int ranks) {
        Batch batch = read(scan);
        Sharding sharding = scan.sharding();
        Batch[] out = new Batch[ranks];
        if (sharding instanceof Sharding.Replicated) {
            java.util.Arrays.fill(out, batch);
        } else if (sharding instanceof Sharding.ByKey byKey) {
            List<DataType> types = new ArrayList<>();
            for (String key : byKey.keys()) {
                types.add(batch.schema().field(key).type());
            }
            out = Batches.split(batch, KeyPartitioner.destinations(batch, byKey.keys(), types, ranks), ranks);
        } else {
            int rows = batch.rowCount();
            for (int r = 0; r < ranks; r++) {
                out[r] = Batches.slice(batch, Batches.blockStart(rows, ranks, r), Batches.blockStart(rows, ranks, r + 1));
            }
        }
        return out;
    }

    private Batch read(Scan scan) {
        if (scan.input() >= tables.size()) {
            throw RuntimeErrors.missingInput(scan.input(), scan.name(), tables.size());
        }
        Batch batch = converted.computeIfAbsent(scan.input(), i -> TablesawConverter.toBatch(tables.get(i)));
        return conform(scan, batch);
    }

    /** The data of a scan in its schema's column order; same names and types as traced. */
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
