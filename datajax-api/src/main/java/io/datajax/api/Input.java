package io.datajax.api;

import static java.util.Objects.requireNonNull;

import io.datajax.ir.source.DataSource;
import java.util.Optional;
import tech.tablesaw.api.Table;

/**
 * One argument of a {@link JitFunction} call: a Tablesaw {@link Table} in memory, or a {@link DataSource}
 * (files, read by the executor; see {@code io.datajax.io.Sources}). A table is converted by the executor and
 * never modified; a source is part of the traced plan, so the planner can push projections and filters into
 * the read, and on the MPJ executor every rank reads its own part of it. Immutable.
 */
public final class Input {
    private final Table table;
    private final DataSource source;

    private Input(Table table, DataSource source) {
        this.table = table;
        this.source = source;
    }

    /** An in-memory table. */
    public static Input of(Table table) {
        return new Input(requireNonNull(table, "table is null"), null);
    }

    /** Data read from a source when the function runs. */
    public static Input of(DataSource source) {
        return new Input(null, requireNonNull(source, "source is null"));
    }

    /** The table, when this input is one. */
    public Optional<Table> table() {
        return Optional.ofNullable(table);
    }

    /** The source, when this input is one. */
    public Optional<DataSource> source() {
        return Optional.ofNullable(source);
    }

    @Override
    public String toString() {
        return table != null ? "table " + table.name() + " (" + table.rowCount() + " rows)" : source.describe();
    }
}
