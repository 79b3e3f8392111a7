package io.datajax.runtime.arrow;

import static io.datajax.runtime.arrow.Batches.assertSameRows;
import static io.datajax.runtime.arrow.Batches.mask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datajax.ir.DataType;
import io.datajax.ir.Field;
import io.datajax.ir.Schema;
import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.ExecutionException;
import io.datajax.ir.error.ResourceException;
import io.datajax.runtime.column.Batch;
import io.datajax.runtime.column.DoubleColumn;
import io.datajax.runtime.column.IntColumn;
import io.datajax.runtime.column.LongColumn;
import io.datajax.runtime.column.StringColumn;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ArrowIpcTest {
    private BufferAllocator allocator;

    @BeforeEach
    void createAllocator() {
        allocator = new RootAllocator();
    }

    @AfterEach
    void allocatorIsEmpty() {
        assertThat(allocator.getAllocatedMemory()).isZero();
        allocator.close();
    }

    private Batch roundTrip(Batch batch) {
        byte[] bytes = ArrowIpc.write(batch, allocator);
        assertThat(allocator.getAllocatedMemory()).isZero();
        Batch back = ArrowIpc.read(bytes, allocator);
        assertThat(allocator.getAllocatedMemory()).isZero();
        return back;
    }

    /** The number of record batches in a stream, read with Arrow's own reader. */
    private int recordBatches(byte[] bytes) throws IOException {
        try (ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(bytes), allocator)) {
            int batches = 0;
            while (reader.loadNextBatch()) {
                batches++;
            }
            return batches;
        }
    }

    @Test
    void everyTypeWithNullsSurvivesARoundTrip() {
        for (int rows : new int[] {1, 7, 8, 9, 1000}) {
            Batch batch = Batches.everyType(rows, rows);
            assertSameRows(roundTrip(batch), batch);
        }
    }

    @Test
    void zeroRowBatchKeepsItsSchema() throws IOException {
        Batch empty = Batches.everyType(0, 3);
        byte[] bytes = ArrowIpc.write(empty, allocator);
        assertThat(recordBatches(bytes)).isEqualTo(1);
        assertSameRows(ArrowIpc.read(bytes, allocator), empty);
    }

    @Test
    void zeroColumnBatchKeepsItsRowCount() {
        for (int rows : new int[] {0, 1, 5000}) {
            Batch batch = new Batch(new Schema(List.of()), List.of(), rows);
            Batch back = roundTrip(batch);
            assertThat(back.rowCount()).isEqualTo(rows);
            assertThat(back.schema().size()).isZero();
        }
        Batch chunked = new Batch(new Schema(List.of()), List.of(), 25);
        Batch back = ArrowIpc.read(ArrowIpc.write(chunked, allocator, 10), allocator);
        assertThat(back.rowCount()).isEqualTo(25);
    }

    @Test
    void aMillionRowsSurviveARoundTrip() {
        Batch batch = Batches.everyType(1_000_000, 7);
        assertSameRows(roundTrip(batch), batch);
    }

    @Test
    void batchesLargerThanMaxRowsPerBatchAreWrittenAsSeveralRecordBatches() throws IOException {
        // 10_007 rows in batches of 1000 (not a multiple of 8) put nulls and dictionary codes across boundaries.
        Batch batch = Batches.everyType(10_007, 11);
        byte[] bytes = ArrowIpc.write(batch, allocator, 1000);
        assertThat(recordBatches(bytes)).isEqualTo(11);
        assertSameRows(ArrowIpc.read(bytes, allocator), batch);
        Batch shaped = Batches.shuffleShaped(10_007, 100);
        byte[] shapedBytes = ArrowIpc.write(shaped, allocator, 999);
        assertThat(recordBatches(shapedBytes)).isEqualTo(11);
        Batch back = ArrowIpc.read(shapedBytes, allocator);
        assertSameRows(back, shaped);
        assertThat(((StringColumn) back.column(2)).isDictionaryEncoded()).isTrue();
    }

    @Test
    void defaultMaxRowsPerBatchSplitsLargeBatches() throws IOException {
        Batch batch = Batches.shuffleShaped(ArrowIpc.DEFAULT_MAX_ROWS_PER_BATCH + 1, 10);
        byte[] bytes = ArrowIpc.write(batch, allocator);
        assertThat(recordBatches(bytes)).isEqualTo(2);
        assertSameRows(ArrowIpc.read(bytes, allocator), batch);
    }

    @Test
    void dictionaryEncodedStringsStayEncodedAndPlainStringsStayPlain() {
        Batch batch = Batches.shuffleShaped(1000, 10);
        Batch back = roundTrip(batch);
        assertSameRows(back, batch);
        StringColumn strings = (StringColumn) back.column(2);
        assertThat(strings.isDictionaryEncoded()).isTrue();
        assertThat(strings.dictionary().strings()).hasSize(10);

        Batch plain = ArrowIpc.read(ArrowIpc.write(batch, allocator, 300, false), allocator);
        assertSameRows(plain, batch);
        assertThat(((StringColumn) plain.column(2)).isDictionaryEncoded()).isFalse();
    }

    @Test
    void dictionaryEncodedStringsKeepNullsEmptyStringsAndUnicode() {
        int[] codes = {0, 1, 2, 3, 0, 1, 2, 3, 1};
        String[] strings = {"", "日本語", "😀𝄞", "plain"};
        Batch batch = new Batch(Schema.of(Field.of("s", DataType.STRING)),
                List.of(new StringColumn(new StringColumn.Dictionary(codes, strings), mask(9, 3, 8))), 9);
        Batch back = roundTrip(batch);
        assertSameRows(back, batch);
        assertThat(back.column(0).value(0)).isEqualTo("");
        assertThat(back.column(0).isNull(3)).isTrue();
    }

    @Test
    void emptyStringIsAValueAndUnicodeIsExact() {
        String[] values = {"", null, "é", "日本語", "😀 surrogate pair 𝄞", "\u0000", ""};
        Batch batch = new Batch(Schema.of(Field.of("s", DataType.STRING)),
                List.of(new StringColumn(values, mask(values.length, 1))), values.length);
        Batch back = roundTrip(batch);
        assertSameRows(back, batch);
        assertThat(back.column(0).isNull(0)).isFalse();
        assertThat(back.column(0).value(6)).isEqualTo("");
    }

    @Test
    void nanIsAValueDistinctFromNull() {
        double[] values = {Double.NaN, 0, -0.0, Double.NEGATIVE_INFINITY};
        Batch batch = new Batch(Schema.of(Field.of("x", DataType.FLOAT64)),
                List.of(new DoubleColumn(values, mask(4, 1))), 4);
        Batch back = roundTrip(batch);
        assertSameRows(back, batch);
        assertThat(back.column(0).isNull(0)).isFalse();
        assertThat(((DoubleColumn) back.column(0)).get(0)).isNaN();
    }

    @Test
    void minimumValuesAndExtremeDatesAndTimestampsAreValues() {
        int[] ints = {Integer.MIN_VALUE, Integer.MAX_VALUE, 0};
        long[] longs = {Long.MIN_VALUE, Long.MAX_VALUE, 0};
        Schema schema = Schema.of(Field.of("i", DataType.INT32), Field.of("l", DataType.INT64),
                Field.of("d", DataType.DATE), Field.of("t", DataType.TIMESTAMP));
        Batch batch = new Batch(schema, List.of(new IntColumn(DataType.INT32, ints, null),
                new LongColumn(DataType.INT64, longs, null), new IntColumn(DataType.DATE, ints.clone(), null),
                new LongColumn(DataType.TIMESTAMP, longs.clone(), null)), 3);
        Batch back = roundTrip(batch);
        assertSameRows(back, batch);
        assertThat(back.column(0).hasNulls()).isFalse();
        assertThat(back.column(1).hasNulls()).isFalse();
    }

    @Test
    void readsStreamsWrittenByArrowItselfWithoutRowHintAndWithArrowDictionaries() throws IOException {
        org.apache.arrow.vector.types.pojo.Schema schema = ArrowBatches.arrowSchema(
                Schema.of(Field.of("id", DataType.INT32), Field.of("name", DataType.STRING)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (VarCharVector dictionaryValues = new VarCharVector("names", allocator)) {
            String[] names = {"ann", "", "bö"};
            for (int i = 0; i < names.length; i++) {
                dictionaryValues.setSafe(i, names[i].getBytes(StandardCharsets.UTF_8));
            }
            dictionaryValues.setValueCount(names.length);
            Dictionary dictionary = new Dictionary(dictionaryValues,
                    new DictionaryEncoding(7, false, new ArrowType.Int(32, true)));
            DictionaryProvider.MapDictionaryProvider provider = new DictionaryProvider.MapDictionaryProvider(dictionary);
            org.apache.arrow.vector.types.pojo.Field encodedField = new org.apache.arrow.vector.types.pojo.Field("name",
                    new FieldType(true, new ArrowType.Int(32, true), dictionary.getEncoding()), null);
            try (IntVector ids = new IntVector("id", allocator);
                 IntVector codes = new IntVector(encodedField, allocator);
                 VectorSchemaRoot root = new VectorSchemaRoot(List.of(ids.getField(), encodedField), List.of(ids, codes));
                 ArrowStreamWriter writer = new ArrowStreamWriter(root, provider, out)) {
                writer.start();
                for (int batch = 0; batch < 3; batch++) {
                    root.allocateNew();
                    for (int row = 0; row < 5; row++) {
                        ids.setSafe(row, batch * 5 + row);
                        if (row == 4) {
                            codes.setNull(row);
                        } else {
                            codes.setSafe(row, (batch + row) % 3);
                        }
                    }
                    root.setRowCount(5);
                    writer.writeBatch();
                }
                writer.end();
            }
        }
        Batch back = ArrowIpc.read(out.toByteArray(), allocator);
        assertThat(back.schema()).isEqualTo(ArrowBatches.dataJaxSchema(schema));
        assertThat(back.rowCount()).isEqualTo(15);
        String[] names = {"ann", "", "bö"};
        for (int row = 0; row < 15; row++) {
            assertThat(back.column(0).value(row)).isEqualTo(row);
            assertThat(back.column(1).value(row)).isEqualTo(row % 5 == 4 ? null : names[(row / 5 + row % 5) % 3]);
        }
    }

    @Test
    void streamsWithUnsupportedTypesFailClearly() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SmallIntVector small = new SmallIntVector("small", allocator);
             VectorSchemaRoot root = VectorSchemaRoot.of(small);
             ArrowStreamWriter writer = new ArrowStreamWriter(root, null, out)) {
            small.allocateNew(1);
            small.set(0, 1);
            root.setRowCount(1);
            writer.writeBatch();
        }
        assertThatThrownBy(() -> ArrowIpc.read(out.toByteArray(), allocator))
                .isInstanceOf(ExecutionException.class)
                .hasMessageContaining("Invalid Arrow IPC stream")
                .hasMessageContaining("'small'")
                .hasMessageContaining("Int(16, true)");
    }

    @Test
    void garbageAndEmptyBytesGiveAClearError() {
        for (byte[] bytes : List.of(new byte[0], new byte[] {1, 2, 3}, "not an arrow stream at all".getBytes(
                StandardCharsets.UTF_8), new byte[] {-1, -1, -1, -1, 0x7f, 0x7f, 0x7f, 0x7f})) {
            assertThatThrownBy(() -> ArrowIpc.read(bytes, allocator))
                    .isInstanceOf(ExecutionException.class)
                    .hasMessageContaining("Invalid Arrow IPC stream of " + bytes.length + " bytes")
                    .satisfies(e -> assertThat(((ExecutionException) e).code()).isEqualTo(ErrorCode.EXECUTION_FAILED));
            assertThat(allocator.getAllocatedMemory()).isZero();
        }
    }

    @Test
    void truncatedStreamsFailClearlyAndLeakNothing() {
        byte[] bytes = ArrowIpc.write(Batches.everyType(50, 5), allocator, 20);
        for (int length = 0; length < bytes.length; length++) {
            byte[] truncated = Arrays.copyOf(bytes, length);
            try {
                ArrowIpc.read(truncated, allocator);
                // A cut exactly between messages is a shorter valid stream.
            } catch (ExecutionException e) {
                assertThat(e.getMessage()).contains("Invalid Arrow IPC stream");
            }
            assertThat(allocator.getAllocatedMemory()).isZero();
        }
    }

    @Test
    void corruptedBytesGiveAClearErrorOrAValidBatchAndLeakNothing() {
        byte[] bytes = ArrowIpc.write(Batches.everyType(40, 9), allocator, 16);
        Random random = new Random(1);
        for (int position = 0; position < bytes.length; position++) {
            for (byte flip : new byte[] {(byte) 0xFF, (byte) 0x80, (byte) (1 << random.nextInt(8))}) {
                byte[] corrupt = bytes.clone();
                corrupt[position] ^= flip;
                try {
                    Batch batch = ArrowIpc.read(corrupt, allocator);
                    assertThat(batch.rowCount()).isNotNegative();
                } catch (ExecutionException e) {
                    assertThat(e.getMessage()).contains("Invalid Arrow IPC stream");
                }
                assertThat(allocator.getAllocatedMemory()).isZero();
            }
        }
    }

    @Test
    void writeReleasesItsMemoryWhenTheAllocatorIsTooSmall() {
        Batch batch = Batches.shuffleShaped(100_000, 10);
        try (BufferAllocator small = allocator.newChildAllocator("small", 0, 64 * 1024)) {
            assertThatThrownBy(() -> ArrowIpc.write(batch, small))
                    .isInstanceOf(ResourceException.class)
                    .hasMessageContaining("Raise that allocator's limit")
                    .hasCauseInstanceOf(org.apache.arrow.memory.OutOfMemoryException.class);
            assertThat(small.getAllocatedMemory()).isZero();
        }
    }
}
