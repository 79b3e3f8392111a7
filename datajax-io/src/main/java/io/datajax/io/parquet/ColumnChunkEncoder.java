package io.datajax.io.parquet;

import io.datajax.ir.DataType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.DataPageHeader;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.PageType;
import org.apache.parquet.format.Statistics;
import org.apache.parquet.format.Util;

/**
 * Encodes the values of one optional column of a row group as PLAIN data pages (v1) with RLE definition levels,
 * compressed, and keeps the chunk's statistics (min, max, null count). Not thread-safe; reused across row
 * groups after {@link #reset()}.
 */
final class ColumnChunkEncoder {
    /** The most rows of one data page. */
    static final int PAGE_ROWS = 32_768;
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final String name;
    private final DataType type;
    private final ParquetCompression compression;
    private final boolean statistics;
    private final ByteArrayOutputStream chunk = new ByteArrayOutputStream();
    private byte[] values = new byte[1024];
    private int valuesSize;
    private byte[] definitions = new byte[PAGE_ROWS / 8];
    private int pageRows;
    private int pageNonNull;
    private long chunkRows;
    private long nulls;
    private long uncompressedBytes;
    private long longMin;
    private long longMax;
    private double doubleMin;
    private double doubleMax;
    private byte[] bytesMin;
    private byte[] bytesMax;
    private boolean hasMinMax;

    ColumnChunkEncoder(String name, DataType type, ParquetCompression compression, boolean statistics) {
        this.name = name;
        this.type = type;
        this.compression = compression;
        this.statistics = statistics;
    }

    /** Appends rows {@code [from, from + count)} of {@code vector}. */
    void append(FieldVector vector, int from, int count) throws IOException {
        for (int i = from; i < from + count; i++) {
            if (pageRows == PAGE_ROWS) {
                flushPage();
            }
            boolean present = !vector.isNull(i);
            if (present) {
                definitions[pageRows >>> 3] |= (byte) (1 << (pageRows & 7));
                pageNonNull++;
                value(vector, i);
            } else {
                nulls++;
            }
            pageRows++;
            chunkRows++;
        }
    }

    private void value(FieldVector vector, int index) {
        switch (type) {
            case INT64, TIMESTAMP -> {
                long value = vector.getDataBuffer().getLong((long) index * 8);
                ensure(8);
                LONG.set(values, valuesSize, value);
                valuesSize += 8;
                if (!hasMinMax || value < longMin) {
                    longMin = value;
                }
                if (!hasMinMax || value > longMax) {
                    longMax = value;
                }
                hasMinMax = true;
            }
            case INT32, DATE -> {
                int value = vector.getDataBuffer().getInt((long) index * 4);
                ensure(4);
                INT.set(values, valuesSize, value);
                valuesSize += 4;
                if (!hasMinMax || value < longMin) {
                    longMin = value;
                }
                if (!hasMinMax || value > longMax) {
                    longMax = value;
                }
                hasMinMax = true;
            }
            case FLOAT64 -> {
                double value = vector.getDataBuffer().getDouble((long) index * 8);
                ensure(8);
                LONG.set(values, valuesSize, Double.doubleToRawLongBits(value));
                valuesSize += 8;
                if (!Double.isNaN(value)) {
                    if (!hasMinMax || value < doubleMin) {
                        doubleMin = value;
                    }
                    if (!hasMinMax || value > doubleMax) {
                        doubleMax = value;
                    }
                    hasMinMax = true;
                }
            }
            case BOOLEAN -> {
                int bit = ((BitVector) vector).get(index);
                int k = pageNonNull - 1;
                ensure(1);
                if ((k & 7) == 0) {
                    values[valuesSize++] = 0;
                }
                values[valuesSize - 1] |= (byte) (bit << (k & 7));
                if (!hasMinMax || bit < longMin) {
                    longMin = bit;
                }
                if (!hasMinMax || bit > longMax) {
                    longMax = bit;
                }
                hasMinMax = true;
            }
            case STRING -> {
                VarCharVector strings = (VarCharVector) vector;
                ArrowBuf offsets = strings.getOffsetBuffer();
                int start = offsets.getInt((long) index * 4);
                int length = offsets.getInt((long) (index + 1) * 4) - start;
                ensure(4 + length);
                INT.set(values, valuesSize, length);
                strings.getDataBuffer().getBytes(start, values, valuesSize + 4, length);
                if (statistics) {
                    if (!hasMinMax || Arrays.compareUnsigned(values, valuesSize + 4, valuesSize + 4 + length, bytesMin,
                            0, bytesMin.length) < 0) {
                        bytesMin = Arrays.copyOfRange(values, valuesSize + 4, valuesSize + 4 + length);
                    }
                    if (!hasMinMax || Arrays.compareUnsigned(values, valuesSize + 4, valuesSize + 4 + length, bytesMax,
                            0, bytesMax.length) > 0) {
                        bytesMax = Arrays.copyOfRange(values, valuesSize + 4, valuesSize + 4 + length);
                    }
                    hasMinMax = true;
                }
                valuesSize += 4 + length;
            }
            default -> throw new IllegalStateException("no Parquet values for " + type);
        }
    }

    private void ensure(int more) {
        if (valuesSize + more > values.length) {
            values = Arrays.copyOf(values, Math.max(values.length * 2, valuesSize + more));
        }
    }

    private void flushPage() throws IOException {
        if (pageRows == 0) {
            return;
        }
        int groups = (pageRows + 7) / 8;
        ByteArrayOutputStream page = new ByteArrayOutputStream(valuesSize + groups + 16);
        ByteArrayOutputStream levels = new ByteArrayOutputStream(groups + 8);
        if (pageNonNull == pageRows) {
            varint(levels, pageRows << 1);
            levels.write(1);
        } else {
            varint(levels, (groups << 1) | 1);
            levels.write(definitions, 0, groups);
        }
        byte[] length = new byte[4];
        INT.set(length, 0, levels.size());
        page.write(length);
        levels.writeTo(page);
        page.write(values, 0, valuesSize);
        byte[] body = page.toByteArray();
        byte[] compressed = compression.compress(body, body.length);
        PageHeader header = new PageHeader(PageType.DATA_PAGE, body.length, compressed.length);
        header.setData_page_header(new DataPageHeader(pageRows, Encoding.PLAIN, Encoding.RLE, Encoding.RLE));
        ByteArrayOutputStream headerBytes = new ByteArrayOutputStream(64);
        Util.writePageHeader(header, headerBytes);
        headerBytes.writeTo(chunk);
        chunk.write(compressed);
        uncompressedBytes += headerBytes.size() + body.length;
        Arrays.fill(definitions, 0, groups, (byte) 0);
        valuesSize = 0;
        pageRows = 0;
        pageNonNull = 0;
    }

    private static void varint(ByteArrayOutputStream out, int value) {
        int rest = value;
        while ((rest & ~0x7F) != 0) {
            out.write((rest & 0x7F) | 0x80);
            rest >>>= 7;
        }
        out.write(rest);
    }

    /** Rows appended since the last reset. */
    long rows() {
        return chunkRows;
    }

    /**
     * Finishes the chunk: its pages, to be written at {@code offset}, and its metadata.
     *
     * @return the chunk's bytes; {@code metadata[0]} receives its metadata
     */
    byte[] finish(long offset, ColumnMetaData[] metadata) throws IOException {
        flushPage();
        byte[] bytes = chunk.toByteArray();
        ColumnMetaData column = new ColumnMetaData(ParquetTypes.physical(type), List.of(Encoding.PLAIN, Encoding.RLE),
                List.of(name), compression.codec(), chunkRows, uncompressedBytes, bytes.length, offset);
        if (statistics) {
            column.setStatistics(statistics());
        }
        metadata[0] = column;
        return bytes;
    }

    private Statistics statistics() {
        Statistics stats = new Statistics();
        stats.setNull_count(nulls);
        if (!hasMinMax) {
            return stats;
        }
        byte[] min;
        byte[] max;
        switch (type) {
            case INT64, TIMESTAMP, INT32, DATE, BOOLEAN -> {
                int width = type == DataType.BOOLEAN ? 1 : type == DataType.INT32 || type == DataType.DATE ? 4 : 8;
                min = littleEndian(longMin, width);
                max = littleEndian(longMax, width);
            }
            case FLOAT64 -> {
                min = littleEndian(Double.doubleToRawLongBits(doubleMin == 0.0 ? -0.0 : doubleMin), 8);
                max = littleEndian(Double.doubleToRawLongBits(doubleMax == 0.0 ? 0.0 : doubleMax), 8);
            }
            default -> {
                min = bytesMin;
                max = bytesMax;
            }
        }
        stats.setMin_value(min);
        stats.setMax_value(max);
        return stats;
    }

    private static byte[] littleEndian(long value, int width) {
        byte[] bytes = new byte[width];
        for (int i = 0; i < width; i++) {
            bytes[i] = (byte) (value >>> (8 * i));
        }
        return bytes;
    }

    /** Empties the encoder for the next row group. */
    void reset() {
        chunk.reset();
        valuesSize = 0;
        pageRows = 0;
        pageNonNull = 0;
        chunkRows = 0;
        nulls = 0;
        uncompressedBytes = 0;
        hasMinMax = false;
        bytesMin = null;
        bytesMax = null;
        Arrays.fill(definitions, (byte) 0);
    }
}
