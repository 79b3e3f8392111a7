package io.datajax.io.parquet;

import static java.util.Objects.requireNonNull;

import io.datajax.io.ArrowSchemas;
import io.datajax.io.BatchConsumer;
import io.datajax.io.FileSource;
import io.datajax.io.ReadRequest;
import io.datajax.io.ReadStats;
import io.datajax.io.SourcePart;
import io.datajax.io.files.SourceFiles;
import io.datajax.ir.Field;
import io.datajax.ir.Schema;
import io.datajax.ir.error.DataJaxException;
import io.datajax.ir.expr.Exprs;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.RowGroup;

/**
 * Parquet files: a file or a directory of {@code .parquet} files. A part is one row group of one file; the row
 * groups whose statistics prove that the request's filter cannot be TRUE are left out. Reads only the column
 * chunks of the requested columns, decoding their pages straight into Arrow vectors. Immutable; compares
 * structurally.
 *
 * @param location the path the source was made from, absolute
 * @param files the files read, in order
 * @param schema the columns of every file
 */
public record ParquetSource(String location, List<String> files, Schema schema) implements FileSource {
    /** The format name. */
    public static final String FORMAT = "parquet";
    /** The file name extension, without the dot. */
    public static final String EXTENSION = "parquet";

    public ParquetSource {
        requireNonNull(location, "location is null");
        files = List.copyOf(requireNonNull(files, "files is null"));
        requireNonNull(schema, "schema is null");
        if (files.isEmpty()) {
            throw new IllegalArgumentException("a Parquet source needs at least one file");
        }
    }

    /**
     * The Parquet file {@code fileOrDirectory}, or the {@code .parquet} files of that directory sorted by name.
     * Reads each file's footer for its schema, which must be the same in every file.
     *
     * @throws io.datajax.ir.error.SchemaException naming the file and column when a column's Parquet type has no
     *     DataJax equivalent, or when a file's columns differ from the first file's
     * @throws io.datajax.ir.error.ExecutionException MALFORMED_INPUT naming a file that is not Parquet
     */
    public static ParquetSource of(Path fileOrDirectory) {
        List<String> files = SourceFiles.list(fileOrDirectory, EXTENSION, FORMAT);
        Schema first = ParquetTypes.schema(files.get(0), ParquetFooter.read(files.get(0)));
        for (String file : files.subList(1, files.size())) {
            Schema schema = ParquetTypes.schema(file, ParquetFooter.read(file));
            if (!schema.equals(first)) {
                throw ParquetErrors.schemaDiffers(file, schema, files.get(0), first);
            }
        }
        return new ParquetSource(fileOrDirectory.toAbsolutePath().normalize().toString(), files, first);
    }

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public String describe() {
        return FORMAT + "(" + location + ")";
    }

    /**
     * One part per row group of each file, in order ({@code SourcePart(file, rowGroup, firstByte,
     * compressedBytes)}), without the row groups whose statistics rule out {@code request.filter()}.
     */
    @Override
    public Parts parts(ReadRequest request) {
        requireNonNull(request, "request is null");
        List<SourcePart> parts = new ArrayList<>();
        int skipped = 0;
        long skippedBytes = 0;
        List<String> filterColumns = request.filter().map(Exprs::columns).map(List::copyOf).orElse(List.of());
        for (String file : files) {
            FileMetaData metadata = ParquetFooter.read(file);
            List<RowGroup> groups = metadata.getRow_groups();
            for (int g = 0; g < groups.size(); g++) {
                RowGroup group = groups.get(g);
                long start = Long.MAX_VALUE;
                long bytes = 0;
                for (ColumnChunk chunk : group.getColumns()) {
                    start = Math.min(start, ParquetFooter.chunkStart(chunk.getMeta_data()));
                    bytes += chunk.getMeta_data().getTotal_compressed_size();
                }
                if (group.getNum_rows() == 0) {
                    continue;
                }
                if (request.filter().isPresent() && !RowGroupFilter.mayMatch(request.filter().get(),
                        statistics(group, filterColumns))) {
                    skipped++;
                    skippedBytes += bytes;
                    continue;
                }
                parts.add(new SourcePart(file, g, start == Long.MAX_VALUE ? 0 : start, bytes));
            }
        }
        return new Parts(parts, skipped, skippedBytes);
    }

    private Map<String, RowGroupStatistics> statistics(RowGroup group, List<String> columns) {
        Map<String, RowGroupStatistics> statistics = new HashMap<>();
        for (String column : columns) {
            int index = schema.indexOf(column);
            if (index >= 0 && index < group.getColumns().size()) {
                Field field = schema.field(index);
                statistics.put(column, RowGroupStatistics.of(field.type(), field.nullable(),
                        group.getColumns().get(index).getMeta_data()));
            }
        }
        return statistics;
    }

    /**
     * Reads row group {@code part.index()} of {@code part.file()}: the column chunks of {@code request.columns()}
     * only, handed on in batches of at most {@code request.batchRows()} rows. {@link ReadStats#bytesRead()} is
     * the compressed size of the chunks read.
     */
    @Override
    public ReadStats read(SourcePart part, ReadRequest request, BufferAllocator allocator, BatchConsumer consumer) {
        requireNonNull(part, "part is null");
        requireNonNull(request, "request is null");
        requireNonNull(allocator, "allocator is null");
        requireNonNull(consumer, "consumer is null");
        request.columns().forEach(schema::field);
        String file = part.file();
        List<FieldVector> vectors = new ArrayList<>(request.columns().size());
        try (FileChannel channel = FileChannel.open(Path.of(file), StandardOpenOption.READ)) {
            FileMetaData metadata = ParquetFooter.read(file, channel);
            if (part.index() >= metadata.getRow_groups().size()) {
                throw ParquetErrors.malformed(file, "it has " + metadata.getRow_groups().size() + " row groups, not"
                        + " the " + (part.index() + 1) + " its part says; it changed after the parts were listed",
                        null);
            }
            RowGroup group = metadata.getRow_groups().get(part.index());
            long rowCount = group.getNum_rows();
            if (rowCount > Integer.MAX_VALUE) {
                throw ParquetErrors.malformed(file, "row group " + part.index() + " has " + rowCount + " rows", null);
            }
            int rows = (int) rowCount;
            long bytesRead = 0;
            for (String name : request.columns()) {
                int index = schema.indexOf(name);
                Field field = schema.field(index);
                ColumnMetaData column = group.getColumns().get(index).getMeta_data();
                if (column.getPath_in_schema() == null || !column.getPath_in_schema().equals(List.of(name))) {
                    throw ParquetErrors.malformed(file, "column chunk " + index + " of row group " + part.index()
                            + " is " + column.getPath_in_schema() + ", not '" + name + "'", null);
                }
                long start = ParquetFooter.chunkStart(column);
                long length = column.getTotal_compressed_size();
                if (start < 0 || length < 0 || length > Integer.MAX_VALUE || start + length > channel.size()) {
                    throw ParquetErrors.malformed(file, "column chunk '" + name + "' of row group " + part.index()
                            + " (bytes " + start + " to " + (start + length) + ") lies outside the file of "
                            + channel.size() + " bytes", null);
                }
                byte[] chunk = ParquetFooter.bytes(channel, start, (int) length).array();
                bytesRead += length;
                FieldVector vector = ArrowSchemas.toArrow(field).createVector(allocator);
                vectors.add(vector);
                ColumnChunkDecoder.decode(file, name, field.type(), field.nullable(), column, chunk, rows, vector);
            }
            hand(vectors, rows, request.batchRows(), consumer);
            return new ReadStats(rows, bytesRead, List.of());
        } catch (ConsumerFailure e) {
            throw e.consumerException();
        } catch (NoSuchFileException e) {
            throw ParquetErrors.ioFailed("open " + file, e);
        } catch (DataJaxException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw ParquetErrors.malformed(file, "row group " + part.index() + " cannot be decoded", e);
        } finally {
            vectors.forEach(FieldVector::close);
        }
    }

    private static void hand(List<FieldVector> vectors, int rows, int batchRows, BatchConsumer consumer) {
        VectorSchemaRoot batch = new VectorSchemaRoot(new ArrayList<>(vectors));
        batch.setRowCount(rows);
        if (rows <= batchRows) {
            accept(consumer, batch);
            return;
        }
        for (int from = 0; from < rows; from += batchRows) {
            try (VectorSchemaRoot slice = batch.slice(from, Math.min(batchRows, rows - from))) {
                accept(consumer, slice);
            }
        }
    }

    private static void accept(BatchConsumer consumer, VectorSchemaRoot batch) {
        try {
            consumer.accept(batch);
        } catch (RuntimeException e) {
            throw new ConsumerFailure(e);
        }
    }

    /** A failure of the consumer, carried past the handlers of malformed-input errors. */
    private static final class ConsumerFailure extends RuntimeException {
        ConsumerFailure(RuntimeException cause) {
            super(cause);
        }

        RuntimeException consumerException() {
            return (RuntimeException) getCause();
        }
    }

    @Override
    public List<io.datajax.ir.source.DataSource> perFile() {
        return files.stream().<io.datajax.ir.source.DataSource>map(file -> new ParquetSource(file, List.of(file), schema)).toList();
    }
}
