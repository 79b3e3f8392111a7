package io.datajax.io.ipc;

import io.datajax.io.ArrowSchemas;
import io.datajax.io.PartWriter;
import io.datajax.ir.Schema;
import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.SchemaException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorLoader;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.ipc.ArrowWriter;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.types.pojo.Field;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one Arrow IPC file or stream: each batch written becomes one record batch (its buffers are written
 * as they are, without copying them into new vectors). Not thread-safe.
 */
final class IpcPartWriter implements PartWriter {
    private static final Logger LOG = LoggerFactory.getLogger(IpcPartWriter.class);

    private final Path file;
    private final String format;
    private final org.apache.arrow.vector.types.pojo.Schema arrowSchema;
    private final VectorSchemaRoot root;
    private final ArrowWriter writer;
    private boolean finished;
    private boolean closed;

    private IpcPartWriter(Path file, String format, Schema schema, BufferAllocator allocator) {
        this.file = file;
        this.format = format;
        this.arrowSchema = ArrowSchemas.toArrow(schema);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw IpcErrors.ioFailed("create " + file, e);
        }
        this.root = VectorSchemaRoot.create(arrowSchema, allocator);
        this.writer = format.equals(ArrowFileSource.FORMAT) ? new ArrowFileWriter(root, null, channel)
                : new ArrowStreamWriter(root, null, channel);
        try {
            writer.start();
        } catch (IOException | RuntimeException e) {
            close();
            throw e instanceof IOException io ? IpcErrors.ioFailed("write " + file, io) : (RuntimeException) e;
        }
    }

    /** A writer of a new IPC file ({@code format} {@code arrow-file}) or stream ({@code arrow-stream}). */
    static IpcPartWriter open(Path file, String format, Schema schema, BufferAllocator allocator) {
        return new IpcPartWriter(file, format, schema, allocator);
    }

    @Override
    public void write(org.apache.arrow.vector.VectorSchemaRoot batch) {
        if (finished || closed) {
            throw new IllegalStateException("writer of " + file + " is " + (finished ? "finished" : "closed"));
        }
        checkSchema(batch.getSchema());
        try (ArrowRecordBatch record = new VectorUnloader(batch).getRecordBatch()) {
            new VectorLoader(root).load(record);
            writer.writeBatch();
        } catch (IOException e) {
            throw IpcErrors.ioFailed("write " + file, e);
        } finally {
            root.clear();
        }
    }

    @Override
    public long finish() {
        if (closed) {
            throw new IllegalStateException("writer of " + file + " is closed");
        }
        try {
            writer.end();
            writer.close();
            finished = true;
            return Files.size(file);
        } catch (IOException e) {
            throw IpcErrors.ioFailed("finish " + file, e);
        } finally {
            close();
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            writer.close();
        } catch (RuntimeException e) {
            LOG.debug("closing the writer of {} failed: {}", file, e.toString());
        }
        root.close();
        if (!finished) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warn("could not delete the unfinished {} file {}: {}", format, file, e.toString());
            }
        }
    }

    private void checkSchema(org.apache.arrow.vector.types.pojo.Schema schema) {
        boolean same = schema.getFields().size() == arrowSchema.getFields().size();
        for (int i = 0; same && i < schema.getFields().size(); i++) {
            Field given = schema.getFields().get(i);
            Field expected = arrowSchema.getFields().get(i);
            same = given.getType().equals(expected.getType()) && given.getDictionary() == null;
        }
        if (!same) {
            throw new SchemaException(ErrorCode.INPUT_MISMATCH, "Batch with columns " + schema + " cannot be written"
                    + " to " + file + ", whose columns are " + arrowSchema + ". Write batches of the writer's schema"
                    + " (types as ArrowSchemas.toArrow maps them, dictionaries decoded).");
        }
    }
}
