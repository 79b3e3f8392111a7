package io.datajax.io;

import io.datajax.io.csv.CsvOptions;
import io.datajax.io.csv.CsvSink;
import io.datajax.io.ipc.ArrowFileSink;
import io.datajax.io.ipc.ArrowStreamSink;
import io.datajax.io.parquet.ParquetSink;
import java.nio.file.Path;

/**
 * Sinks of every format, for {@code fn.write(sink, inputs...)}: the result goes into a new directory, one file
 * per part ({@code part-00000.csv}, ... one locally, one per rank on the MPJ executor) and a
 * {@code _manifest.json}; the directory appears only when complete. Each sink has {@code overwriting()} to
 * replace an existing directory. In-memory Arrow results: {@link io.datajax.io.arrow.ArrowCollector}.
 */
public final class Sinks {
    private Sinks() {
    }

    /** CSV with a header, comma-separated, nulls as empty fields. */
    public static CsvSink csv(Path directory) {
        return CsvSink.of(directory, CsvOptions.defaults());
    }

    /** CSV written with {@code options}. */
    public static CsvSink csv(Path directory, CsvOptions options) {
        return CsvSink.of(directory, options);
    }

    /** Parquet, SNAPPY-compressed, with statistics. */
    public static ParquetSink parquet(Path directory) {
        return ParquetSink.of(directory);
    }

    /** Arrow IPC files. */
    public static ArrowFileSink arrowFile(Path directory) {
        return ArrowFileSink.of(directory);
    }

    /** Arrow IPC streams. */
    public static ArrowStreamSink arrowStream(Path directory) {
        return ArrowStreamSink.of(directory);
    }
}
