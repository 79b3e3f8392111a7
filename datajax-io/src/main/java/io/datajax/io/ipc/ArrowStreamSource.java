package io.datajax.io.ipc;

import static java.util.Objects.requireNonNull;

import io.datajax.io.BatchConsumer;
import io.datajax.io.FileSource;
import io.datajax.io.ReadRequest;
import io.datajax.io.ReadStats;
import io.datajax.io.SourcePart;
import io.datajax.io.files.SourceFiles;
import io.datajax.ir.Schema;
import io.datajax.ir.error.DataJaxException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.ipc.ArrowStreamReader;

/**
 * Arrow IPC streams (the sequential "stream" format, extension {@code .arrows}): a file or a directory of them.
 * A stream has no index of its batches, so a part is one whole file. Dictionary-encoded Utf8 columns (also
 * with delta or replacement dictionaries) are read as plain STRING columns. Immutable; compares structurally.
 *
 * @param location the path the source was made from, absolute
 * @param files the files read, in order
 * @param schema the columns of every file
 */
public record ArrowStreamSource(String location, List<String> files, Schema schema) implements FileSource {
    /** The format name. */
    public static final String FORMAT = "arrow-stream";
    /** The file name extension, without the dot. */
    public static final String EXTENSION = "arrows";

    public ArrowStreamSource {
        requireNonNull(location, "location is null");
        files = List.copyOf(requireNonNull(files, "files is null"));
        requireNonNull(schema, "schema is null");
        if (files.isEmpty()) {
            throw new IllegalArgumentException("an Arrow stream source needs at least one file");
        }
    }

    /**
     * The Arrow IPC stream file {@code fileOrDirectory}, or the {@code .arrows} files of that directory sorted by
     * name. Reads the schema message of each file, which must be the same in every file.
     *
     * @throws io.datajax.ir.error.SchemaException naming the file when a file's columns differ from the first
     *     file's or have types without a DataJax equivalent
     * @throws io.datajax.ir.error.ExecutionException MALFORMED_INPUT naming a file that is not an Arrow stream
     */
    public static ArrowStreamSource of(Path fileOrDirectory) {
        List<String> files = SourceFiles.list(fileOrDirectory, EXTENSION, FORMAT);
        Schema schema = IpcFiles.commonSchema(files, IpcFiles::streamSchema);
        return new ArrowStreamSource(fileOrDirectory.toAbsolutePath().normalize().toString(), files, schema);
    }

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public String describe() {
        return FORMAT + "(" + location + ")";
    }

    /** One part per file, in order; nothing is skipped. */
    @Override
    public Parts parts(ReadRequest request) {
        requireNonNull(request, "request is null");
        List<SourcePart> parts = new ArrayList<>(files.size());
        for (String file : files) {
            try {
                parts.add(new SourcePart(file, 0, 0, java.nio.file.Files.size(Path.of(file))));
            } catch (IOException e) {
                throw IpcErrors.ioFailed("read the size of " + file, e);
            }
        }
        return new Parts(parts, 0, 0);
    }

    @Override
    public ReadStats read(SourcePart part, ReadRequest request, BufferAllocator allocator, BatchConsumer consumer) {
        requireNonNull(part, "part is null");
        requireNonNull(request, "request is null");
        requireNonNull(allocator, "allocator is null");
        requireNonNull(consumer, "consumer is null");
        request.columns().forEach(schema::field);
        String file = part.file();
        try (FileChannel channel = FileChannel.open(Path.of(file), StandardOpenOption.READ);
                ArrowStreamReader reader = new ArrowStreamReader(channel, allocator)) {
            long rows = 0;
            while (reader.loadNextBatch()) {
                rows += IpcBatches.forward(reader.getVectorSchemaRoot(), reader, schema, request.columns(),
                        request.batchRows(), allocator, consumer);
            }
            return new ReadStats(rows, reader.bytesRead(), List.of());
        } catch (IpcBatches.ConsumerFailure e) {
            throw e.consumerException();
        } catch (NoSuchFileException e) {
            throw IpcErrors.ioFailed("open " + file, e);
        } catch (IOException e) {
            throw IpcErrors.malformed(file, FORMAT, e);
        } catch (DataJaxException e) {
            throw e;
        } catch (RuntimeException e) {
            throw IpcErrors.malformed(file, FORMAT, e);
        }
    }

    @Override
    public List<io.datajax.ir.source.DataSource> perFile() {
        return files.stream().<io.datajax.ir.source.DataSource>map(file -> new ArrowStreamSource(file, List.of(file), schema)).toList();
    }
}
