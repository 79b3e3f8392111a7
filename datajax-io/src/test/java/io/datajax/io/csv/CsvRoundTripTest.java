package io.datajax.io.csv;

import static org.assertj.core.api.Assertions.assertThat;

import io.datajax.io.PartWriter;
import io.datajax.io.SinkCommit;
import io.datajax.io.WrittenPart;
import io.datajax.ir.DataType;
import io.datajax.ir.Field;
import io.datajax.ir.Schema;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import io.datajax.io.ArrowSchemas;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvRoundTripTest {
    private static final Schema ALL_TYPES = Schema.of(Field.of("flag", DataType.BOOLEAN),
            Field.of("small", DataType.INT32), Field.of("id", DataType.INT64), Field.of("x", DataType.FLOAT64),
            Field.of("name", DataType.STRING), Field.of("day", DataType.DATE), Field.of("at", DataType.TIMESTAMP));

    @TempDir
    Path dir;
    private BufferAllocator allocator;

    @BeforeEach
    void setUp() {
        allocator = new RootAllocator();
    }

    @AfterEach
    void tearDown() {
        assertThat(allocator.getAllocatedMemory()).isZero();
        allocator.close();
    }

    private static List<List<Object>> allTypeRows() {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(Arrays.asList(true, 1, 10L, 1.5, "plain", 0, LocalDateTime.of(2024, 5, 31, 10, 15, 30)));
        rows.add(Arrays.asList(null, null, null, null, null, null, null));
        rows.add(Arrays.asList(false, Integer.MIN_VALUE, Long.MIN_VALUE, Double.NaN, "", -1,
                LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_000)));
        rows.add(Arrays.asList(true, Integer.MAX_VALUE, Long.MAX_VALUE, Double.POSITIVE_INFINITY, "a,b",
                (int) LocalDate.of(9999, 12, 31).toEpochDay(), LocalDateTime.of(2000, 2, 29, 0, 0, 0, 1000)));
        rows.add(Arrays.asList(false, 0, 0L, Double.NEGATIVE_INFINITY, "say \"hi\"\nand\r\nbye",
                (int) LocalDate.of(-44, 3, 15).toEpochDay(), LocalDateTime.of(12_000, 1, 1, 0, 0)));
        rows.add(Arrays.asList(true, -7, 1L << 53, -0.0, "ünïcödé ✓", (int) LocalDate.of(1, 1, 1).toEpochDay(),
                LocalDateTime.of(1, 1, 1, 0, 0)));
        rows.add(Arrays.asList(false, 42, -1L, 0.1 + 0.2, " spaced ", 19_000, LocalDateTime.of(2024, 1, 1, 0, 0)));
        rows.add(Arrays.asList(true, 3, 3L, 1e300, "NA", 1, LocalDateTime.of(2024, 1, 1, 12, 0, 0, 500_000_000)));
        rows.add(Arrays.asList(false, 4, 4L, 4.9e-324, "x", 2, LocalDateTime.of(2024, 1, 1, 12, 0, 0, 123_456_000)));
        rows.add(Arrays.asList(true, 5, 5L, 123456789.0, "y", 3, LocalDateTime.of(2024, 1, 1, 12, 0)));
        return rows;
    }

    @Test
    void everyTypeWithNullsReadsBackAsWritten() {
        Path file = dir.resolve("all.csv");
        List<List<Object>> rows = allTypeRows();
        try (VectorSchemaRoot batch = batchOf(ALL_TYPES, rows); PartWriter writer = CsvSink.of(dir,
                CsvOptions.defaults()).open(file, ALL_TYPES, allocator)) {
            writer.write(batch);
            writer.finish();
        }
        CsvSource source = CsvSource.of(file, CsvOptions.defaults().withSchema(ALL_TYPES));
        assertThat(CsvReads.readAll(source, allocator).rows()).isEqualTo(rows);
    }

    @Test
    void nullTokensOtherThanEmptyRoundTripAndQuoteStringsEqualToThem() throws Exception {
        Path file = dir.resolve("na.csv");
        CsvOptions options = CsvOptions.defaults().withNullTokens("NA", "").withDelimiter(';');
        List<List<Object>> rows = allTypeRows();
        try (VectorSchemaRoot batch = batchOf(ALL_TYPES, rows);
                PartWriter writer = CsvSink.of(dir, options).open(file, ALL_TYPES, allocator)) {
            writer.write(batch);
            writer.finish();
        }
        assertThat(Files.readString(file)).contains(";\"NA\";").contains("NA;NA;NA");
        CsvSource source = CsvSource.of(file, options.withSchema(ALL_TYPES));
        assertThat(CsvReads.readAll(source, allocator).rows()).isEqualTo(rows);
    }

    @Test
    void inferredSchemaOfWrittenFileHasTheWrittenTypesExceptInt32() {
        Path file = dir.resolve("all.csv");
        try (VectorSchemaRoot batch = batchOf(ALL_TYPES, allTypeRows().subList(0, 3));
                PartWriter writer = CsvSink.of(dir, CsvOptions.defaults()).open(file, ALL_TYPES, allocator)) {
            writer.write(batch);
            writer.finish();
        }
        assertThat(CsvSource.of(file, CsvOptions.defaults()).schema().toString())
                .isEqualTo("(flag BOOLEAN, small INT64, id INT64, x FLOAT64, name STRING, day DATE, at TIMESTAMP)");
    }

    @Test
    void oneColumnNullRowsReadBackAsNullNotAsBlankLinesSkipped() {
        Schema schema = Schema.of(Field.of("s", DataType.STRING));
        Path file = dir.resolve("one.csv");
        List<List<Object>> rows = List.of(Arrays.asList("a"), Arrays.asList((Object) null), Arrays.asList(""),
                Arrays.asList("b"));
        try (VectorSchemaRoot batch = batchOf(schema, rows);
                PartWriter writer = CsvSink.of(dir, CsvOptions.defaults()).open(file, schema, allocator)) {
            writer.write(batch);
            writer.finish();
        }
        CsvSource source = CsvSource.of(file, CsvOptions.defaults().withSchema(schema));
        assertThat(CsvReads.readAll(source, allocator).rows()).isEqualTo(rows);
    }

    @Test
    void valuesSpelledLikeANullTokenAreQuotedAndReadBackAsValues() throws Exception {
        Schema schema = Schema.of(Field.of("n", DataType.INT64), Field.of("flag", DataType.BOOLEAN),
                Field.of("s", DataType.STRING));
        CsvOptions options = CsvOptions.defaults().withNullTokens("0", "false");
        Path file = dir.resolve("zero.csv");
        List<List<Object>> rows = List.of(Arrays.asList(0L, false, "0"), Arrays.asList(null, null, null),
                Arrays.asList(10L, true, "false"));
        try (VectorSchemaRoot batch = batchOf(schema, rows);
                PartWriter writer = CsvSink.of(dir, options).open(file, schema, allocator)) {
            writer.write(batch);
            writer.finish();
        }
        assertThat(Files.readString(file)).isEqualTo("n,flag,s\n\"0\",\"false\",\"0\"\n0,0,0\n10,true,\"false\"\n");
        assertThat(CsvReads.readAll(CsvSource.of(file, options.withSchema(schema)), allocator).rows()).isEqualTo(rows);
    }

    @Test
    void customDateAndTimestampFormatsRoundTrip() throws Exception {
        Schema schema = Schema.of(Field.of("day", DataType.DATE), Field.of("at", DataType.TIMESTAMP));
        CsvOptions options = CsvOptions.defaults().withDateFormat("dd.MM.yyyy")
                .withTimestampFormat("yyyy/MM/dd HH:mm:ss.SSSSSS");
        Path file = dir.resolve("formats.csv");
        List<List<Object>> rows = List.of(Arrays.asList((int) LocalDate.of(2024, 5, 31).toEpochDay(),
                LocalDateTime.of(2024, 5, 31, 1, 2, 3, 4000)), Arrays.asList(null, null));
        try (VectorSchemaRoot batch = batchOf(schema, rows);
                PartWriter writer = CsvSink.of(dir, options).open(file, schema, allocator)) {
            writer.write(batch);
            writer.finish();
        }
        assertThat(Files.readString(file)).isEqualTo("day,at\n31.05.2024,2024/05/31 01:02:03.000004\n,\n");
        assertThat(CsvReads.readAll(CsvSource.of(file, options.withSchema(schema)), allocator).rows()).isEqualTo(rows);
    }

    @Test
    void headerNamesHoldingTheDelimiterOrQuoteAreQuoted() throws Exception {
        Schema schema = Schema.of(Field.of("a,b", DataType.INT64), Field.of("say \"x\"", DataType.INT64));
        Path file = dir.resolve("names.csv");
        try (VectorSchemaRoot batch = batchOf(schema, List.of(Arrays.asList(1L, 2L)));
                PartWriter writer = CsvSink.of(dir, CsvOptions.defaults()).open(file, schema, allocator)) {
            writer.write(batch);
            writer.finish();
        }
        assertThat(Files.readString(file)).isEqualTo("\"a,b\",\"say \"\"x\"\"\"\n1,2\n");
        assertThat(CsvSource.of(file, CsvOptions.defaults()).schema()).isEqualTo(schema);
    }

    @Test
    void closingAnUnfinishedWriterDeletesTheFile() {
        Path file = dir.resolve("partial.csv");
        try (VectorSchemaRoot batch = batchOf(ALL_TYPES, allTypeRows());
                PartWriter writer = CsvSink.of(dir, CsvOptions.defaults()).open(file, ALL_TYPES, allocator)) {
            writer.write(batch);
            assertThat(file).exists();
        }
        assertThat(file).doesNotExist();
    }

    @Test
    void twoPartsCommittedThroughSinkCommitReadBackAsOneSource() throws Exception {
        Path target = dir.resolve("out");
        CsvSink sink = CsvSink.of(target, CsvOptions.defaults());
        List<List<Object>> rows = allTypeRows();
        Path temp = SinkCommit.begin(sink);
        List<WrittenPart> written = new ArrayList<>();
        for (int index = 0; index < 2; index++) {
            List<List<Object>> half = index == 0 ? rows.subList(0, 4) : rows.subList(4, rows.size());
            String name = SinkCommit.partName(sink, index);
            try (VectorSchemaRoot batch = batchOf(ALL_TYPES, half);
                    PartWriter writer = sink.open(temp.resolve(name), ALL_TYPES, allocator)) {
                writer.write(batch);
                written.add(new WrittenPart(name, half.size(), writer.finish()));
            }
        }
        Path committed = SinkCommit.commit(sink, temp, written);
        assertThat(committed).isEqualTo(target);
        assertThat(Files.readString(target.resolve(SinkCommit.MANIFEST), StandardCharsets.UTF_8))
                .contains("part-00000.csv", "part-00001.csv", "\"rows\": 10");
        CsvSource source = CsvSource.of(target, CsvOptions.defaults().withSchema(ALL_TYPES));
        assertThat(source.files()).hasSize(2);
        assertThat(CsvReads.readAll(source, allocator).rows()).isEqualTo(rows);
    }

    /** A batch of {@code schema} holding {@code rows} (values as {@link CsvReads#rowsOf} returns them). */
    private VectorSchemaRoot batchOf(Schema schema, List<List<Object>> rows) {
        VectorSchemaRoot root = VectorSchemaRoot.create(ArrowSchemas.toArrow(schema), allocator);
        root.allocateNew();
        for (int c = 0; c < schema.size(); c++) {
            var vector = root.getVector(c);
            for (int r = 0; r < rows.size(); r++) {
                Object value = rows.get(r).get(c);
                if (value == null) {
                    continue;
                }
                switch (schema.field(c).type()) {
                    case BOOLEAN -> ((BitVector) vector).setSafe(r, (Boolean) value ? 1 : 0);
                    case INT32 -> ((IntVector) vector).setSafe(r, (Integer) value);
                    case INT64 -> ((BigIntVector) vector).setSafe(r, (Long) value);
                    case FLOAT64 -> ((Float8Vector) vector).setSafe(r, (Double) value);
                    case STRING -> ((VarCharVector) vector).setSafe(r, ((String) value).getBytes(StandardCharsets.UTF_8));
                    case DATE -> ((DateDayVector) vector).setSafe(r, (Integer) value);
                    case TIMESTAMP -> {
                        LocalDateTime time = (LocalDateTime) value;
                        long micros = Math.addExact(Math.multiplyExact(time.toLocalDate().toEpochDay(), 86_400_000_000L),
                                time.toLocalTime().toNanoOfDay() / 1000);
                        ((TimeStampMicroVector) vector).setSafe(r, micros);
                    }
                    default -> throw new IllegalArgumentException();
                }
            }
        }
        root.setRowCount(rows.size());
        return root;
    }
}
