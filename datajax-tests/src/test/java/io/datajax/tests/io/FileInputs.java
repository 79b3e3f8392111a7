package io.datajax.tests.io;

import io.datajax.api.DataJax;
import io.datajax.api.DataJaxConfig;
import io.datajax.api.Input;
import io.datajax.api.trace.TablesawSchemas;
import io.datajax.io.Sinks;
import io.datajax.io.Sources;
import io.datajax.io.csv.CsvOptions;
import io.datajax.ir.source.DataSink;
import io.datajax.ir.source.DataSource;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import tech.tablesaw.api.Table;

/**
 * Tables written to files of one format by DataJax's own sinks (through the local executor) and handed back
 * as sources of that format: how the file suites give the conformance and oracle cases their inputs.
 */
public enum FileInputs {
    CSV, PARQUET, ARROW_FILE, ARROW_STREAM;

    private static final AtomicInteger NEXT = new AtomicInteger();

    /** {@code table} written under {@code root} (a new directory each call) and opened as a source. */
    public DataSource write(Table table, Path root) {
        Path directory = root.resolve(name().toLowerCase() + "-" + NEXT.incrementAndGet());
        CsvOptions csv = CsvOptions.defaults().withSchema(TablesawSchemas.schemaOf(table));
        DataSink sink = switch (this) {
            case CSV -> Sinks.csv(directory, csv);
            case PARQUET -> Sinks.parquet(directory).withRowGroupRows(64);
            case ARROW_FILE -> Sinks.arrowFile(directory);
            case ARROW_STREAM -> Sinks.arrowStream(directory);
        };
        DataJax.djit(df -> df, DataJaxConfig.defaults()).write(sink, table);
        return switch (this) {
            case CSV -> Sources.csv(directory, csv);
            case PARQUET -> Sources.parquet(directory);
            case ARROW_FILE -> Sources.arrowFile(directory);
            case ARROW_STREAM -> Sources.arrowStream(directory);
        };
    }

    /** Every table of {@code tables} written and opened, in order. */
    public Input[] inputs(List<Table> tables, Path root) {
        return tables.stream().map(table -> Input.of(write(table, root))).toArray(Input[]::new);
    }
}
