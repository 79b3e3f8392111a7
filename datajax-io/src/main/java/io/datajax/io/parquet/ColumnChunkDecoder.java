package io.datajax.io.parquet;

import io.datajax.ir.DataType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.DataPageHeader;
import org.apache.parquet.format.DataPageHeaderV2;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.Util;

/**
 * Decodes the pages of one flat column chunk straight into an Arrow vector: definition levels into the validity
 * bitmap, PLAIN values copied into the data buffer (in bulk when a page has no nulls), dictionary indices looked
 * up in the decoded dictionary. One instance per chunk; not thread-safe.
 */
final class ColumnChunkDecoder {
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** The largest decompressed page read; a larger size means a corrupt header (writers use about 1 MB). */
    static final int MAX_PAGE_BYTES = 512 << 20;

    private final String file;
    private final String column;
    private final DataType type;
    private final boolean optional;
    private final ParquetCompression compression;
    private final FieldVector vector;
    private int[] levels = new int[0];
    private int[] indices = new int[0];
    private long[] dictionaryLongs;
    private int[] dictionaryInts;
    private byte[][] dictionaryBytes;
    private int dictionarySize = -1;
    private byte[] scratch = new byte[0];
    private byte[] page = new byte[0];
    private int stringEnd;

    private ColumnChunkDecoder(String file, String column, DataType type, boolean optional,
            ParquetCompression compression, FieldVector vector) {
        this.file = file;
        this.column = column;
        this.type = type;
        this.optional = optional;
        this.compression = compression;
        this.vector = vector;
    }

    /**
     * Decodes {@code chunk} (the bytes of the column chunk described by {@code metadata}) into {@code vector},
     * allocated here for {@code rows} rows; sets its value count.
     */
    static void decode(String file, String column, DataType type, boolean optional, ColumnMetaData metadata,
            byte[] chunk, int rows, FieldVector vector) throws IOException {
        ParquetCompression compression = ParquetCompression.of(metadata.getCodec());
        if (compression == null) {
            throw ParquetErrors.unsupportedEncoding(file, column, "codec " + metadata.getCodec());
        }
        if (vector instanceof VarCharVector varchar) {
            varchar.allocateNew(Math.max(64, Math.min(64L << 20, metadata.getTotal_uncompressed_size())),
                    Math.max(rows, 1));
        } else if (vector instanceof BitVector bits) {
            bits.allocateNew(Math.max(rows, 1));
        } else {
            ((org.apache.arrow.vector.BaseFixedWidthVector) vector).allocateNew(Math.max(rows, 1));
        }
        if (vector instanceof VarCharVector varchar) {
            varchar.getOffsetBuffer().setInt(0, 0);
        }
        new ColumnChunkDecoder(file, column, type, optional, compression, vector).pages(chunk, rows);
        if (vector instanceof VarCharVector varchar) {
            varchar.setLastSet(rows - 1);
        }
        vector.setValueCount(rows);
    }

    private void pages(byte[] chunk, int rows) throws IOException {
        int position = 0;
        int row = 0;
        while (row < rows) {
            if (position >= chunk.length) {
                throw new IOException("column chunk ends after " + row + " of " + rows + " rows");
            }
            ByteArrayInputStream in = new ByteArrayInputStream(chunk, position, chunk.length - position);
            PageHeader header = Util.readPageHeader(in);
            int start = chunk.length - in.available();
            int compressed = header.getCompressed_page_size();
            if (compressed < 0 || start + (long) compressed > chunk.length) {
                throw new IOException("page of " + compressed + " bytes passes the end of its column chunk");
            }
            switch (header.getType()) {
                case DICTIONARY_PAGE -> dictionary(inflate(chunk, start, compressed,
                        header.getUncompressed_page_size()), header.getUncompressed_page_size(),
                        header.getDictionary_page_header().getNum_values());
                case DATA_PAGE -> row += pageV1(header.getData_page_header(), inflate(chunk, start,
                        compressed, header.getUncompressed_page_size()), header.getUncompressed_page_size(), row, rows);
                case DATA_PAGE_V2 -> row += pageV2(header.getData_page_header_v2(), chunk, start, compressed,
                        header.getUncompressed_page_size(), row, rows);
                default -> {
                }
            }
            position = start + compressed;
        }
    }

    /** The page decompressed into the reused page buffer (valid up to {@code size}). */
    private byte[] inflate(byte[] chunk, int start, int compressed, int size) throws IOException {
        if (size < 0 || size > MAX_PAGE_BYTES) {
            throw new IOException("page of " + size + " bytes; this reader takes pages of at most " + MAX_PAGE_BYTES);
        }
        if (page.length < size) {
            page = new byte[Math.max(size, page.length * 2)];
        }
        compression.decompress(chunk, start, compressed, page, size);
        return page;
    }

    private int pageV1(DataPageHeader header, byte[] page, int size, int row, int rows) throws IOException {
        int count = checkCount(header.getNum_values(), row, rows);
        int offset = 0;
        int nonNull = count;
        if (optional) {
            if (header.getDefinition_level_encoding() != Encoding.RLE) {
                throw ParquetErrors.unsupportedEncoding(file, column, "definition levels " + header.getDefinition_level_encoding());
            }
            int length = (int) INT.get(page, 0);
            nonNull = levels(page, 4, 4 + length, count);
            offset = 4 + length;
        }
        values(header.getEncoding(), page, offset, size, row, count, nonNull);
        return count;
    }

    private int pageV2(DataPageHeaderV2 header, byte[] chunk, int start, int compressed, int uncompressed, int row,
            int rows) throws IOException {
        int count = checkCount(header.getNum_values(), row, rows);
        int repetition = header.getRepetition_levels_byte_length();
        int definition = header.getDefinition_levels_byte_length();
        int levelsEnd = start + repetition + definition;
        int nonNull = optional ? levels(chunk, start + repetition, levelsEnd, count) : count;
        boolean isCompressed = !header.isSetIs_compressed() || header.isIs_compressed();
        int valuesLength = compressed - repetition - definition;
        if (isCompressed) {
            int size = uncompressed - repetition - definition;
            values(header.getEncoding(), inflate(chunk, levelsEnd, valuesLength, size), 0, size, row, count, nonNull);
        } else {
            values(header.getEncoding(), chunk, levelsEnd, levelsEnd + valuesLength, row, count, nonNull);
        }
        return count;
    }

    private int checkCount(int count, int row, int rows) throws IOException {
        if (count < 0 || row + (long) count > rows) {
            throw new IOException("page of " + count + " values after " + row + " passes the row group's " + rows
                    + " rows");
        }
        return count;
    }

    /** Decodes {@code count} definition levels into {@link #levels} and the validity bitmap; returns non-nulls. */
    private int levels(byte[] data, int offset, int end, int count) throws IOException {
        if (levels.length < count) {
            levels = new int[count];
        }
        RleDecoder decoder = new RleDecoder(data, offset, end, 1);
        if (decoder.startsWithRun(1, count)) {
            return count;
        }
        decoder.decode(levels, count);
        int nonNull = 0;
        for (int i = 0; i < count; i++) {
            nonNull += levels[i];
        }
        return nonNull;
    }

    private void values(Encoding encoding, byte[] page, int offset, int end, int row, int count, int nonNull)
            throws IOException {
        boolean dense = !optional || nonNull == count;
        setValidity(row, count, dense);
        switch (encoding) {
            case PLAIN -> plain(page, offset, end, row, count, dense, nonNull);
            case PLAIN_DICTIONARY, RLE_DICTIONARY -> {
                if (dictionarySize < 0) {
                    throw new IOException("dictionary-encoded page without a dictionary page");
                }
                if (indices.length < nonNull) {
                    indices = new int[nonNull];
                }
                if (nonNull > 0) {
                    new RleDecoder(page, offset + 1, end, page[offset]).decode(indices, nonNull);
                }
                lookUp(row, count, dense, nonNull);
            }
            case RLE -> {
                if (type != DataType.BOOLEAN) {
                    throw ParquetErrors.unsupportedEncoding(file, column, "RLE values of type " + type);
                }
                if (indices.length < nonNull) {
                    indices = new int[nonNull];
                }
                int length = (int) INT.get(page, offset);
                new RleDecoder(page, offset + 4, offset + 4 + length, 1).decode(indices, nonNull);
                BitVector bits = (BitVector) vector;
                int k = 0;
                for (int i = 0; i < count; i++) {
                    if (dense || levels[i] != 0) {
                        bits.set(row + i, indices[k++]);
                    }
                }
            }
            case DELTA_BINARY_PACKED -> {
                if (type != DataType.INT32 && type != DataType.INT64 && type != DataType.DATE
                        && type != DataType.TIMESTAMP) {
                    throw ParquetErrors.unsupportedEncoding(file, column, "DELTA_BINARY_PACKED values of type " + type);
                }
                spreadLongs(new DeltaDecoder(page, offset, end).decode(nonNull), row, count, dense);
            }
            case BYTE_STREAM_SPLIT -> {
                int width = switch (type) {
                    case INT32, DATE -> 4;
                    case INT64, FLOAT64, TIMESTAMP -> 8;
                    default -> throw ParquetErrors.unsupportedEncoding(file, column,
                            "BYTE_STREAM_SPLIT values of type " + type);
                };
                if (offset + (long) nonNull * width > end) {
                    throw new IOException("BYTE_STREAM_SPLIT page holds fewer than its " + nonNull + " values");
                }
                byte[] joined = new byte[nonNull * width];
                for (int b = 0; b < width; b++) {
                    int stream = offset + b * nonNull;
                    for (int i = 0; i < nonNull; i++) {
                        joined[i * width + b] = page[stream + i];
                    }
                }
                plain(joined, 0, joined.length, row, count, dense, nonNull);
            }
            case DELTA_LENGTH_BYTE_ARRAY -> {
                if (type != DataType.STRING) {
                    throw ParquetErrors.unsupportedEncoding(file, column, "DELTA_LENGTH_BYTE_ARRAY of type " + type);
                }
                DeltaDecoder lengths = new DeltaDecoder(page, offset, end);
                long[] sizes = lengths.decode(nonNull);
                int at = lengths.position();
                int k = 0;
                for (int i = 0; i < count; i++) {
                    if (dense || levels[i] != 0) {
                        int length = (int) sizes[k++];
                        if (length < 0 || at + (long) length > end) {
                            throw new IOException("string of " + length + " bytes passes the end of its page");
                        }
                        appendString(row + i, page, at, length);
                        at += length;
                    } else {
                        skipString(row + i);
                    }
                }
            }
            default -> throw ParquetErrors.unsupportedEncoding(file, column, "encoding " + encoding);
        }
    }

    /** Writes decoded integers (one per non-null row) into the fixed-width vector at rows {@code [row, row + count)}. */
    private void spreadLongs(long[] decoded, int row, int count, boolean dense) {
        boolean wide = type != DataType.INT32 && type != DataType.DATE;
        int width = wide ? 8 : 4;
        byte[] spread = scratch(count * width);
        int k = 0;
        for (int i = 0; i < count; i++) {
            long value = dense || levels[i] != 0 ? decoded[k++] : 0L;
            if (wide) {
                LONG.set(spread, i * 8, value);
            } else {
                INT.set(spread, i * 4, (int) value);
            }
        }
        vector.getDataBuffer().setBytes((long) row * width, spread, 0, (long) count * width);
    }

    /** Sets the validity bits of rows {@code [row, row + count)}: all, or those whose level is 1. */
    private void setValidity(int row, int count, boolean dense) {
        ArrowBuf validity = vector.getValidityBuffer();
        int i = 0;
        while (i < count && ((row + i) & 7) != 0) {
            if (dense || levels[i] != 0) {
                BitVectorHelper.setBit(validity, row + i);
            }
            i++;
        }
        int bytes = (count - i) / 8;
        if (dense) {
            if (bytes > 0) {
                validity.setOne((long) (row + i) >>> 3, bytes);
            }
            i += bytes * 8;
        } else {
            for (int b = 0; b < bytes; b++, i += 8) {
                int bits = levels[i] | levels[i + 1] << 1 | levels[i + 2] << 2 | levels[i + 3] << 3
                        | levels[i + 4] << 4 | levels[i + 5] << 5 | levels[i + 6] << 6 | levels[i + 7] << 7;
                validity.setByte((long) (row + i) >>> 3, bits);
            }
        }
        for (; i < count; i++) {
            if (dense || levels[i] != 0) {
                BitVectorHelper.setBit(validity, row + i);
            }
        }
    }

    private byte[] scratch(int bytes) {
        if (scratch.length < bytes) {
            scratch = new byte[Math.max(bytes, scratch.length * 2)];
        }
        return scratch;
    }

    /** Room for {@code more} bytes after {@link #stringEnd} in the data buffer of the string vector. */
    private ArrowBuf stringData(int more) {
        VarCharVector strings = (VarCharVector) vector;
        long needed = (long) stringEnd + more;
        if (needed > Integer.MAX_VALUE) {
            throw new IllegalStateException("string column '" + column + "' holds more than 2 GB in one row group");
        }
        while (strings.getDataBuffer().capacity() < needed) {
            strings.reallocDataBuffer(Math.max(needed, strings.getDataBuffer().capacity() * 2));
        }
        return strings.getDataBuffer();
    }

    private void appendString(int index, byte[] source, int offset, int length) {
        stringData(length).setBytes(stringEnd, source, offset, length);
        stringEnd += length;
        vector.getOffsetBuffer().setInt((long) (index + 1) * 4, stringEnd);
    }

    private void skipString(int index) {
        vector.getOffsetBuffer().setInt((long) (index + 1) * 4, stringEnd);
    }

    private void plain(byte[] page, int offset, int end, int row, int count, boolean dense, int nonNull)
            throws IOException {
        switch (type) {
            case INT64, FLOAT64, TIMESTAMP, INT32, DATE -> {
                int width = type == DataType.INT32 || type == DataType.DATE ? 4 : 8;
                if (offset + (long) nonNull * width > end) {
                    throw new IOException("PLAIN page holds fewer than its " + nonNull + " values");
                }
                ArrowBuf data = vector.getDataBuffer();
                if (dense) {
                    data.setBytes((long) row * width, page, offset, (long) count * width);
                    return;
                }
                byte[] spread = scratch(count * width);
                int at = offset;
                for (int i = 0; i < count; i++) {
                    if (width == 8) {
                        LONG.set(spread, i * 8, levels[i] != 0 ? (long) LONG.get(page, at) : 0L);
                    } else {
                        INT.set(spread, i * 4, levels[i] != 0 ? (int) INT.get(page, at) : 0);
                    }
                    at += levels[i] * width;
                }
                data.setBytes((long) row * width, spread, 0, (long) count * width);
            }
            case BOOLEAN -> {
                BitVector bits = (BitVector) vector;
                if (offset + (nonNull + 7L) / 8 > end) {
                    throw new IOException("PLAIN page holds fewer than its " + nonNull + " values");
                }
                int k = 0;
                for (int i = 0; i < count; i++) {
                    if (dense || levels[i] != 0) {
                        bits.set(row + i, (page[offset + (k >>> 3)] >>> (k & 7)) & 1);
                        k++;
                    }
                }
            }
            case STRING -> {
                stringData(end - offset);
                int at = offset;
                for (int i = 0; i < count; i++) {
                    if (dense || levels[i] != 0) {
                        int length = (int) INT.get(page, at);
                        if (length < 0 || at + 4L + length > end) {
                            throw new IOException("string of " + length + " bytes passes the end of its page");
                        }
                        appendString(row + i, page, at + 4, length);
                        at += 4 + length;
                    } else {
                        skipString(row + i);
                    }
                }
            }
            default -> throw new IllegalStateException("no Parquet values for " + type);
        }
    }

    private void dictionary(byte[] page, int pageLength, int size) throws IOException {
        if (size < 0) {
            throw new IOException("dictionary of " + size + " values");
        }
        dictionarySize = size;
        switch (type) {
            case INT64, FLOAT64, TIMESTAMP -> {
                dictionaryLongs = new long[size];
                check(pageLength, 8L * size);
                for (int i = 0; i < size; i++) {
                    dictionaryLongs[i] = (long) LONG.get(page, i * 8);
                }
            }
            case INT32, DATE -> {
                dictionaryInts = new int[size];
                check(pageLength, 4L * size);
                for (int i = 0; i < size; i++) {
                    dictionaryInts[i] = (int) INT.get(page, i * 4);
                }
            }
            case STRING -> {
                dictionaryBytes = new byte[size][];
                int at = 0;
                for (int i = 0; i < size; i++) {
                    int length = (int) INT.get(page, at);
                    check(pageLength, at + 4L + length);
                    dictionaryBytes[i] = java.util.Arrays.copyOfRange(page, at + 4, at + 4 + length);
                    at += 4 + length;
                }
            }
            default -> throw ParquetErrors.unsupportedEncoding(file, column, "a dictionary of type " + type);
        }
    }

    private static void check(int length, long needed) throws IOException {
        if (needed > length) {
            throw new IOException("dictionary page holds fewer values than its header says");
        }
    }

    private void lookUp(int row, int count, boolean dense, int nonNull) throws IOException {
        for (int k = 0; k < nonNull; k++) {
            if (indices[k] < 0 || indices[k] >= dictionarySize) {
                throw new IOException("dictionary index " + indices[k] + " outside the dictionary of "
                        + dictionarySize);
            }
        }
        switch (type) {
            case INT64, FLOAT64, TIMESTAMP, INT32, DATE -> {
                boolean wide = type != DataType.INT32 && type != DataType.DATE;
                int width = wide ? 8 : 4;
                byte[] spread = scratch(count * width);
                int k = 0;
                for (int i = 0; i < count; i++) {
                    boolean present = dense || levels[i] != 0;
                    int index = present ? indices[k++] : 0;
                    if (wide) {
                        LONG.set(spread, i * 8, present ? dictionaryLongs[index] : 0L);
                    } else {
                        INT.set(spread, i * 4, present ? dictionaryInts[index] : 0);
                    }
                }
                vector.getDataBuffer().setBytes((long) row * width, spread, 0, (long) count * width);
            }
            case STRING -> {
                int k = 0;
                for (int i = 0; i < count; i++) {
                    if (dense || levels[i] != 0) {
                        byte[] value = dictionaryBytes[indices[k++]];
                        appendString(row + i, value, 0, value.length);
                    } else {
                        skipString(row + i);
                    }
                }
            }
            default -> throw ParquetErrors.unsupportedEncoding(file, column, "a dictionary of type " + type);
        }
    }
}
