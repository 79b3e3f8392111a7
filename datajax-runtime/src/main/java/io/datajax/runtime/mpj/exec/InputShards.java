package io.datajax.runtime.mpj.exec;

import io.datajax.ir.DataType;
import io.datajax.ir.Field;
import io.datajax.ir.Mesh;
import io.datajax.ir.Schema;
import io.datajax.ir.Sharding;
import io.datajax.ir.plan.Scan;
import io.datajax.planner.stages.StagePlan;
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
 *
 * <p>On a mesh of several axes, a spec bound to one axis describes rows replicated along the other axes;
 * the planner reads such an input once ({@code blocks}, see {@code ShardingPropagation}), so the driver sends
 * each rank only its share of its replica group: for {@code byKey(k)@a}, the rows hashed to the rank's
 * position along {@code a}, cut into one block per replica ({@link Mesh#replicaIndex}); for
 * {@code blocks@a}, plain blocks in rank order.
 */
final class InputShards {
    private final List<Table> tables;
    private final Map<Integer, Batch> converted = new HashMap<>();

    InputShards(List<Table> tables) {
        this.tables = List.copyOf(tables);
    }

    /** The shards of {@code scan}'s input, indexed by rank, on a one-axis mesh of {@code ranks}. */
    Batch[] shards(Scan scan, int ranks) {
        return shards(scan, Mesh.of(StagePlan.DEFAULT_AXIS, ranks));
    }

    /** The shards of {@code scan}'s input, indexed by rank of {@code mesh}. */
    Batch[] shards(Scan scan, Mesh mesh) {
        Batch batch = read(scan);
        Sharding sharding = mesh.normalize(scan.sharding());
        int ranks = mesh.size();
        Batch[] out = new Batch[ranks];
        if (sharding instanceof Sharding.ByKey byKey && byKey.axis().isPresent()) {
            String axis = byKey.axis().get();
            int groups = mesh.axis(axis).size();
            Batch[] perGroup = Batches.split(batch, KeyPartitioner.destinations(batch, byKey.keys(),
                    ownTypes(batch, byKey.keys()), groups), groups);
            int replicas = ranks / groups;
            for (int r = 0; r < ranks; r++) {
                Batch group = perGroup[mesh.coordinate(r, axis)];
                int replica = mesh.replicaIndex(r, axis);
                int rows = group.rowCount();
                out[r] = Batches.slice(group, Batches.blockStart(rows, replicas, replica),
                        Batches.blockStart(rows, replicas, replica + 1));
            }
        } else if (sharding instanceof Sharding.Replicated) {
            java.util.Arrays.fill(out, batch);
        } else if (sharding instanceof Sharding.ByKey byKey) {
            out = Batches.split(batch, KeyPartitioner.destinations(batch, byKey.keys(), ownTypes(batch, byKey.keys()),
                    ranks), ranks);
        } else {
            int rows = batch.rowCount();
            for (int r = 0; r < ranks; r++) {
                out[r] = Batches.slice(batch, Batches.blockStart(rows, ranks, r), Batches.blockStart(rows, ranks, r + 1));
            }
        }
        return out;
    }

    /** {@code batch} cut into {@code ranks} contiguous blocks in rank order. */
    static Batch[] blocks(Batch batch, int ranks) {
        Batch[] out = new Batch[ranks];
        int rows = batch.rowCount();
        for (int r = 0; r < ranks; r++) {
            out[r] = Batches.slice(batch, Batches.blockStart(rows, ranks, r), Batches.blockStart(rows, ranks, r + 1));
        }
        return out;
    }

    private static List<DataType> ownTypes(Batch batch, List<String> keys) {
        List<DataType> types = new ArrayList<>();
        for (String key : keys) {
            types.add(batch.schema().field(key).type());
        }
        return types;
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
