package io.datajax.runtime.mpj.exec;

import static java.util.Objects.requireNonNull;

import io.datajax.ir.source.DataSink;

/**
 * Where the ranks of one call write their result parts: the sink and the temporary output directory the
 * driver created for the call (each rank writes part {@code rank} into it; the driver commits).
 *
 * @param sink the sink of the call
 * @param directory the temporary directory (on a file system every rank can reach)
 */
record SinkTarget(DataSink sink, String directory) {
    SinkTarget {
        requireNonNull(sink, "sink is null");
        requireNonNull(directory, "directory is null");
    }
}
