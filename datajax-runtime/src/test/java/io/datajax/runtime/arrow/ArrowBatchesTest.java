package io.datajax.runtime.arrow;

import static io.datajax.runtime.arrow.Batches.assertSameRows;
import static io.datajax.runtime.arrow.Batches.mask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datajax.ir.DataType;
import io.datajax.ir.Field;
import io.datajax.ir.Schema;
import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.SchemaException;
import io.datajax.runtime.column.Batch;
import io.datajax.runtime.column.BooleanColumn;
import io.datajax.runtime.column.Column;
import io.datajax.runtime.column.DoubleColumn;
import io.datajax.runtime.column.IntColumn;
import io.datajax.runtime.column.LongColumn;
import io.datajax.runtime.column.NullColumn;
import io.datajax.runtime.column.StringColumn;
import java.nio.charset.StandardCharsets;
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
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ArrowBatchesTest {
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
        try (VectorSchemaRoot root = ArrowBatches.toArrow(batch, allocator)) {
            assertThat(root.getRowCount()).isEqualTo(batch.rowCount());
            return ArrowBatches.fromArrow(root);
        }
    }

    @Test
    void everyTypeWithNullsSurvivesARoundTrip() {
        for (int rows : new int[] {0, 1, 7, 8, 9, 1000}) {
            Batch batch = Batches.everyType(rows, rows);
            assertSameRows(roundTrip(batch), batch);
        }
    }

    @Test
    void allNullAndNoNullColumnsKeepTheirNulls() {
        int n = 13;
        Schema schema = Schema.of(Field.of("none", DataType.INT64), Field.of("all", DataType.INT64),
                Field.of("allText", DataType.STRING), Field.of("allFlags", DataType.BOOLEAN));
        Batch batch = new Batch(schema, List.of(new LongColumn(DataType.INT64, new long[n], null),
                Column.nulls(DataType.INT64, n), Column.nulls(DataType.STRING, n), Column.nulls(DataType.BOOLEAN, n)), n);
        Batch back = roundTrip(batch);
        assertSameRows(back, batch);
        assertThat(back.column(0).hasNulls()).isFalse();
        for (int c = 1; c < 4; c++) {
            for (int row = 0; row < n; row++) {
                assertThat(back.column(c).isNull(row)).isTrue();
            }
        }
    }

    @Test
    void zeroRowsAndZeroColumnsAreKept() {
        Batch empty = Batches.everyType(0, 1);
        assertSameRows(roundTrip(empty), empty);
        Batch noColumns = new Batch(new Schema(List.of()), List.of(), 17);
        Batch back = roundTrip(noColumns);
        assertThat(back.rowCount()).isEqualTo(17);
        assertThat(back.schema().size()).isZero();
    }

    @Test
    void nanIsAValueDistinctFromNullAndNegativeZeroIsKept() {
        double[] values = {Double.NaN, 0, -0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE,
                Double.longBitsToDouble(0x7ff8_0000_0000_0001L)};
        Batch batch = new Batch(Schema.of(Field.of("x", DataType.FLOAT64)),
                List.of(new DoubleColumn(values, mask(values.length, 1))), values.length);
        Batch back = roundTrip(batch);
        assertSameRows(back, batch);
        DoubleColumn column = (DoubleColumn) back.column(0);
        assertThat(column.isNull(0)).isFalse();
        assertThat(column.get(0)).isNaN();
        assertThat(column.isNull(1)).isTrue();
        assertThat(Double.doubleToRawLongBits(column.get(6))).isEqualTo(0x7ff8_0000_0000_0001L);
    }

    @Test
    void minimumIntegersAndExtremeDatesAndTimestampsAreValuesNotNulls() {
        int[] ints = {Integer.MIN_VALUE, Integer.MAX_VALUE, 0, -1};
        long[] longs = {Long.MIN_VALUE, Long.MAX_VALUE, 0, -1};
        Schema schema = Schema.of(Field.of("i", DataType.INT32), Field.of("l", DataType.INT64),
                Field.of("d", DataType.DATE), Field.of("t", DataType.TIMESTAMP));
        Batch batch = new Batch(schema, List.of(new IntColumn(DataType.INT32, ints, null),
                new LongColumn(DataType.INT64, longs, null), new IntColumn(DataType.DATE, ints.clone(), null),
                new LongColumn(DataType.TIMESTAMP, longs.clone(), null)), 4);
        Batch back = roundTrip(batch);
        assertSameRows(back, batch);
        assertThat(((IntColumn) back.column(0)).values()).containsExactly(ints);
        assertThat(((LongColumn) back.column(1)).values()).containsExactly(longs);
        assertThat(((IntColumn) back.column(2)).values()).containsExactly(ints);
        assertThat(((LongColumn) back.column(3)).values()).containsExactly(longs);
        assertThat(back.column(0).hasNulls()).isFalse();
    }

    @Test
    void emptyStringIsAValueAndUnicodeIsExact() {
        String[] values = {"", null, "ascii", "é", "日本語", "😀 surrogate pair 𝄞", "\u0000nul", "mixed ä 😀 z"};
        Batch batch = new Batch(Schema.of(Field.of("s", DataType.STRING)),
                List.of(new StringColumn(values, mask(values.length, 1))), values.length);
        Batch back = roundTrip(batch);
        assertSameRows(back, batch);
        assertThat(back.column(0).isNull(0)).isFalse();
        assertThat(back.column(0).value(0)).isEqualTo("");
    }

    @Test
    void dictionaryEncodedStringsComeBackWithTheSameValues() {
        int[] codes = {2, 0, 1, 0, 2, 1};
        Batch batch = new Batch(Schema.of(Field.of("s", DataType.STRING)), List.of(new StringColumn(
                new StringColumn.Dictionary(codes, new String[] {"a", "", "ü"}), mask(6, 4))), 6);
        assertSameRows(roundTrip(batch), batch);
    }

    @Test
    void toArrowWritesStandardVectorsThatArrowReads() {
        Schema schema = Schema.of(Field.of("b", DataType.BOOLEAN), Field.of("i", DataType.INT32),
                Field.of("l", DataType.INT64), Field.of("f", DataType.FLOAT64), Field.of("s", DataType.STRING),
                Field.of("d", DataType.DATE), new Field("t", DataType.TIMESTAMP, false), Field.of("n", DataType.NULL));
        Batch batch = new Batch(schema, List.of(
                new BooleanColumn(new boolean[] {true, false, true}, mask(3, 2)),
                new IntColumn(DataType.INT32, new int[] {1, 0, -3}, mask(3, 1)),
                new LongColumn(DataType.INT64, new long[] {Long.MIN_VALUE, 5, 6}, null),
                new DoubleColumn(new double[] {Double.NaN, 0, 2.5}, mask(3, 1)),
                new StringColumn(new String[] {"", null, "日本"}, mask(3, 1)),
                new IntColumn(DataType.DATE, new int[] {-719_528, 0, 2_932_896}, null),
                new LongColumn(DataType.TIMESTAMP, new long[] {-1, 0, 1}, null),
                new NullColumn(3)), 3);
        try (VectorSchemaRoot root = ArrowBatches.toArrow(batch, allocator)) {
            assertThat(root.getSchema()).isEqualTo(ArrowBatches.arrowSchema(schema));
            BitVector b = (BitVector) root.getVector("b");
            assertThat(b.getObject(0)).isTrue();
            assertThat(b.getObject(1)).isFalse();
            assertThat(b.isNull(2)).isTrue();
            IntVector i = (IntVector) root.getVector("i");
            assertThat(i.get(0)).isEqualTo(1);
            assertThat(i.isNull(1)).isTrue();
            assertThat(i.get(2)).isEqualTo(-3);
            assertThat(((BigIntVector) root.getVector("l")).get(0)).isEqualTo(Long.MIN_VALUE);
            Float8Vector f = (Float8Vector) root.getVector("f");
            assertThat(f.get(0)).isNaN();
            assertThat(f.isNull(1)).isTrue();
            VarCharVector s = (VarCharVector) root.getVector("s");
            assertThat(s.get(0)).isEmpty();
            assertThat(s.isNull(0)).isFalse();
            assertThat(s.isNull(1)).isTrue();
            assertThat(new String(s.get(2), StandardCharsets.UTF_8)).isEqualTo("日本");
            assertThat(((DateDayVector) root.getVector("d")).get(0)).isEqualTo(-719_528);
            assertThat(((TimeStampMicroVector) root.getVector("t")).get(0)).isEqualTo(-1L);
            assertThat(root.getVector("t").getField().isNullable()).isFalse();
            assertThat(root.getVector("n").getValueCount()).isEqualTo(3);
            assertThat(root.getVector("n").getNullCount()).isEqualTo(3);
        }
    }

    @Test
    void fromArrowReadsVectorsBuiltWithArrowsOwnSetters() {
        Schema schema = Schema.of(Field.of("i", DataType.INT32), Field.of("s", DataType.STRING),
                Field.of("b", DataType.BOOLEAN));
        try (VectorSchemaRoot root = VectorSchemaRoot.create(ArrowBatches.arrowSchema(schema), allocator)) {
            IntVector i = (IntVector) root.getVector(0);
            VarCharVector s = (VarCharVector) root.getVector(1);
            BitVector b = (BitVector) root.getVector(2);
            int n = 1000;
            for (int row = 0; row < n; row++) {
                if (row % 7 == 0) {
                    i.setNull(row);
                    s.setNull(row);
                    b.setNull(row);
                } else {
                    i.setSafe(row, row * 31);
                    s.setSafe(row, ("v" + row % 11).getBytes(StandardCharsets.UTF_8));
                    b.setSafe(row, row % 3 == 0 ? 1 : 0);
                }
            }
            root.setRowCount(n);
            Batch batch = ArrowBatches.fromArrow(root);
            assertThat(batch.rowCount()).isEqualTo(n);
            for (int row = 0; row < n; row++) {
                if (row % 7 == 0) {
                    assertThat(batch.column(0).isNull(row)).isTrue();
                    assertThat(batch.column(1).isNull(row)).isTrue();
                    assertThat(batch.column(2).isNull(row)).isTrue();
                } else {
                    assertThat(batch.column(0).value(row)).isEqualTo(row * 31);
                    assertThat(batch.column(1).value(row)).isEqualTo("v" + row % 11);
                    assertThat(batch.column(2).value(row)).isEqualTo(row % 3 == 0);
                }
            }
        }
    }

    @Test
    void arrowSchemaMapsEachTypeAndKeepsNullability() {
        Schema schema = Schema.of(Field.of("b", DataType.BOOLEAN), new Field("i", DataType.INT32, false),
                Field.of("l", DataType.INT64), Field.of("f", DataType.FLOAT64), Field.of("s", DataType.STRING),
                Field.of("d", DataType.DATE), new Field("t", DataType.TIMESTAMP, false));
        org.apache.arrow.vector.types.pojo.Schema arrow = ArrowBatches.arrowSchema(schema);
        assertThat(arrow.getFields()).extracting(f -> f.getType()).containsExactly(
                ArrowType.Bool.INSTANCE, new ArrowType.Int(32, true), new ArrowType.Int(64, true),
                new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE), ArrowType.Utf8.INSTANCE,
                new ArrowType.Date(DateUnit.DAY), new ArrowType.Timestamp(TimeUnit.MICROSECOND, null));
        assertThat(arrow.getFields()).extracting(f -> f.isNullable())
                .containsExactly(true, false, true, true, true, true, false);
        assertThat(ArrowBatches.dataJaxSchema(arrow)).isEqualTo(schema);
    }

    @Test
    void unsupportedArrowTypesAreRejectedNamingFieldAndType() {
        for (ArrowType type : Arrays.asList(new ArrowType.Int(16, true), new ArrowType.Int(32, false),
                new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE), ArrowType.LargeUtf8.INSTANCE,
                new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC"), new ArrowType.Timestamp(TimeUnit.MILLISECOND, null),
                new ArrowType.Date(DateUnit.MILLISECOND), new ArrowType.Decimal(10, 2, 128))) {
            org.apache.arrow.vector.types.pojo.Schema arrow = new org.apache.arrow.vector.types.pojo.Schema(List.of(
                    new org.apache.arrow.vector.types.pojo.Field("amount", FieldType.nullable(type), null)));
            assertThatThrownBy(() -> ArrowBatches.dataJaxSchema(arrow))
                    .isInstanceOf(SchemaException.class)
                    .hasMessageContaining("'amount'")
                    .hasMessageContaining(type.toString())
                    .hasMessageContaining("Supported: Bool")
                    .satisfies(e -> assertThat(((SchemaException) e).code()).isEqualTo(ErrorCode.TYPE_MISMATCH));
        }
    }

    @Test
    void fromArrowRejectsUnsupportedVectorsWithoutLeaking() {
        org.apache.arrow.vector.types.pojo.Schema arrow = new org.apache.arrow.vector.types.pojo.Schema(List.of(
                new org.apache.arrow.vector.types.pojo.Field("small", FieldType.nullable(new ArrowType.Int(16, true)),
                        null)));
        try (VectorSchemaRoot root = VectorSchemaRoot.create(arrow, allocator)) {
            root.allocateNew();
            root.setRowCount(0);
            assertThatThrownBy(() -> ArrowBatches.fromArrow(root))
                    .isInstanceOf(SchemaException.class)
                    .hasMessageContaining("Arrow field 'small'");
        }
    }
}
