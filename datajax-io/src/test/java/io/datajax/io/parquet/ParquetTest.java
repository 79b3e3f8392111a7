package io.datajax.io.parquet;

import static io.datajax.io.files.TestData.ALL_TYPES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datajax.io.ArrowSchemas;
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
import io.datajax.ir.expr.ColumnRef;
import io.datajax.ir.expr.Comparison;
import io.datajax.ir.expr.ComparisonOp;
import io.datajax.ir.expr.Expr;
import io.datajax.ir.expr.IsNull;
import io.datajax.ir.expr.Literal;
import io.datajax.ir.expr.Logical;
import io.datajax.ir.expr.LogicalOp;
import io.datajax.ir.expr.Not;
import io.datajax.ir.plan.PlanCodec;
import io.datajax.ir.plan.SourceScan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ParquetTest {
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

    private Path writeAllTypes(ParquetSink sink, int... rowsPerPart) {
        List<List<VectorSchemaRoot>> parts = new ArrayList<>();
        List<VectorSchemaRoot> all = new ArrayList<>();
        long row = 0;
        for (int rows : rowsPerPart) {
            VectorSchemaRoot first = TestData.allTypes(allocator, row, rows / 2);
            VectorSchemaRoot second = TestData.allTypes(allocator, row + rows / 2, rows - rows / 2);
            parts.add(List.of(first, second));
            all.add(first);
            all.add(second);
            row += rows;
        }
        try {
            return TestData.write(sink, ALL_TYPES, parts, allocator);
        } finally {
            all.forEach(VectorSchemaRoot::close);
        }
    }

    @ParameterizedTest
    @EnumSource(ParquetCompression.class)
    void roundTripKeepsEveryTypeAndNull(ParquetCompression compression) {
        Path output = writeAllTypes(ParquetSink.of(dir.resolve("out")).withCompression(compression)
                .withRowGroupRows(40), 100, 57);

        ParquetSource source = ParquetSource.of(output);
        TestData.Read read = TestData.readAll(source, new ReadRequest(ALL_TYPES.names(), Optional.empty(), 30),
                allocator);

        assertThat(source.schema()).isEqualTo(ALL_TYPES);
        assertThat(read.parts().parts()).hasSize(3 + 2);
        assertThat(read.rows()).isEqualTo(TestData.expected(0, 157));
        assertThat(read.batchSchemas()).containsOnly(ALL_TYPES);
        assertThat(read.stats().rows()).isEqualTo(157);
    }

    @Test
    void partsAreTheRowGroupsOfEachFileWithTheirByteRanges() throws IOException {
        Path output = writeAllTypes(ParquetSink.of(dir.resolve("out")).withRowGroupRows(40), 100);

        List<SourcePart> parts = ParquetSource.of(output).parts(ReadRequest.of(List.of("i"))).parts();

        assertThat(parts).extracting(SourcePart::index).containsExactly(0, 1, 2);
        assertThat(parts.get(0).start()).isEqualTo(4);
        assertThat(parts.get(1).start()).isEqualTo(parts.get(0).start() + parts.get(0).length());
        assertThat(parts.get(2).start() + parts.get(2).length())
                .isLessThan(Files.size(output.resolve("part-00000.parquet")));
    }

    @Test
    void projectionReadsOnlyTheRequestedColumnChunks() {
        Path output = writeAllTypes(ParquetSink.of(dir.resolve("out")), 2000);
        ParquetSource source = ParquetSource.of(output);

        TestData.Read all = TestData.readAll(source, allocator);
        TestData.Read two = TestData.readAll(source, ReadRequest.of(List.of("i", "dt")), allocator);

        assertThat(two.batchSchemas()).containsOnly(new Schema(List.of(ALL_TYPES.field("i"), ALL_TYPES.field("dt"))));
        assertThat(two.rows()).extracting(row -> row.get(1))
                .isEqualTo(TestData.expected(0, 2000).stream().map(row -> row.get(5)).toList());
        assertThat(two.stats().bytesRead()).isPositive().isLessThan(all.stats().bytesRead() / 3);
    }

    @Test
    void zeroRowOutputReadsAsNoRows() {
        Path output = TestData.write(ParquetSink.of(dir.resolve("empty")), ALL_TYPES, List.of(List.of()), allocator);

        ParquetSource source = ParquetSource.of(output);
        TestData.Read read = TestData.readAll(source, allocator);

        assertThat(source.schema()).isEqualTo(ALL_TYPES);
        assertThat(read.parts().parts()).isEmpty();
        assertThat(read.rows()).isEmpty();
    }

    @Test
    void directoryWithoutParquetFilesIsAnErrorNamingIt() throws IOException {
        Path empty = Files.createDirectory(dir.resolve("nothing-here"));

        assertThatThrownBy(() -> ParquetSource.of(empty))
                .isInstanceOf(DataJaxException.class)
                .hasMessageContaining(empty.toString())
                .hasMessageContaining("*.parquet")
                .hasMessageContaining("it is empty");
    }

    @Test
    void wideFileOf600ColumnsRoundTrips() {
        List<Field> fields = new ArrayList<>();
        for (int c = 0; c < 600; c++) {
            fields.add(Field.of("c" + c, c % 3 == 0 ? DataType.STRING : c % 3 == 1 ? DataType.INT64 : DataType.FLOAT64));
        }
        Schema wide = new Schema(fields);
        Path output;
        try (VectorSchemaRoot batch = VectorSchemaRoot.create(ArrowSchemas.toArrow(wide), allocator)) {
            batch.allocateNew();
            for (int c = 0; c < 600; c++) {
                for (int r = 0; r < 10; r++) {
                    Object value = r == c % 10 ? null : c % 3 == 0 ? c + ":" + r : c % 3 == 1 ? (Object) (long) (c * r)
                            : (Object) (c * r / 4.0);
                    TestData.set(batch.getVector(c), r, value);
                }
                batch.getVector(c).setValueCount(10);
            }
            batch.setRowCount(10);
            output = TestData.write(ParquetSink.of(dir.resolve("wide")), wide, List.of(List.of(batch)), allocator);
        }

        ParquetSource source = ParquetSource.of(output);
        TestData.Read read = TestData.readAll(source, allocator);

        assertThat(source.schema()).isEqualTo(wide);
        assertThat(read.rows()).hasSize(10);
        assertThat(read.rows().get(3).get(597)).isEqualTo("597:3");
        assertThat(read.rows().get(4).get(598)).isEqualTo(598L * 4);
        assertThat(read.rows().get(8).get(598)).isNull();
        assertThat(read.rows().get(4).get(599)).isEqualTo(599 * 4 / 4.0);
        assertThat(read.rows().get(9).get(599)).isNull();
    }

    private static final Schema KEYS = new Schema(List.of(Field.of("x", DataType.INT64), Field.of("y", DataType.INT32)));

    /** Rows {@code 0..rows-1}: x = row (sorted), y = row % 1000 except null when {@code nullY} says so. */
    private Path writeKeys(ParquetSink sink, int rows, int batchRows, java.util.function.LongPredicate nullY) {
        List<VectorSchemaRoot> batches = new ArrayList<>();
        try {
            for (int from = 0; from < rows; from += batchRows) {
                int count = Math.min(batchRows, rows - from);
                VectorSchemaRoot batch = VectorSchemaRoot.create(ArrowSchemas.toArrow(KEYS), allocator);
                batches.add(batch);
                BigIntVector x = (BigIntVector) batch.getVector(0);
                IntVector y = (IntVector) batch.getVector(1);
                x.allocateNew(count);
                y.allocateNew(count);
                for (int r = 0; r < count; r++) {
                    long row = from + r;
                    x.set(r, row);
                    if (!nullY.test(row)) {
                        y.set(r, (int) (row % 1000));
                    }
                }
                x.setValueCount(count);
                y.setValueCount(count);
                batch.setRowCount(count);
            }
            return TestData.write(sink, KEYS, List.of(batches), allocator);
        } finally {
            batches.forEach(VectorSchemaRoot::close);
        }
    }

    @Test
    void longFileOfAMillionRowsReadsInRowGroupsAndBatchesOfTheRequestedSize() {
        int rows = 1_000_000;
        Path output = writeKeys(ParquetSink.of(dir.resolve("long")).withRowGroupRows(250_000), rows, 65_536,
                row -> row % 10 == 0);

        ParquetSource source = ParquetSource.of(output);
        ReadRequest request = new ReadRequest(KEYS.names(), Optional.empty(), 100_000);
        long[] sums = new long[4];
        List<SourcePart> parts = source.parts(request).parts();
        for (SourcePart part : parts) {
            source.read(part, request, allocator, batch -> {
                BigIntVector x = (BigIntVector) batch.getVector(0);
                IntVector y = (IntVector) batch.getVector(1);
                assertThat(x.get(0)).isEqualTo(sums[0]);
                for (int r = 0; r < batch.getRowCount(); r++) {
                    sums[1] += x.get(r);
                    if (!y.isNull(r)) {
                        sums[2] += y.get(r);
                    }
                }
                sums[0] += batch.getRowCount();
                sums[3]++;
            });
        }

        assertThat(parts).hasSize(4);
        assertThat(sums[0]).isEqualTo(rows);
        assertThat(sums[1]).isEqualTo((long) rows * (rows - 1) / 2);
        assertThat(sums[2]).isEqualTo(rows / 1000 * (499_500L - 49_500L));
        assertThat(sums[3]).isEqualTo(4 * 3);
    }

    private static Expr x(ComparisonOp op, long value) {
        return new Comparison(op, new ColumnRef("x", DataType.INT64, true), Literal.of(value));
    }

    private static Expr and(Expr left, Expr right) {
        return new Logical(LogicalOp.AND, left, right);
    }

    private static final ColumnRef Y = new ColumnRef("y", DataType.INT32, true);

    private List<Integer> kept(ParquetSource source, Expr filter) {
        return source.parts(new ReadRequest(KEYS.names(), Optional.of(filter), 1024)).parts().stream()
                .map(SourcePart::index).toList();
    }

    @Test
    void rowGroupsThatStatisticsRuleOutAreSkipped() {
        // 10 row groups of 100 rows: x 0..999 sorted; y null in all of row group 3 and in row 550.
        Path output = writeKeys(ParquetSink.of(dir.resolve("keys")).withRowGroupRows(100), 1000, 1000,
                row -> row / 100 == 3 || row == 550);
        ParquetSource source = ParquetSource.of(output);

        FileSource.Parts parts = source.parts(new ReadRequest(KEYS.names(), Optional.of(x(ComparisonOp.GT, 849)),
                1024));
        assertThat(parts.parts()).extracting(SourcePart::index).containsExactly(8, 9);
        assertThat(parts.skipped()).isEqualTo(8);
        assertThat(parts.skippedBytes()).isPositive();

        assertThat(kept(source, x(ComparisonOp.GE, 900))).containsExactly(9);
        assertThat(kept(source, x(ComparisonOp.LT, 100))).containsExactly(0);
        assertThat(kept(source, x(ComparisonOp.LE, 100))).containsExactly(0, 1);
        assertThat(kept(source, x(ComparisonOp.EQ, 555))).containsExactly(5);
        assertThat(kept(source, x(ComparisonOp.NE, 555))).hasSize(10);
        assertThat(kept(source, new Comparison(ComparisonOp.LT, Literal.of(849L),
                new ColumnRef("x", DataType.INT64, true)))).containsExactly(8, 9);
        assertThat(kept(source, new Comparison(ComparisonOp.GT, new ColumnRef("x", DataType.INT64, true),
                Literal.of(849.5)))).containsExactly(8, 9);
        assertThat(kept(source, and(x(ComparisonOp.GE, 200), x(ComparisonOp.LT, 400)))).containsExactly(2, 3);
        assertThat(kept(source, new Not(x(ComparisonOp.LT, 900)))).containsExactly(9);
        assertThat(kept(source, new Logical(LogicalOp.OR, x(ComparisonOp.LT, 100), x(ComparisonOp.GE, 900))))
                .containsExactly(0, 9);
        assertThat(kept(source, x(ComparisonOp.GT, 5_000))).isEmpty();

        assertThat(kept(source, new Comparison(ComparisonOp.EQ, Y, Literal.of(350)))).doesNotContain(3);
        assertThat(kept(source, new IsNull(Y, false))).containsExactly(3, 5);
        assertThat(kept(source, new IsNull(Y, true))).doesNotContain(3).hasSize(9);
        assertThat(kept(source, new Not(new IsNull(Y, false)))).doesNotContain(3).hasSize(9);
        assertThat(kept(source, and(new IsNull(Y, false), x(ComparisonOp.GE, 500)))).containsExactly(5);
        assertThat(kept(source, new Comparison(ComparisonOp.EQ, Y, Literal.nullOf(DataType.INT32)))).isEmpty();
        assertThat(kept(source, new Comparison(ComparisonOp.LT, Y, new io.datajax.ir.expr.Cast(
                new ColumnRef("x", DataType.INT64, true), DataType.INT32)))).hasSize(10);
    }

    @Test
    void skippingNeverDropsAMatchingRow() {
        Path output = writeKeys(ParquetSink.of(dir.resolve("keys")).withRowGroupRows(100), 1000, 1000,
                row -> row / 100 == 3 || row % 7 == 0);
        ParquetSource source = ParquetSource.of(output);
        List<Expr> filters = new ArrayList<>();
        for (ComparisonOp op : ComparisonOp.values()) {
            for (long value : new long[] {-1, 0, 99, 100, 450, 999, 1000}) {
                filters.add(x(op, value));
                filters.add(new Comparison(op, Literal.of(value), new ColumnRef("x", DataType.INT64, true)));
                filters.add(new Comparison(op, Y, Literal.of((int) value)));
                filters.add(new Not(new Comparison(op, Y, Literal.of((int) value))));
            }
        }
        for (Expr filter : filters) {
            List<Integer> kept = kept(source, filter);
            for (int group = 0; group < 10; group++) {
                boolean matches = false;
                for (long row = group * 100L; row < group * 100L + 100; row++) {
                    Integer y = row / 100 == 3 || row % 7 == 0 ? null : (int) (row % 1000);
                    matches |= Boolean.TRUE.equals(evaluate(filter, row, y));
                }
                if (matches) {
                    assertThat(kept).as("row group %d for %s", group, filter).contains(group);
                }
            }
        }
    }

    /** A reference evaluation of the test filters over one row, SQL three-valued. */
    private static Boolean evaluate(Expr filter, long x, Integer y) {
        if (filter instanceof Not not) {
            Boolean inner = evaluate(not.input(), x, y);
            return inner == null ? null : !inner;
        }
        Comparison comparison = (Comparison) filter;
        Long left = operand(comparison.left(), x, y);
        Long right = operand(comparison.right(), x, y);
        return left == null || right == null ? null : comparison.op().test(Long.compare(left, right));
    }

    private static Long operand(Expr expr, long x, Integer y) {
        if (expr instanceof Literal literal) {
            return ((Number) literal.value()).longValue();
        }
        return ((ColumnRef) expr).name().equals("x") ? (Long) x : y == null ? null : (long) y;
    }

    @Test
    void rowGroupsWithoutStatisticsAreKept() {
        Path output = writeKeys(ParquetSink.of(dir.resolve("keys")).withRowGroupRows(100).withStatistics(false), 1000,
                1000, row -> false);

        assertThat(kept(ParquetSource.of(output), x(ComparisonOp.GT, 849))).hasSize(10);
        assertThat(kept(ParquetSource.of(output), new IsNull(Y, false))).hasSize(10);
    }

    @Test
    void doubleColumnsAreNotSkippedForGreaterThanBecauseOfNaN() {
        Path output = writeAllTypes(ParquetSink.of(dir.resolve("out")).withRowGroupRows(40), 100);
        ParquetSource source = ParquetSource.of(output);
        ColumnRef d = new ColumnRef("d", DataType.FLOAT64, true);

        List<Integer> greater = source.parts(new ReadRequest(List.of("d"), Optional.of(new Comparison(ComparisonOp.GT,
                d, Literal.of(1e9))), 1024)).parts().stream().map(SourcePart::index).toList();
        List<Integer> less = source.parts(new ReadRequest(List.of("d"), Optional.of(new Comparison(ComparisonOp.LT,
                d, Literal.of(-1e308))), 1024)).parts().stream().map(SourcePart::index).toList();

        assertThat(greater).containsExactly(0, 1, 2);
        assertThat(less).containsExactly(0);
    }

    @Test
    void statisticsOfStringDateAndTimestampColumnsSkipRowGroups() {
        Path output = writeAllTypes(ParquetSink.of(dir.resolve("out")).withRowGroupRows(40), 100);
        ParquetSource source = ParquetSource.of(output);
        java.util.function.Function<Expr, List<Integer>> kept = filter -> source.parts(new ReadRequest(
                ALL_TYPES.names(), Optional.of(filter), 1024)).parts().stream().map(SourcePart::index).toList();
        ColumnRef dt = new ColumnRef("dt", DataType.DATE, true);
        ColumnRef ts = new ColumnRef("ts", DataType.TIMESTAMP, true);
        ColumnRef s = new ColumnRef("s", DataType.STRING, true);

        assertThat(kept.apply(new Comparison(ComparisonOp.GE, dt, Literal.of(TestData.value(5, 60)))))
                .containsExactly(1, 2);
        assertThat(kept.apply(new Comparison(ComparisonOp.LT, ts, Literal.of(TestData.value(6, 40)))))
                .containsExactly(0);
        assertThat(kept.apply(new Comparison(ComparisonOp.EQ, s, Literal.of("zzz")))).containsExactly(0);
        assertThat(kept.apply(new Comparison(ComparisonOp.GT, s, Literal.of("s99")))).containsExactly(0);
        assertThat(kept.apply(new Comparison(ComparisonOp.EQ, s, Literal.of("\uE000")))).containsExactly(0, 1, 2);
    }

    @Test
    void requiredColumnsReadAsNotNullFields() throws IOException {
        // No writer here makes required columns (ParquetSink and DuckDB write optional ones): build the file.
        Path file = dir.resolve("required.parquet");
        java.nio.ByteBuffer values = java.nio.ByteBuffer.allocate(24).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .putLong(5).putLong(-3).putLong(Long.MAX_VALUE);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(ParquetFooter.MAGIC);
        org.apache.parquet.format.PageHeader header = new org.apache.parquet.format.PageHeader(
                org.apache.parquet.format.PageType.DATA_PAGE, 24, 24);
        header.setData_page_header(new org.apache.parquet.format.DataPageHeader(3,
                org.apache.parquet.format.Encoding.PLAIN, org.apache.parquet.format.Encoding.RLE,
                org.apache.parquet.format.Encoding.RLE));
        org.apache.parquet.format.Util.writePageHeader(header, out);
        out.write(values.array());
        long chunk = out.size() - 4;
        org.apache.parquet.format.ColumnChunk column = new org.apache.parquet.format.ColumnChunk(4);
        column.setMeta_data(new org.apache.parquet.format.ColumnMetaData(org.apache.parquet.format.Type.INT64,
                List.of(org.apache.parquet.format.Encoding.PLAIN), List.of("x"),
                org.apache.parquet.format.CompressionCodec.UNCOMPRESSED, 3, chunk, chunk, 4));
        org.apache.parquet.format.SchemaElement root = new org.apache.parquet.format.SchemaElement("schema");
        root.setNum_children(1);
        org.apache.parquet.format.SchemaElement x = new org.apache.parquet.format.SchemaElement("x");
        x.setType(org.apache.parquet.format.Type.INT64);
        x.setRepetition_type(org.apache.parquet.format.FieldRepetitionType.REQUIRED);
        java.io.ByteArrayOutputStream footer = new java.io.ByteArrayOutputStream();
        org.apache.parquet.format.Util.writeFileMetaData(new org.apache.parquet.format.FileMetaData(1,
                List.of(root, x), 3, List.of(new org.apache.parquet.format.RowGroup(List.of(column), chunk, 3))),
                footer);
        footer.writeTo(out);
        int length = footer.size();
        out.write(new byte[] {(byte) length, (byte) (length >>> 8), (byte) (length >>> 16), (byte) (length >>> 24)});
        out.write(ParquetFooter.MAGIC);
        Files.write(file, out.toByteArray());

        ParquetSource source = ParquetSource.of(file);
        TestData.Read read = TestData.readAll(source, allocator);

        assertThat(source.schema()).isEqualTo(new Schema(List.of(new Field("x", DataType.INT64, false))));
        assertThat(read.rows()).containsExactly(List.of(5L), List.of(-3L), List.of(Long.MAX_VALUE));
        assertThat(kept(source, new IsNull(new ColumnRef("x", DataType.INT64, false), false))).isEmpty();
    }

    @Test
    void truncatedFileIsMalformedInputNamingTheFile() throws IOException {
        Path output = writeAllTypes(ParquetSink.of(dir.resolve("out")), 100);
        byte[] bytes = Files.readAllBytes(output.resolve("part-00000.parquet"));
        Path truncated = dir.resolve("truncated.parquet");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length - 20));

        assertThatThrownBy(() -> ParquetSource.of(truncated))
                .isInstanceOfSatisfying(DataJaxException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_INPUT))
                .hasMessageContaining(truncated.toString());
    }

    @Test
    void corruptPagesAreMalformedInputNamingTheFile() throws IOException {
        Path output = writeAllTypes(ParquetSink.of(dir.resolve("out")).withCompression(ParquetCompression.SNAPPY),
                1000);
        Path file = output.resolve("part-00000.parquet");
        ParquetSource source = ParquetSource.of(output);
        byte[] bytes = Files.readAllBytes(file);
        for (int i = 40; i < bytes.length / 2; i += 7) {
            bytes[i] = (byte) (bytes[i] ^ 0x5A);
        }
        Files.write(file, bytes);

        assertThatThrownBy(() -> TestData.readAll(source, allocator))
                .isInstanceOfSatisfying(DataJaxException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_INPUT))
                .hasMessageContaining(file.toString());
    }

    @Test
    void sourceScanRoundTripsThroughThePlanCodec() {
        Path output = writeAllTypes(ParquetSink.of(dir.resolve("out")), 10);
        ParquetSource source = ParquetSource.of(output);
        SourceScan scan = SourceScan.of(source, Sharding.blocks())
                .withSchema(new Schema(List.of(ALL_TYPES.field("i"), ALL_TYPES.field("s"))))
                .withFilter(Optional.of(new Comparison(ComparisonOp.GT, new ColumnRef("i", DataType.INT32, true),
                        Literal.of(3))));

        SourceScan decoded = (SourceScan) PlanCodec.decode(PlanCodec.encode(scan));

        assertThat(decoded).isEqualTo(scan);
        assertThat(decoded.source().describe()).isEqualTo("parquet(" + output + ")");
        assertThat(TestData.readAll((FileSource) decoded.source(), allocator).rows()).hasSize(10);
    }

    @Test
    void sinkRefusesAnExistingDirectoryUnlessOverwriting() {
        Path output = writeAllTypes(ParquetSink.of(dir.resolve("out")), 10);

        assertThatThrownBy(() -> writeAllTypes(ParquetSink.of(output), 10))
                .isInstanceOfSatisfying(DataJaxException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.TARGET_EXISTS));
        ParquetSink overwriting = ParquetSink.of(output).overwriting();
        writeAllTypes(overwriting, 3);
        assertThat(TestData.readAll(ParquetSource.of(output), allocator).rows()).hasSize(3);
        assertThat(overwriting.describe()).isEqualTo("parquet(" + output
                + ", overwrite, SNAPPY, row groups of 131072 rows)");
    }

    @Test
    void writerClosedBeforeFinishingLeavesNoFile() {
        Path file = dir.resolve("unfinished.parquet");
        try (VectorSchemaRoot batch = TestData.allTypes(allocator, 0, 5);
                io.datajax.io.PartWriter writer = ParquetSink.of(dir.resolve("x")).open(file, ALL_TYPES, allocator)) {
            writer.write(batch);
        }
        assertThat(file).doesNotExist();
    }

    @Test
    void nullColumnsCannotBeWritten() {
        Schema schema = new Schema(List.of(new Field("n", DataType.NULL, true)));

        assertThatThrownBy(() -> ParquetSink.of(dir.resolve("x")).open(dir.resolve("n.parquet"), schema, allocator))
                .hasMessageContaining("'n'")
                .hasMessageContaining("NULL");
    }

}
