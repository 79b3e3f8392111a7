package io.datajax.io;

import io.datajax.io.csv.CsvOptions;
import io.datajax.io.csv.CsvSource;
import io.datajax.io.ipc.ArrowFileSource;
import io.datajax.io.ipc.ArrowStreamSource;
import io.datajax.io.parquet.ParquetSource;
import java.nio.file.Path;

/**
 * Sources of every format, to pass as inputs ({@code fn.apply(Sources.parquet(path))}) or to read inside a
 * traced function ({@code Frame.read(Sources.csv(path))}). A path is one file or a directory of files of the
 * format (sorted by name; hidden and {@code _}-prefixed names ignored); the schema is read (or inferred) now,
 * the rows when the function runs. In-memory Arrow data: {@link io.datajax.io.arrow.ArrowSources}.
 */
public final class Sources {
    private Sources() {
    }

    /** CSV with a header, comma-separated, empty fields null, types inferred from the first rows. */
    public static CsvSource csv(Path path) {
        return CsvSource.of(path, CsvOptions.defaults());
    }

    /** CSV read with {@code options} (delimiter, null tokens, formats, an explicit schema, malformed rows...). */
    public static CsvSource csv(Path path, CsvOptions options) {
        return CsvSource.of(path, options);
    }

    /** Parquet files; projection and statistics-based row-group skipping apply. */
    public static ParquetSource parquet(Path path) {
        return ParquetSource.of(path);
    }

    /** Arrow IPC files ({@code .arrow}, the random-access format); a part per record batch. */
    public static ArrowFileSource arrowFile(Path path) {
        return ArrowFileSource.of(path);
    }

    /** Arrow IPC streams ({@code .arrows}); a part per file. */
    public static ArrowStreamSource arrowStream(Path path) {
        return ArrowStreamSource.of(path);
    }
}
