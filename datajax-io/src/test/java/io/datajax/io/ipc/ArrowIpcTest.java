package io.datajax.io.ipc;

import static io.datajax.io.files.TestData.ALL_TYPES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datajax.io.FileSink;
import io.datajax.io.FileSource;
import io.datajax.io.ReadRequest;
import io.datajax.io.SourcePart;
import io.datajax.io.files.TestData;
import io.datajax.ir.DataType;
import io.datajax.ir.Field;
import io.datajax.ir.Schema;
import io.datajax.ir.Sharding;
import io.datajax.ir.error.DataJaxException;
import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.plan.PlanCodec;
import io.datajax.ir.plan.SourceScan;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.dictionary.DictionaryEncoder;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.ipc.ArrowWriter;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ArrowIpcTest {
    /** The two IPC formats, each with its source and sink. */
    enum Format {
        FILE(ArrowFileSource::of, ArrowFileSink::of, "arrow"),
        STREAM(ArrowStreamSource::of, ArrowStreamSink::of, "arrows");

        final Function<Path, FileSource> source;
        final Function<Path, FileSink> sink;
        final String extension;

        Format(Function<Path, FileSource> source, Function<Path, FileSink> sink, String extension) {
            this.source = source;
            this.sink = sink;
            this.extension = extension;
        }
    }

    @TempDir
    Path dir;

    private BufferAllocator allocator;

    @BeforeEach
    void createAllocator() {
        allocator = new RootAllocator();
    }

    @AfterEach
    void allocatorIsEmpty() {
        assertThat(allocator.getAllocatedMemory()).as("bytes still allocated").isZero();
        allocator.close();
    }

    private Path writeAllTypes(Format format, Path output, int... batchRowsPerPart) {
        List<List<VectorSchemaRoot>> parts = new ArrayList<>();
        long row = 0;
        List<VectorSchemaRoot> all = new ArrayList<>();
        for (int rows : batchRowsPerPart) {
            VectorSchemaRoot first = TestData.allTypes(allocator, row, rows / 2);
            VectorSchemaRoot second = TestData.allTypes(allocator, row + rows / 2, rows - rows / 2);
            parts.add(List.of(first, second));
            all.add(first);
            all.add(second);
            row += rows;
        }
        try {
            return TestData.write(format.sink.apply(output), ALL_TYPES, parts, allocator);
        } finally {
            all.forEach(VectorSchemaRoot::close);
        }
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void roundTripKeepsEveryTypeAndNull(Format format) {
        Path output = writeAllTypes(format, dir.resolve("out"), 100, 57);

        FileSource source = format.source.apply(output);
        TestData.Read read = TestData.readAll(source, new ReadRequest(ALL_TYPES.names(), Optional.empty(), 30),
                allocator);

        assertThat(source.schema()).isEqualTo(ALL_TYPES);
        assertThat(source.files()).hasSize(2).allMatch(f -> f.endsWith("." + format.extension));
        assertThat(read.rows()).isEqualTo(TestData.expected(0, 157));
        assertThat(read.batchSchemas()).containsOnly(ALL_TYPES);
        assertThat(read.stats().rows()).isEqualTo(157);
        assertThat(read.stats().bytesRead()).isPositive();
    }

    @Test
    void fileFormatPartsAreTheRecordBatchesOfEachFile() {
        Path output = writeAllTypes(Format.FILE, dir.resolve("out"), 100, 57);

        List<SourcePart> parts = ArrowFileSource.of(output).parts(ReadRequest.of(List.of("i"))).parts();

        assertThat(parts).extracting(SourcePart::index).containsExactly(0, 1, 0, 1);
        assertThat(parts).extracting(SourcePart::file).allMatch(f -> f.endsWith(".arrow"));
        assertThat(parts.get(1).start()).isGreaterThan(parts.get(0).start());
        assertThat(parts).allMatch(p -> p.length() > 0);
        List<List<Object>> second = new ArrayList<>();
        ArrowFileSource.of(output).read(parts.get(1), ReadRequest.of(List.of("i")), allocator,
                batch -> second.addAll(TestData.rows(batch)));
        assertThat(second).hasSize(50).first().isEqualTo(List.of(TestData.value(1, 50)));
    }

    @Test
    void streamFormatHasOnePartPerFile() {
        Path output = writeAllTypes(Format.STREAM, dir.resolve("out"), 100, 57);

        FileSource.Parts parts = ArrowStreamSource.of(output).parts(ReadRequest.of(List.of("i")));

        assertThat(parts.parts()).extracting(SourcePart::index).containsExactly(0, 0);
        assertThat(parts.skipped()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void projectionHandsOnOnlyTheRequestedColumns(Format format) {
        Path output = writeAllTypes(format, dir.resolve("out"), 40);

        TestData.Read read = TestData.readAll(format.source.apply(output), ReadRequest.of(List.of("l", "ts")),
                allocator);

        assertThat(read.batchSchemas()).containsOnly(new Schema(List.of(ALL_TYPES.field("l"), ALL_TYPES.field("ts"))));
        assertThat(read.rows()).hasSize(40).element(5).isEqualTo(List.of(TestData.value(2, 5), TestData.value(6, 5)));
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void zeroRowOutputReadsAsNoRows(Format format) {
        Path output = TestData.write(format.sink.apply(dir.resolve("empty")), ALL_TYPES, List.of(List.of()),
                allocator);

        FileSource source = format.source.apply(output);
        TestData.Read read = TestData.readAll(source, allocator);

        assertThat(source.schema()).isEqualTo(ALL_TYPES);
        assertThat(read.rows()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void directoryWithoutFilesOfTheFormatIsAnErrorNamingIt(Format format) throws IOException {
        Path empty = Files.createDirectory(dir.resolve("nothing-here"));
        Files.writeString(empty.resolve("notes.txt"), "hello");

        assertThatThrownBy(() -> format.source.apply(empty))
                .isInstanceOf(DataJaxException.class)
                .hasMessageContaining(empty.toString())
                .hasMessageContaining("*." + format.extension)
                .hasMessageContaining("notes.txt");
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void wideFileOf600ColumnsRoundTrips(Format format) {
        List<Field> fields = new ArrayList<>();
        for (int c = 0; c < 600; c++) {
            fields.add(Field.of("c" + c, c % 2 == 0 ? DataType.INT64 : DataType.STRING));
        }
        Schema wide = new Schema(fields);
        Path output;
        try (VectorSchemaRoot batch = VectorSchemaRoot.create(io.datajax.io.ArrowSchemas.toArrow(wide), allocator)) {
            batch.allocateNew();
            for (int c = 0; c < 600; c++) {
                for (int r = 0; r < 10; r++) {
                    TestData.set(batch.getVector(c), r, r == c % 10 ? null : c % 2 == 0 ? (Object) (long) (c * r)
                            : c + ":" + r);
                }
                batch.getVector(c).setValueCount(10);
            }
            batch.setRowCount(10);
            output = TestData.write(format.sink.apply(dir.resolve("wide")), wide, List.of(List.of(batch)),
                    allocator);
        }

        FileSource source = format.source.apply(output);
        TestData.Read read = TestData.readAll(source, allocator);

        assertThat(source.schema()).isEqualTo(wide);
        assertThat(read.rows()).hasSize(10);
        assertThat(read.rows().get(3).get(599)).isEqualTo("599:3");
        assertThat(read.rows().get(4).get(598)).isEqualTo(598L * 4);
        assertThat(read.rows().get(8).get(598)).isNull();
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void longFileOfAMillionRowsReadsInBatchesOfTheRequestedSize(Format format) {
        Schema schema = new Schema(List.of(Field.of("k", DataType.INT64), Field.of("v", DataType.INT32)));
        int batches = 8;
        int rowsPerBatch = 125_000;
        List<VectorSchemaRoot> written = new ArrayList<>();
        Path output;
        try {
            for (int b = 0; b < batches; b++) {
                VectorSchemaRoot batch = VectorSchemaRoot.create(io.datajax.io.ArrowSchemas.toArrow(schema), allocator);
                written.add(batch);
                BigIntVector k = (BigIntVector) batch.getVector(0);
                IntVector v = (IntVector) batch.getVector(1);
                k.allocateNew(rowsPerBatch);
                v.allocateNew(rowsPerBatch);
                for (int r = 0; r < rowsPerBatch; r++) {
                    long row = (long) b * rowsPerBatch + r;
                    k.set(r, row);
                    if (row % 10 != 0) {
                        v.set(r, (int) (row % 1000));
                    }
                }
                k.setValueCount(rowsPerBatch);
                v.setValueCount(rowsPerBatch);
                batch.setRowCount(rowsPerBatch);
            }
            output = TestData.write(format.sink.apply(dir.resolve("long")), schema, List.of(written), allocator);
        } finally {
            written.forEach(VectorSchemaRoot::close);
        }

        FileSource source = format.source.apply(output);
        ReadRequest request = new ReadRequest(schema.names(), Optional.empty(), 100_000);
        long[] sums = new long[4];
        for (SourcePart part : source.parts(request).parts()) {
            source.read(part, request, allocator, batch -> {
                BigIntVector k = (BigIntVector) batch.getVector(0);
                IntVector v = (IntVector) batch.getVector(1);
                assertThat(k.get(0)).isEqualTo(sums[0]);
                for (int r = 0; r < batch.getRowCount(); r++) {
                    sums[1] += k.get(r);
                    if (!v.isNull(r)) {
                        sums[2] += v.get(r);
                    }
                }
                sums[0] += batch.getRowCount();
                sums[3]++;
            });
        }

        long n = (long) batches * rowsPerBatch;
        assertThat(sums[0]).isEqualTo(n);
        assertThat(sums[1]).isEqualTo(n * (n - 1) / 2);
        assertThat(sums[2]).isEqualTo(n / 1000 * (499_500 - 49_500));
        assertThat(sums[3]).isEqualTo(16);
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void dictionaryEncodedStringsAreReadAsPlainStrings(Format format) throws IOException {
        Path file = dir.resolve("dict." + format.extension);
        try (VarCharVector dictionaryValues = new VarCharVector("dict", allocator);
                VarCharVector plain = new VarCharVector("city", allocator)) {
            dictionaryValues.allocateNew();
            dictionaryValues.setSafe(0, "Bern".getBytes(StandardCharsets.UTF_8));
            dictionaryValues.setSafe(1, "Genève".getBytes(StandardCharsets.UTF_8));
            dictionaryValues.setValueCount(2);
            plain.allocateNew();
            String[] cities = {"Genève", null, "Bern", "Genève"};
            for (int i = 0; i < cities.length; i++) {
                TestData.set(plain, i, cities[i]);
            }
            plain.setValueCount(cities.length);
            Dictionary dictionary = new Dictionary(dictionaryValues, new DictionaryEncoding(7, false,
                    new ArrowType.Int(32, true)));
            try (FieldVector encoded = (FieldVector) DictionaryEncoder.encode(plain, dictionary);
                    IntVector id = new IntVector("id", allocator)) {
                id.allocateNew(4);
                for (int i = 0; i < 4; i++) {
                    id.set(i, i);
                }
                id.setValueCount(4);
                DictionaryProvider.MapDictionaryProvider provider = new DictionaryProvider.MapDictionaryProvider();
                provider.put(dictionary);
                try (VectorSchemaRoot root = new VectorSchemaRoot(List.of(id, encoded));
                        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW,
                                StandardOpenOption.WRITE);
                        ArrowWriter writer = format == Format.FILE ? new ArrowFileWriter(root, provider, channel)
                                : new ArrowStreamWriter(root, provider, channel)) {
                    root.setRowCount(4);
                    writer.start();
                    writer.writeBatch();
                    writer.end();
                }
            }
        }

        FileSource source = format.source.apply(file);
        TestData.Read read = TestData.readAll(source, allocator);

        assertThat(source.schema()).isEqualTo(new Schema(List.of(Field.of("id", DataType.INT32),
                Field.of("city", DataType.STRING))));
        assertThat(read.batchSchemas()).containsOnly(source.schema());
        assertThat(read.rows()).extracting(row -> row.get(1)).containsExactly("Genève", null, "Bern", "Genève");
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void truncatedFileIsMalformedInputNamingTheFile(Format format) throws IOException {
        Path output = writeAllTypes(format, dir.resolve("out"), 100);
        Path part = output.resolve("part-00000." + format.extension);
        byte[] bytes = Files.readAllBytes(part);
        Path truncated = dir.resolve("truncated." + format.extension);
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length * 2 / 3));

        assertThatThrownBy(() -> TestData.readAll(format.source.apply(truncated), allocator))
                .isInstanceOfSatisfying(DataJaxException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_INPUT))
                .hasMessageContaining(truncated.toString());
    }

    @Test
    void garbageFileIsMalformedInputNamingTheFile() throws IOException {
        Path garbage = dir.resolve("garbage.arrow");
        Files.writeString(garbage, "ARROW1 this is not an Arrow file at all ARROW1");

        assertThatThrownBy(() -> ArrowFileSource.of(garbage))
                .isInstanceOfSatisfying(DataJaxException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_INPUT))
                .hasMessageContaining(garbage.toString());
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void filesWithDifferentColumnsAreRejectedNamingTheFile(Format format) throws IOException {
        Path output = writeAllTypes(format, dir.resolve("out"), 10);
        Schema other = new Schema(List.of(Field.of("x", DataType.INT32)));
        Path second = TestData.write(format.sink.apply(dir.resolve("other")), other, List.of(List.of()), allocator);
        Path mixed = Files.createDirectory(dir.resolve("mixed"));
        Files.copy(output.resolve("part-00000." + format.extension), mixed.resolve("a." + format.extension));
        Files.copy(second.resolve("part-00000." + format.extension), mixed.resolve("b." + format.extension));

        assertThatThrownBy(() -> format.source.apply(mixed))
                .isInstanceOfSatisfying(DataJaxException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.TYPE_MISMATCH))
                .hasMessageContaining(mixed.resolve("b." + format.extension).toString())
                .hasMessageContaining("x INT32");
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void sinkRefusesAnExistingDirectoryUnlessOverwriting(Format format) {
        Path output = writeAllTypes(format, dir.resolve("out"), 10);

        assertThatThrownBy(() -> writeAllTypes(format, output, 10))
                .isInstanceOfSatisfying(DataJaxException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.TARGET_EXISTS));
        FileSink overwriting = format == Format.FILE ? ArrowFileSink.of(output).overwriting()
                : ArrowStreamSink.of(output).overwriting();
        TestData.write(overwriting, ALL_TYPES, List.of(List.of()), allocator);
        assertThat(TestData.readAll(format.source.apply(output), allocator).rows()).isEmpty();
        assertThat(overwriting.describe()).isEqualTo(overwriting.format() + "(" + output + ", overwrite)");
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void sourceScanRoundTripsThroughThePlanCodec(Format format) {
        Path output = writeAllTypes(format, dir.resolve("out"), 10);
        FileSource source = format.source.apply(output);
        SourceScan scan = SourceScan.of(source, Sharding.blocks())
                .withSchema(new Schema(List.of(ALL_TYPES.field("i"), ALL_TYPES.field("s"))));

        SourceScan decoded = (SourceScan) PlanCodec.decode(PlanCodec.encode(scan));

        assertThat(decoded).isEqualTo(scan);
        assertThat(decoded.source().describe()).isEqualTo(format.source.apply(output).format() + "(" + output + ")");
        assertThat(TestData.readAll((FileSource) decoded.source(), allocator).rows()).hasSize(10);
    }

    @Test
    void writerClosedBeforeFinishingLeavesNoFile() {
        Path file = dir.resolve("unfinished.arrow");
        try (VectorSchemaRoot batch = TestData.allTypes(allocator, 0, 5);
                io.datajax.io.PartWriter writer = ArrowFileSink.of(dir.resolve("x")).open(file, ALL_TYPES,
                        allocator)) {
            writer.write(batch);
        }
        assertThat(file).doesNotExist();
    }
}
