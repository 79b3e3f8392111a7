package io.datajax.runtime.column;

import static java.util.Objects.requireNonNull;

import io.datajax.ir.Schema;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows of data whose columns may be views: column {@code i} holds, at row {@code r}, the value of
 * {@code bases.get(i)} at row {@code rowMaps.get(i)[r]} (at row {@code r} itself when the map is null; null
 * when the mapped row id is negative). Lets filters and joins pass row-id vectors instead of copying
 * columns; {@link #materialize()} copies once, when a consumer needs flat columns. Immutable; columns with
 * one map share the array.
 */
public record Relation(Schema schema, List<Column> bases, List<int[]> rowMaps, int rowCount) {
    public Relation {
        requireNonNull(schema, "schema is null");
        bases = List.copyOf(requireNonNull(bases, "bases is null"));
        rowMaps = java.util.Collections.unmodifiableList(new ArrayList<>(requireNonNull(rowMaps, "rowMaps is null")));
        if (bases.size() != schema.size() || rowMaps.size() != schema.size()) {
            throw new IllegalArgumentException("relation of " + schema.size() + " fields has " + bases.size()
                    + " columns and " + rowMaps.size() + " maps");
        }
        for (int i = 0; i < bases.size(); i++) {
            int[] map = rowMaps.get(i);
            int length = map == null ? bases.get(i).length() : map.length;
            if (length != rowCount) {
                throw new IllegalArgumentException("column '" + schema.field(i).name() + "' has " + length
                        + " rows, the relation " + rowCount);
            }
        }
    }

    /** A relation of flat columns. */
    public static Relation of(Batch batch) {
        List<int[]> maps = new ArrayList<>();
        for (int i = 0; i < batch.columns().size(); i++) {
            maps.add(null);
        }
        return new Relation(batch.schema(), batch.columns(), maps, batch.rowCount());
    }

    /** The base column at a position. */
    public Column base(int index) {
        return bases.get(index);
    }

    /** The row map of a position, or null for identity. */
    public int[] rowMap(int index) {
        return rowMaps.get(index);
    }

    /** Whether every column is flat (no row maps). */
    public boolean isFlat() {
        for (int[] map : rowMaps) {
            if (map != null) {
                return false;
            }
        }
        return true;
    }

    /** The column at a position as a flat column (a copy when it is a view). */
    public Column column(int index) {
        int[] map = rowMaps.get(index);
        return map == null ? bases.get(index) : bases.get(index).gather(map);
    }

    /** The data as flat columns (this relation's columns when already flat). */
    public Batch materialize() {
        List<Column> columns = new ArrayList<>(bases.size());
        for (int i = 0; i < bases.size(); i++) {
            columns.add(column(i));
        }
        return new Batch(schema, columns, rowCount);
    }

    /** Composes two row maps: {@code outer} picks rows of a relation whose column maps are {@code inner}. */
    public static int[] compose(int[] inner, int[] outer) {
        if (inner == null) {
            return outer;
        }
        if (outer == null) {
            return inner;
        }
        int[] out = new int[outer.length];
        for (int i = 0; i < out.length; i++) {
            int row = outer[i];
            out[i] = row < 0 ? -1 : inner[row];
        }
        return out;
    }

    /**
     * The columns of {@code source} at {@code indexes}, each picked through {@code rows} (null: all rows); maps
     * are composed once per distinct source map.
     */
    public static void pick(Relation source, int[] rows, List<Integer> indexes, List<Column> basesOut, List<int[]> mapsOut) {
        Map<int[], int[]> composed = new IdentityHashMap<>();
        int[] identity = new int[0];
        for (int index : indexes) {
            int[] inner = source.rowMap(index);
            int[] key = inner == null ? identity : inner;
            int[] map = composed.computeIfAbsent(key, k -> compose(inner, rows));
            basesOut.add(source.base(index));
            mapsOut.add(map);
        }
    }

    /** An estimate of the heap bytes of the row maps (shared maps counted once); bases are not counted. */
    public long mapBytes() {
        Map<int[], Boolean> seen = new IdentityHashMap<>();
        long bytes = 0;
        for (int[] map : rowMaps) {
            if (map != null && seen.put(map, Boolean.TRUE) == null) {
                bytes += 4L * map.length;
            }
        }
        return bytes;
    }
}
