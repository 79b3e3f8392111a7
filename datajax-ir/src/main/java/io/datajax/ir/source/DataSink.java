package io.datajax.ir.source;

import java.io.Serializable;

/**
 * Where a program's result is written: a directory that receives one file per written part and a manifest.
 * A description, not a writer: immutable, compares structurally, serialisable (ranks write their own parts).
 * Implementations live in {@code datajax-io} ({@code io.datajax.io.Sinks}).
 */
public interface DataSink extends Serializable {

    /** The format name, e.g. {@code "csv"}, {@code "parquet"}, {@code "arrow-file"}. */
    String format();

    /**
     * The output directory; it must not exist yet unless the sink overwrites. Empty for a sink that collects
     * the result in memory.
     */
    String directory();

    /** Whether an existing output directory is replaced (atomically, once the new output is complete). */
    boolean overwrite();

    /** The canonical one-line form used in plans and {@code explain}. */
    String describe();
}
