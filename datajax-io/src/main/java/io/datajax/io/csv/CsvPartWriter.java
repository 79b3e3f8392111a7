package io.datajax.io.csv;

import io.datajax.io.ArrowSchemas;
import io.datajax.io.PartWriter;
import io.datajax.ir.DataType;
import io.datajax.ir.Field;
import io.datajax.ir.Schema;
import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.ResourceException;
import io.datajax.ir.error.SchemaException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one CSV file: the header (if the options have one), then one line per row, LF-terminated, UTF-8.
 * Nulls are written as the first null token (the empty field by default); a value whose text equals a null
 * token is quoted, since quoted fields are never null. Not thread-safe.
 */
final class CsvPartWriter implements PartWriter {
    private static final Logger LOG = LoggerFactory.getLogger(CsvPartWriter.class);

    private final Path file;
    private final Schema schema;
    private final CsvOptions options;
    private final OutputStream stream;
    private final CsvOutput out;
    private final TemporalCodec temporals;
    private final byte[] nullToken;
    /** The null tokens a number, boolean or date could spell (all but the empty one), or null if none. */
    private final NullTokens valueLikeNulls;
    private boolean finished;
    private boolean closed;

    CsvPartWriter(Path file, Schema schema, CsvOptions options) {
        this.file = file;
        this.schema = schema;
        this.options = options;
        this.temporals = new TemporalCodec(options);
        this.nullToken = (options.nullTokens().isEmpty() ? "" : options.nullTokens().get(0))
                .getBytes(StandardCharsets.UTF_8);
        boolean valueLike = options.nullTokens().stream().anyMatch(token -> !token.isEmpty());
        this.valueLikeNulls = valueLike ? new NullTokens(options.nullTokens()) : null;
        try {
            stream = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new ResourceException(ErrorCode.IO_FAILED, CsvMessages.writeFailed(file.toString(), e), e);
        }
        out = new CsvOutput(stream);
        if (options.header()) {
            writeHeader();
        }
    }

    private void writeHeader() {
        NullTokens none = new NullTokens(List.of());
        byte delimiter = (byte) options.delimiter();
        for (int i = 0; i < schema.size(); i++) {
            if (i > 0) {
                out.append(delimiter);
            }
            byte[] name = schema.field(i).name().getBytes(StandardCharsets.UTF_8);
            ColumnEncoder.appendText(name, name.length, out, delimiter, (byte) options.quote(), none);
        }
        out.append((byte) '\n');
    }

    @Override
    public void write(VectorSchemaRoot batch) {
        if (finished || closed) {
            throw new IllegalStateException("CSV writer of " + file + " is already finished or closed");
        }
        List<FieldVector> vectors = batch.getFieldVectors();
        checkSchema(batch);
        ColumnEncoder[] encoders = new ColumnEncoder[vectors.size()];
        for (int i = 0; i < encoders.length; i++) {
            encoders[i] = ColumnEncoder.of(schema.field(i).type(), vectors.get(i), temporals, options);
        }
        byte delimiter = (byte) options.delimiter();
        byte quote = (byte) options.quote();
        int rows = batch.getRowCount();
        try {
            for (int row = 0; row < rows; row++) {
                for (int i = 0; i < encoders.length; i++) {
                    if (i > 0) {
                        out.append(delimiter);
                    }
                    if (vectors.get(i).isNull(row)) {
                        out.append(nullToken);
                    } else if (valueLikeNulls == null || schema.field(i).type() == DataType.STRING) {
                        encoders[i].encode(row, out);
                    } else {
                        int mark = out.length();
                        encoders[i].encode(row, out);
                        if (out.matches(mark, valueLikeNulls)) {
                            out.quoteFrom(mark, quote); // e.g. 0 with null token "0": quoted values are not null
                        }
                    }
                }
                out.append((byte) '\n');
                out.flushIfFull();
            }
        } catch (IOException e) {
            throw new ResourceException(ErrorCode.IO_FAILED, CsvMessages.writeFailed(file.toString(), e), e);
        }
    }

    private void checkSchema(VectorSchemaRoot batch) {
        List<FieldVector> vectors = batch.getFieldVectors();
        boolean matches = vectors.size() == schema.size();
        for (int i = 0; matches && i < vectors.size(); i++) {
            Field field = schema.field(i);
            matches = vectors.get(i).getMinorType() == ArrowSchemas.minorType(field.type());
        }
        if (!matches) {
            throw SchemaException.typeMismatch("CSV writer of " + file, "the batch has columns "
                    + batch.getSchema() + ", but the writer was opened for " + schema + ".");
        }
    }

    @Override
    public long finish() {
        if (closed) {
            throw new IllegalStateException("CSV writer of " + file + " is closed");
        }
        try {
            out.flush();
            stream.close();
        } catch (IOException e) {
            throw new ResourceException(ErrorCode.IO_FAILED, CsvMessages.writeFailed(file.toString(), e), e);
        }
        finished = true;
        closed = true;
        return out.written();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            stream.close();
        } catch (IOException e) {
            LOG.debug("closing the unfinished CSV file {} failed: {}", file, e.toString());
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("could not delete the unfinished CSV file {}: {}", file, e.toString());
        }
    }
}
