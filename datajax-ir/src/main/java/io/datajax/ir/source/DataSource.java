package io.datajax.ir.source;

import io.datajax.ir.Schema;
import java.io.Serializable;
import java.util.List;

/**
 * Data that lives outside the program, e.g. a CSV, Arrow IPC or Parquet file or a directory of them: what a
 * {@link io.datajax.ir.plan.SourceScan} reads. A source is a description, not a reader: immutable, compares
 * structurally, serialisable (plans holding it are shipped to ranks), and it knows its schema without being
 * read. Implementations live in {@code datajax-io} ({@code io.datajax.io.Sources}).
 */
public interface DataSource extends Serializable {

    /** The format name, e.g. {@code "csv"}, {@code "parquet"}, {@code "arrow-file"}. */
    String format();

    /** The columns every file of the source holds, in file order. */
    Schema schema();

    /** The files, in the order their rows are read (a directory: its matching files sorted by name). */
    List<String> files();

    /** The canonical one-line form used in plans and {@code explain}, e.g. {@code csv(/data/orders.csv)}. */
    String describe();

    /**
     * Whether the data is held in this process's memory (Arrow vectors handed in by the caller) rather than
     * in files. Such a source is bound per call like a table: sources equal by schema share a plan, the
     * executor reads the current call's data, and the MPJ driver reads it and ships shards (ranks cannot).
     */
    default boolean inMemory() {
        return false;
    }

    /**
     * This source as one source per file, in {@link #files()} order (how {@code scan} reads a directory as a
     * sequence of chunks). A source that is not a set of files is its own single chunk.
     */
    default List<DataSource> perFile() {
        return List.of(this);
    }
}
