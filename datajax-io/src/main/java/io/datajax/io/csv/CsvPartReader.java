package io.datajax.io.csv;

import io.datajax.io.ArrowSchemas;
import io.datajax.io.BatchConsumer;
import io.datajax.io.ReadRequest;
import io.datajax.io.ReadStats;
import io.datajax.io.Reject;
import io.datajax.io.SourcePart;
import io.datajax.ir.Field;
import io.datajax.ir.Schema;
import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.ExecutionException;
import io.datajax.ir.error.ResourceException;
import io.datajax.ir.error.SchemaException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one byte range of a CSV file into Arrow batches (see {@link CsvSource} for which rows a range holds).
 * Only the requested columns are decoded; the others are only split off. One use: create, {@link #read},
 * discard.
 */
final class CsvPartReader {
    private static final Logger LOG = LoggerFactory.getLogger(CsvPartReader.class);
    private static final int BUFFER_BYTES = 1 << 20;
    private static final int MIN_BUFFER_BYTES = 1 << 16;
    /** The vector memory a batch aims at, which bounds the rows per batch of wide requests. */
    private static final long BATCH_BYTES = 16L << 20;

    private final SourcePart part;
    private final ReadRequest request;
    private final CsvOptions options;
    private final Schema schema;
    private final int[] columnIndexes;
    private final List<Field> columns;
    private final NullTokens nulls;
    private final List<Reject> rejects = new ArrayList<>();
    private LineLocator lines;

    CsvPartReader(CsvSource source, SourcePart part, ReadRequest request) {
        this.part = part;
        this.request = request;
        this.options = source.options();
        this.schema = source.schema();
        this.columns = new ArrayList<>(request.columns().size());
        this.columnIndexes = new int[request.columns().size()];
        for (int i = 0; i < columnIndexes.length; i++) {
            String name = request.columns().get(i);
            int index = schema.indexOf(name);
            if (index < 0) {
                throw SchemaException.unknownColumn(name, schema.names());
            }
            columnIndexes[i] = index;
            columns.add(schema.field(index));
        }
        this.nulls = new NullTokens(options.nullTokens());
    }

    ReadStats read(BufferAllocator allocator, BatchConsumer consumer) {
        String file = part.file();
        org.apache.arrow.vector.types.pojo.Schema arrowSchema = ArrowSchemas.toArrow(new Schema(columns));
        try (FileChannel channel = FileChannel.open(Path.of(file), StandardOpenOption.READ);
                VectorSchemaRoot root = VectorSchemaRoot.create(arrowSchema, allocator)) {
            lines = new LineLocator(channel);
            long rows = readRows(channel, root, consumer);
            LOG.debug("read {} rows of {} [{}, +{}), {} rejected", rows, file, part.start(), part.length(),
                    rejects.size());
            return new ReadStats(rows, part.length(), rejects);
        } catch (IOException e) {
            throw new ResourceException(ErrorCode.IO_FAILED, CsvMessages.io(file, "read", e), e);
        }
    }

    private long readRows(FileChannel channel, VectorSchemaRoot root, BatchConsumer consumer) throws IOException {
        int capacity = batchCapacity();
        List<FieldVector> vectors = root.getFieldVectors();
        allocate(vectors, capacity);
        NumberParser numbers = new NumberParser();
        TemporalCodec temporals = new TemporalCodec(options);
        ColumnDecoder[] decoders = new ColumnDecoder[columns.size()];
        for (int i = 0; i < decoders.length; i++) {
            decoders[i] = ColumnDecoder.of(columns.get(i).type(), vectors.get(i), numbers, temporals, options.quote());
        }
        RowSplitter splitter = new RowSplitter(options.delimiter(), options.quote(), schema.size());
        int bufferBytes = (int) Math.min(BUFFER_BYTES, Math.max(MIN_BUFFER_BYTES, part.length() + 1));
        CsvInput input = new CsvInput(channel, part.start() == 0 ? 0 : part.start() - 1, bufferBytes);
        RowCursor cursor = new RowCursor(part.file(), input, splitter);
        if (part.start() == 0) {
            cursor.skipByteOrderMark();
            if (options.header() && !cursor.next()) {
                return 0;
            }
        } else if (!cursor.skipPastNewline()) {
            return 0;
        }
        long end = part.start() + part.length();
        long rows = 0;
        while (true) {
            int filled = fillBatch(cursor, decoders, end, capacity);
            rows += filled;
            if (filled > 0) {
                emit(root, vectors, filled, capacity, consumer);
            }
            if (filled < capacity) {
                checkBoundary(cursor, end, channel.size());
                return rows;
            }
        }
    }

    /**
     * Fails if the next part would start at a wrong row: when the last row of this part holds a line feed at
     * or after {@code end - 1} (inside quotes), the next part, which starts after the first line feed at or
     * after that byte, would begin inside this row. Only files with quoted line breaks can fail this check;
     * each part boundary is checked by the part before it, so a split read never silently returns wrong rows
     * at a boundary.
     */
    private void checkBoundary(RowCursor cursor, long end, long fileSize) throws IOException {
        if (!cursor.hasRow || end >= fileSize || cursor.offset() < end) {
            return;
        }
        byte[] b = cursor.input.buffer;
        long base = cursor.input.base;
        int from = (int) Math.max(cursor.rowStart, end - 1 - base);
        for (int i = from; i < cursor.rowEnd - 1; i++) {
            if (b[i] == '\n') {
                throw new ExecutionException(ErrorCode.MALFORMED_INPUT, CsvMessages.quotedLineBreakAtBoundary(
                        part.file(), lines.lineAt(base + cursor.rowStart), end));
            }
        }
    }

    /**
     * Decodes rows into the batch's vectors until it holds {@code capacity} rows or the part ends; returns the
     * rows decoded. A method of its own so that the JIT compiles the hot loop as a whole method.
     */
    private int fillBatch(RowCursor cursor, ColumnDecoder[] decoders, long end, int capacity) throws IOException {
        RowSplitter splitter = cursor.splitter;
        int width = schema.size();
        int[] indexes = columnIndexes;
        NullTokens nulls = this.nulls;
        int row = 0;
        while (row < capacity && cursor.offset() < end && cursor.next()) {
            if (splitter.problem != RowSplitter.OK || splitter.count != width) {
                if (splitter.count == 1 && width > 1 && splitter.problem == RowSplitter.OK && !splitter.quoted[0]
                        && splitter.starts[0] == splitter.ends[0]) {
                    continue; // a blank line
                }
                rowProblem(cursor);
                continue;
            }
            byte[] b = cursor.input.buffer;
            int[] starts = splitter.starts;
            int[] ends = splitter.ends;
            boolean[] quoted = splitter.quoted;
            boolean[] escaped = splitter.escaped;
            boolean good = true;
            for (int i = 0; i < indexes.length; i++) {
                int field = indexes[i];
                int start = starts[field];
                int stop = ends[field];
                if (!quoted[field] && nulls.matches(b, start, stop)) {
                    decoders[i].decodeNull(row);
                } else if (!decoders[i].decode(b, start, stop, escaped[field], row)) {
                    valueProblem(cursor, i, start, stop);
                    good = false;
                    break;
                }
            }
            if (good) {
                row++;
            }
        }
        return row;
    }

    /**
     * Rows per batch: the request's, fewer for wide requests so that a batch stays near {@link #BATCH_BYTES},
     * and no more than the part can hold (a row takes at least one byte per column but the last).
     */
    private int batchCapacity() {
        long byWidth = Math.max(1024, BATCH_BYTES / Math.max(1, 8L * columns.size()));
        long byLength = part.length() / Math.max(1, schema.size() - 1) + 1;
        return (int) Math.min(request.batchRows(), Math.min(byWidth, byLength));
    }

    private static void allocate(List<FieldVector> vectors, int capacity) {
        for (FieldVector vector : vectors) {
            vector.setInitialCapacity(capacity);
            vector.allocateNew();
        }
    }

    private static void emit(VectorSchemaRoot root, List<FieldVector> vectors, int rows, int capacity,
            BatchConsumer consumer) {
        root.setRowCount(rows);
        consumer.accept(root);
        for (FieldVector vector : vectors) {
            if (vector.getValueCapacity() < capacity) {
                vector.clear();
                vector.setInitialCapacity(capacity);
                vector.allocateNew();
            } else {
                vector.reset();
            }
        }
        root.setRowCount(0);
    }

    private void valueProblem(RowCursor cursor, int column, int start, int stop) throws IOException {
        byte[] b = cursor.input.buffer;
        Field field = columns.get(column);
        String value = CsvMessages.shorten(new String(b, start, stop - start, StandardCharsets.UTF_8));
        boolean outOfRange = field.type().isInteger() && NumberParser.isIntegerSyntax(b, start, stop);
        String reason = CsvMessages.valueReason(field, value, outOfRange, options);
        long line = lines.lineAt(cursor.rowOffset());
        if (options.onMalformed() == MalformedRowPolicy.FAIL) {
            throw new ExecutionException(ErrorCode.MALFORMED_INPUT,
                    CsvMessages.malformedValue(part.file(), line, field, reason));
        }
        rejects.add(new Reject(part.file(), line, field.name(), value, reason));
    }

    private void rowProblem(RowCursor cursor) throws IOException {
        RowSplitter splitter = cursor.splitter;
        String reason;
        if (splitter.problem != RowSplitter.OK) {
            int field = Math.min(splitter.problemField, schema.size() - 1);
            String column = field >= 0 ? schema.field(field).name() : "";
            reason = CsvMessages.quoteReason(splitter.problem == RowSplitter.UNTERMINATED_QUOTE, column,
                    options.quote());
        } else {
            reason = CsvMessages.fieldCountReason(splitter.count, schema.names());
        }
        byte[] b = cursor.input.buffer;
        int length = Math.min(cursor.rowEnd - cursor.rowStart, 4 * CsvMessages.MAX_VALUE_CHARS);
        String text = CsvMessages.shorten(new String(b, cursor.rowStart, length, StandardCharsets.UTF_8)
                .stripTrailing().replace("\r", "").replace("\n", "\\n"));
        long line = lines.lineAt(cursor.rowOffset());
        if (options.onMalformed() == MalformedRowPolicy.FAIL) {
            throw new ExecutionException(ErrorCode.MALFORMED_INPUT,
                    CsvMessages.malformedRow(part.file(), line, reason, text, options));
        }
        rejects.add(new Reject(part.file(), line, "", text, reason));
    }
}
