package io.datajax.io.parquet;

import io.datajax.io.ArrowSchemas;
import io.datajax.io.PartWriter;
import io.datajax.ir.Field;
import io.datajax.ir.Schema;
import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.SchemaException;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.ColumnOrder;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.TypeDefinedOrder;
import org.apache.parquet.format.Util;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one Parquet file: the rows of the batches written, in row groups of a fixed number of rows, each column
 * optional and PLAIN-encoded. Buffers one row group (compressed) in memory. Not thread-safe.
 */
final class ParquetPartWriter implements PartWriter {
    private static final Logger LOG = LoggerFactory.getLogger(ParquetPartWriter.class);
    static final String CREATED_BY = "DataJax for Java (io.datajax.io.parquet)";

    private final Path file;
    private final Schema schema;
    private final int rowGroupRows;
    private final OutputStream out;
    private final List<ColumnChunkEncoder> columns = new ArrayList<>();
    private final List<RowGroup> rowGroups = new ArrayList<>();
    private long position;
    private int bufferedRows;
    private long rows;
    private boolean finished;
    private boolean closed;

    ParquetPartWriter(Path file, Schema schema, ParquetCompression compression, int rowGroupRows,
            boolean statistics) {
        this.file = file;
        this.schema = schema;
        this.rowGroupRows = rowGroupRows;
        for (Field field : schema.fields()) {
            ParquetTypes.physical(field.type());
            columns.add(new ColumnChunkEncoder(field.name(), field.type(), compression, statistics));
        }
        try {
            this.out = new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE), 1 << 16);
            out.write(ParquetFooter.MAGIC);
            position = ParquetFooter.MAGIC.length;
        } catch (IOException e) {
            throw ParquetErrors.ioFailed("create " + file, e);
        }
    }

    @Override
    public void write(VectorSchemaRoot batch) {
        if (finished || closed) {
            throw new IllegalStateException("writer of " + file + " is " + (finished ? "finished" : "closed"));
        }
        checkSchema(batch);
        try {
            int from = 0;
            int count = batch.getRowCount();
            while (from < count) {
                int take = Math.min(count - from, rowGroupRows - bufferedRows);
                for (int c = 0; c < columns.size(); c++) {
                    columns.get(c).append(batch.getVector(c), from, take);
                }
                from += take;
                bufferedRows += take;
                if (bufferedRows == rowGroupRows) {
                    flushRowGroup();
                }
            }
        } catch (IOException e) {
            throw ParquetErrors.ioFailed("write " + file, e);
        }
    }

    private void flushRowGroup() throws IOException {
        if (bufferedRows == 0) {
            return;
        }
        List<ColumnChunk> chunks = new ArrayList<>(columns.size());
        long start = position;
        long uncompressed = 0;
        ColumnMetaData[] metadata = new ColumnMetaData[1];
        for (ColumnChunkEncoder column : columns) {
            byte[] bytes = column.finish(position, metadata);
            out.write(bytes);
            ColumnChunk chunk = new ColumnChunk(position);
            chunk.setMeta_data(metadata[0]);
            chunks.add(chunk);
            uncompressed += metadata[0].getTotal_uncompressed_size();
            position += bytes.length;
            column.reset();
        }
        RowGroup group = new RowGroup(chunks, uncompressed, bufferedRows);
        group.setFile_offset(start);
        group.setTotal_compressed_size(position - start);
        group.setOrdinal((short) rowGroups.size());
        rowGroups.add(group);
        rows += bufferedRows;
        bufferedRows = 0;
    }

    @Override
    public long finish() {
        if (closed) {
            throw new IllegalStateException("writer of " + file + " is closed");
        }
        try {
            flushRowGroup();
            FileMetaData metadata = new FileMetaData(1, ParquetTypes.elements(schema), rows, rowGroups);
            metadata.setCreated_by(CREATED_BY);
            metadata.setColumn_orders(new ArrayList<>(Collections.nCopies(schema.size(),
                    ColumnOrder.TYPE_ORDER(new TypeDefinedOrder()))));
            ByteArrayOutputStream footer = new ByteArrayOutputStream();
            Util.writeFileMetaData(metadata, footer);
            footer.writeTo(out);
            int length = footer.size();
            out.write(new byte[] {(byte) length, (byte) (length >>> 8), (byte) (length >>> 16), (byte) (length >>> 24)});
            out.write(ParquetFooter.MAGIC);
            out.close();
            finished = true;
            return Files.size(file);
        } catch (IOException e) {
            throw ParquetErrors.ioFailed("finish " + file, e);
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
            out.close();
        } catch (IOException e) {
            LOG.debug("closing {} failed: {}", file, e.toString());
        }
        if (!finished) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warn("could not delete the unfinished Parquet file {}: {}", file, e.toString());
            }
        }
    }

    private void checkSchema(VectorSchemaRoot batch) {
        org.apache.arrow.vector.types.pojo.Schema expected = ArrowSchemas.toArrow(schema);
        boolean same = batch.getFieldVectors().size() == expected.getFields().size();
        for (int i = 0; same && i < expected.getFields().size(); i++) {
            same = batch.getVector(i).getField().getType().equals(expected.getFields().get(i).getType());
        }
        if (!same) {
            throw new SchemaException(ErrorCode.INPUT_MISMATCH, "Batch with columns " + batch.getSchema()
                    + " cannot be written to " + file + ", whose columns are " + expected + ". Write batches of the"
                    + " writer's schema (types as ArrowSchemas.toArrow maps them).");
        }
    }
}
