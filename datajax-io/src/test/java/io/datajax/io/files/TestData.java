package io.datajax.io.files;

import io.datajax.io.ArrowSchemas;
import io.datajax.io.FileSink;
import io.datajax.io.FileSource;
import io.datajax.io.PartWriter;
import io.datajax.io.ReadRequest;
import io.datajax.io.ReadStats;
import io.datajax.io.SinkCommit;
import io.datajax.io.SourcePart;
import io.datajax.io.WrittenPart;
import io.datajax.ir.DataType;
import io.datajax.ir.Field;
import io.datajax.ir.Schema;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.util.Text;

/**
 * Test data for the file-format tests: a table of every DataJax type with nulls, whose values are a function
 * of the row number, writers of whole sink outputs and readers of whole sources into plain rows.
 */
public final class TestData {
    /** One nullable column of each type. */
    public static final Schema ALL_TYPES = new Schema(List.of(Field.of("b", DataType.BOOLEAN),
            Field.of("i", DataType.INT32), Field.of("l", DataType.INT64), Field.of("d", DataType.FLOAT64),
            Field.of("s", DataType.STRING), Field.of("dt", DataType.DATE), Field.of("ts", DataType.TIMESTAMP)));

    private TestData() {
    }

    /**
     * The value of column {@code column} (index into {@link #ALL_TYPES}) in row {@code row}, as read rows hold
     * it: Boolean, Integer, Long, Double, String, LocalDate, LocalDateTime, or null (every column has nulls at
     * its own rows). Extremes appear in the first rows.
     */
    public static Object value(int column, long row) {
        if ((row + column) % 7 == 3) {
            return null;
        }
        return switch (column) {
            case 0 -> row % 3 == 0;
            case 1 -> row == 0 ? Integer.MIN_VALUE : row == 1 ? Integer.MAX_VALUE : (int) (row * 31 - 1000);
            case 2 -> row == 0 ? Long.MIN_VALUE : row == 1 ? Long.MAX_VALUE : row * 1_000_003L;
            case 3 -> row == 0 ? Double.NaN : row == 1 ? -0.0 : row == 2 ? Double.NEGATIVE_INFINITY : row / 8.0;
            case 4 -> row == 0 ? "" : row == 1 ? "äöü ✓ 𝄞" : "s" + (row % 1000);
            case 5 -> LocalDate.ofEpochDay(row == 0 ? -719_162 : row - 5000);
            case 6 -> LocalDateTime.ofEpochSecond(row == 0 ? -62_135_596_800L : 1_700_000_000L + row * 61,
                    (int) (row % 1000) * 1000, ZoneOffset.UTC);
            default -> throw new IllegalArgumentException("column " + column);
        };
    }

    /** The rows {@code [from, from + count)} of {@link #ALL_TYPES}, as {@link #rows} reads them. */
    public static List<List<Object>> expected(long from, int count) {
        List<List<Object>> rows = new ArrayList<>(count);
        for (long row = from; row < from + count; row++) {
            Object[] values = new Object[ALL_TYPES.size()];
            for (int c = 0; c < values.length; c++) {
                values[c] = value(c, row);
            }
            rows.add(Arrays.asList(values));
        }
        return rows;
    }

    /** A batch of rows {@code [from, from + count)} of {@link #ALL_TYPES}; the caller closes it. */
    public static VectorSchemaRoot allTypes(BufferAllocator allocator, long from, int count) {
        VectorSchemaRoot root = VectorSchemaRoot.create(ArrowSchemas.toArrow(ALL_TYPES), allocator);
        root.allocateNew();
        for (int c = 0; c < ALL_TYPES.size(); c++) {
            FieldVector vector = root.getVector(c);
            for (int i = 0; i < count; i++) {
                set(vector, i, value(c, from + i));
            }
            vector.setValueCount(count);
        }
        root.setRowCount(count);
        return root;
    }

    /** Sets slot {@code index} of a vector of a DataJax type to a value as {@link #value} gives it. */
    public static void set(FieldVector vector, int index, Object value) {
        if (value == null) {
            if (vector instanceof VarCharVector varchar) {
                varchar.setNull(index);
            } else {
                ((org.apache.arrow.vector.BaseFixedWidthVector) vector).setNull(index);
            }
            return;
        }
        if (vector instanceof BitVector bits) {
            bits.setSafe(index, (Boolean) value ? 1 : 0);
        } else if (vector instanceof IntVector ints) {
            ints.setSafe(index, (Integer) value);
        } else if (vector instanceof BigIntVector longs) {
            longs.setSafe(index, (Long) value);
        } else if (vector instanceof Float8Vector doubles) {
            doubles.setSafe(index, (Double) value);
        } else if (vector instanceof VarCharVector varchar) {
            varchar.setSafe(index, ((String) value).getBytes(StandardCharsets.UTF_8));
        } else if (vector instanceof DateDayVector dates) {
            dates.setSafe(index, (int) ((LocalDate) value).toEpochDay());
        } else if (vector instanceof TimeStampMicroVector micros) {
            LocalDateTime time = (LocalDateTime) value;
            micros.setSafe(index, time.toEpochSecond(ZoneOffset.UTC) * 1_000_000 + time.getNano() / 1000);
        } else {
            throw new IllegalArgumentException("vector " + vector.getClass().getSimpleName());
        }
    }

    /** The rows of {@code batch}, each value as {@link #value} gives it. */
    public static List<List<Object>> rows(VectorSchemaRoot batch) {
        List<List<Object>> rows = new ArrayList<>(batch.getRowCount());
        for (int i = 0; i < batch.getRowCount(); i++) {
            Object[] values = new Object[batch.getFieldVectors().size()];
            for (int c = 0; c < values.length; c++) {
                values[c] = plain(batch.getVector(c), i);
            }
            rows.add(Arrays.asList(values));
        }
        return rows;
    }

    private static Object plain(FieldVector vector, int index) {
        if (vector.isNull(index)) {
            return null;
        }
        Object value = vector.getObject(index);
        if (value instanceof Text text) {
            return text.toString();
        } else if (vector instanceof DateDayVector) {
            return LocalDate.ofEpochDay((Integer) value);
        }
        return value;
    }

    /** What reading a whole source gave. */
    public record Read(List<List<Object>> rows, List<Schema> batchSchemas, int batches, ReadStats stats,
            FileSource.Parts parts) {
    }

    /** Reads every part of {@code source} that {@code request} does not skip. */
    public static Read readAll(FileSource source, ReadRequest request, BufferAllocator allocator) {
        FileSource.Parts parts = source.parts(request);
        List<List<Object>> rows = new ArrayList<>();
        List<Schema> schemas = new ArrayList<>();
        int[] batches = {0};
        ReadStats stats = ReadStats.NONE;
        for (SourcePart part : parts.parts()) {
            stats = stats.plus(source.read(part, request, allocator, batch -> {
                if (batch.getRowCount() > request.batchRows()) {
                    throw new AssertionError("batch of " + batch.getRowCount() + " rows > " + request.batchRows());
                }
                batches[0]++;
                schemas.add(ArrowSchemas.fromArrow(batch.getSchema()));
                rows.addAll(rows(batch));
            }));
        }
        return new Read(rows, schemas, batches[0], stats, parts);
    }

    /** Reads every column of {@code source}. */
    public static Read readAll(FileSource source, BufferAllocator allocator) {
        return readAll(source, ReadRequest.of(source.schema().names()), allocator);
    }

    /**
     * Writes a whole output of {@code sink}: one part per inner list, each batch of it written in order (the
     * caller keeps and closes the batches).
     */
    public static Path write(FileSink sink, Schema schema, List<List<VectorSchemaRoot>> parts,
            BufferAllocator allocator) {
        Path temp = SinkCommit.begin(sink);
        try {
            List<WrittenPart> written = new ArrayList<>();
            for (int p = 0; p < parts.size(); p++) {
                String name = SinkCommit.partName(sink, p);
                long rows = 0;
                try (PartWriter writer = sink.open(temp.resolve(name), schema, allocator)) {
                    for (VectorSchemaRoot batch : parts.get(p)) {
                        writer.write(batch);
                        rows += batch.getRowCount();
                    }
                    written.add(new WrittenPart(name, rows, writer.finish()));
                }
            }
            return SinkCommit.commit(sink, temp, written);
        } catch (RuntimeException e) {
            SinkCommit.abort(temp);
            throw e;
        }
    }
}
