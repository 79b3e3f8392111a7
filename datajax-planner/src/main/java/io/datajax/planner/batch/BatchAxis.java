package io.datajax.planner.batch;

import static java.util.Objects.requireNonNull;

import io.datajax.ir.Field;
import io.datajax.ir.Schema;
import java.util.ArrayList;
import java.util.List;

/**
 * The columns that say which batch item a row belongs to.
 *
 * @param keys columns that identify the item and never hold a null (joins, sorts and limits are keyed by them; a
 *     stacked table's item index may be typed nullable, as every Tablesaw column is, but holds none): for a batch
 *     of tables one INT32 item index, for a batch of key groups a null flag and a non-null value per group key
 * @param passengers columns that depend only on the item and may be null (the group keys themselves): carried
 *     through every node, never compared
 */
public record BatchAxis(List<Field> keys, List<Field> passengers) {
    public BatchAxis {
        keys = List.copyOf(requireNonNull(keys, "keys is null"));
        passengers = List.copyOf(requireNonNull(passengers, "passengers is null"));
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("a batch axis needs at least one key column");
        }
    }

    /** The axis of one item index column. */
    public static BatchAxis index(Field column) {
        return new BatchAxis(List.of(column), List.of());
    }

    /** Keys, then passengers. */
    public List<Field> columns() {
        List<Field> all = new ArrayList<>(keys);
        all.addAll(passengers);
        return all;
    }

    /** The names of {@link #keys()}. */
    public List<String> keyNames() {
        return keys.stream().map(Field::name).toList();
    }

    /** The names of {@link #columns()}. */
    public List<String> names() {
        return columns().stream().map(Field::name).toList();
    }

    /** The schema of one row per item: {@link #columns()}. */
    public Schema schema() {
        return new Schema(columns());
    }
}
