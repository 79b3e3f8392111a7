package io.datajax.io.parquet;

import io.datajax.ir.DataType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.apache.arrow.vector.FieldVector;
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
    private final VectorFiller out;
    private int[] levels = new int[0];
    private int[] indices = new int[0];
    private PageDictionary dictionary;
    private byte[] page = new byte[0];

    private ColumnChunkDecoder(String file, String column, DataType type, boolean optional,
            ParquetCompression compression, VectorFiller out) {
        this.file = file;
        this.column = column;
        this.type = type;
        this.optional = optional;
        this.compression = compression;
        this.out = out;
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
        VectorFiller out = VectorFiller.allocate(vector, type, rows, metadata.getTotal_uncompressed_size());
        new ColumnChunkDecoder(file, column, type, optional, compression, out).pages(chunk, rows);
        out.finish(rows);
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
                case DICTIONARY_PAGE -> {
                    dictionary = PageDictionary.read(type, inflate(chunk, start, compressed,
                            header.getUncompressed_page_size()), header.getUncompressed_page_size(),
                            header.getDictionary_page_header().getNum_values());
                    if (dictionary == null) {
                        throw ParquetErrors.unsupportedEncoding(file, column, "a dictionary of type " + type);
                    }
                }
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
        out.validity(row, count, levels, dense);
        switch (encoding) {
            case PLAIN -> plain(page, offset, end, row, count, dense, nonNull);
            case PLAIN_DICTIONARY, RLE_DICTIONARY -> {
                if (dictionary == null) {
                    throw new IOException("dictionary-encoded page without a dictionary page");
                }
                if (indices.length < nonNull) {
                    indices = new int[nonNull];
                }
                if (nonNull > 0) {
                    new RleDecoder(page, offset + 1, end, page[offset]).decode(indices, nonNull);
                }
                dictionary.lookUp(indices, nonNull, row, count, levels, dense, out);
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
                int k = 0;
                for (int i = 0; i < count; i++) {
                    if (dense || levels[i] != 0) {
                        out.bit(row + i, indices[k++]);
                    }
                }
            }
            case DELTA_BINARY_PACKED -> {
                if (type != DataType.INT32 && type != DataType.INT64 && type != DataType.DATE
                        && type != DataType.TIMESTAMP) {
                    throw ParquetErrors.unsupportedEncoding(file, column, "DELTA_BINARY_PACKED values of type " + type);
                }
                out.longs(new DeltaDecoder(page, offset, end).decode(nonNull), row, count, levels, dense);
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
                        out.string(row + i, page, at, length);
                        at += length;
                    } else {
                        out.noString(row + i);
                    }
                }
            }
            default -> throw ParquetErrors.unsupportedEncoding(file, column, "encoding " + encoding);
        }
    }

    private void plain(byte[] page, int offset, int end, int row, int count, boolean dense, int nonNull)
            throws IOException {
        switch (type) {
            case INT64, FLOAT64, TIMESTAMP, INT32, DATE -> {
                int width = type == DataType.INT32 || type == DataType.DATE ? 4 : 8;
                if (offset + (long) nonNull * width > end) {
                    throw new IOException("PLAIN page holds fewer than its " + nonNull + " values");
                }
                if (dense) {
                    out.fixed(row, count, page, offset);
                    return;
                }
                byte[] spread = out.scratch(count * width);
                int at = offset;
                for (int i = 0; i < count; i++) {
                    if (width == 8) {
                        LONG.set(spread, i * 8, levels[i] != 0 ? (long) LONG.get(page, at) : 0L);
                    } else {
                        INT.set(spread, i * 4, levels[i] != 0 ? (int) INT.get(page, at) : 0);
                    }
                    at += levels[i] * width;
                }
                out.fixed(row, count, spread, 0);
            }
            case BOOLEAN -> {
                if (offset + (nonNull + 7L) / 8 > end) {
                    throw new IOException("PLAIN page holds fewer than its " + nonNull + " values");
                }
                int k = 0;
                for (int i = 0; i < count; i++) {
                    if (dense || levels[i] != 0) {
                        out.bit(row + i, (page[offset + (k >>> 3)] >>> (k & 7)) & 1);
                        k++;
                    }
                }
            }
            case STRING -> {
                out.reserveStrings(end - offset);
                int at = offset;
                for (int i = 0; i < count; i++) {
                    if (dense || levels[i] != 0) {
                        int length = (int) INT.get(page, at);
                        if (length < 0 || at + 4L + length > end) {
                            throw new IOException("string of " + length + " bytes passes the end of its page");
                        }
                        out.string(row + i, page, at + 4, length);
                        at += 4 + length;
                    } else {
                        out.noString(row + i);
                    }
                }
            }
            default -> throw new IllegalStateException("no Parquet values for " + type);
        }
    }
}
