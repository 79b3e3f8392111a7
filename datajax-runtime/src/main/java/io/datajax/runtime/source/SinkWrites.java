package io.datajax.runtime.source;

import static java.util.Objects.requireNonNull;

import io.datajax.io.FileSink;
import io.datajax.io.MemorySink;
import io.datajax.io.PartWriter;
import io.datajax.io.ReadRequest;
import io.datajax.io.SinkCommit;
import io.datajax.io.WrittenPart;
import io.datajax.ir.DataType;
import io.datajax.ir.Field;
import io.datajax.ir.Schema;
import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.ExecutionException;
import io.datajax.ir.source.DataSink;
import io.datajax.runtime.arrow.ArrowBatches;
import io.datajax.runtime.arrow.ProcessAllocator;
import io.datajax.runtime.column.Batch;
import io.datajax.runtime.column.Column;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/** Writes result batches as part files of a {@link FileSink}, and the table that reports what was written. */
public final class SinkWrites {
    /** The schema of the table a write returns. */
    public static final Schema MANIFEST_SCHEMA = new Schema(List.of(Field.of("file", DataType.STRING),
            Field.of("rows", DataType.INT64), Field.of("bytes", DataType.INT64)));

    private SinkWrites() {
    }

    /** The file sink behind {@code sink}; an error when {@code datajax-io} cannot write it. */
    public static FileSink fileSink(DataSink sink) {
        requireNonNull(sink, "sink is null");
        if (sink instanceof FileSink file) {
            return file;
        }
        throw new ExecutionException(ErrorCode.INVALID_PLAN, "Sink " + sink.describe() + " ("
                + sink.getClass().getName() + ") cannot be written by this executor: it is not a"
                + " io.datajax.io.FileSink. Make sinks with io.datajax.io.Sinks.");
    }

    /**
     * Writes {@code batch} as part {@code index} of {@code sink} into the temporary output directory
     * {@code directory} (see {@link SinkCommit#begin}).
     */
    public static WrittenPart writePart(FileSink sink, Path directory, int index, Batch batch) {
        String name = SinkCommit.partName(sink, index);
        try (BufferAllocator allocator = ProcessAllocator.child("write " + name);
                PartWriter writer = sink.open(directory.resolve(name), batch.schema(), allocator)) {
            ArrowBatches.forEachSlice(batch, ReadRequest.DEFAULT_BATCH_ROWS, allocator, writer::write);
            long bytes = writer.finish();
            return new WrittenPart(name, batch.rowCount(), bytes);
        }
    }

    /** Checks that {@code sink} can be written: a file sink or an in-memory one. */
    public static void check(DataSink sink) {
        if (!(sink instanceof MemorySink)) {
            fileSink(sink);
        }
    }

    /**
     * Writes {@code batch} as the one part of a new output of {@code sink} and commits it; an in-memory sink
     * takes the batch directly (its one part is named {@code memory}).
     */
    public static List<WrittenPart> writeAll(DataSink sink, Batch batch) {
        if (sink instanceof MemorySink memory) {
            try (PartWriter writer = memory.open(batch.schema())) {
                ArrowBatches.forEachSlice(batch, ReadRequest.DEFAULT_BATCH_ROWS, memory.allocator(), writer::write);
                return List.of(new WrittenPart("memory", batch.rowCount(), writer.finish()));
            }
        }
        FileSink file = fileSink(sink);
        Path temp = SinkCommit.begin(file);
        try {
            List<WrittenPart> parts = List.of(writePart(file, temp, 0, batch));
            SinkCommit.commit(file, temp, parts);
            return parts;
        } catch (RuntimeException | Error e) {
            SinkCommit.abort(temp);
            throw e;
        }
    }

    /** The batch a write returns: one row per part, in part order. */
    public static Batch manifest(List<WrittenPart> parts) {
        List<String> files = new ArrayList<>();
        long[] rows = new long[parts.size()];
        long[] bytes = new long[parts.size()];
        for (int i = 0; i < parts.size(); i++) {
            files.add(parts.get(i).file());
            rows[i] = parts.get(i).rows();
            bytes[i] = parts.get(i).bytes();
        }
        return new Batch(MANIFEST_SCHEMA, List.of(Column.of(DataType.STRING, files),
                Column.ofLongs(DataType.INT64, rows, null), Column.ofLongs(DataType.INT64, bytes, null)),
                parts.size());
    }

    /** What {@code explain} says of a write. */
    public static String describe(DataSink sink, List<WrittenPart> parts) {
        long rows = parts.stream().mapToLong(WrittenPart::rows).sum();
        return "wrote " + parts.size() + (parts.size() == 1 ? " part" : " parts") + ", " + rows + " rows, to "
                + sink.describe();
    }
}
