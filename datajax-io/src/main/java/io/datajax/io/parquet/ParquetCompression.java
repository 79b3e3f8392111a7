package io.datajax.io.parquet;

import io.airlift.compress.lz4.Lz4Compressor;
import io.airlift.compress.lz4.Lz4Decompressor;
import io.airlift.compress.snappy.SnappyCompressor;
import io.airlift.compress.snappy.SnappyDecompressor;
import io.airlift.compress.zstd.ZstdCompressor;
import io.airlift.compress.zstd.ZstdDecompressor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.parquet.format.CompressionCodec;

/**
 * The page compression codecs a {@link ParquetSink} can write and a {@link ParquetSource} reads, all in pure
 * Java (aircompressor and the JDK), so no native library has to load. SNAPPY is the default: fast, and what
 * DuckDB and most writers use.
 */
public enum ParquetCompression {
    UNCOMPRESSED(CompressionCodec.UNCOMPRESSED),
    SNAPPY(CompressionCodec.SNAPPY),
    GZIP(CompressionCodec.GZIP),
    ZSTD(CompressionCodec.ZSTD),
    LZ4_RAW(CompressionCodec.LZ4_RAW);

    private final CompressionCodec codec;

    ParquetCompression(CompressionCodec codec) {
        this.codec = codec;
    }

    /** The codec as the Parquet metadata names it. */
    CompressionCodec codec() {
        return codec;
    }

    /** The compression of a Parquet codec, or null when it is not supported. */
    static ParquetCompression of(CompressionCodec codec) {
        for (ParquetCompression compression : values()) {
            if (compression.codec == codec) {
                return compression;
            }
        }
        return null;
    }

    /** The first {@code length} bytes of {@code data}, compressed. */
    byte[] compress(byte[] data, int length) throws IOException {
        switch (this) {
            case UNCOMPRESSED:
                return Arrays.copyOf(data, length);
            case GZIP: {
                ByteArrayOutputStream out = new ByteArrayOutputStream(length / 2 + 64);
                try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
                    gzip.write(data, 0, length);
                }
                return out.toByteArray();
            }
            default: {
                io.airlift.compress.Compressor compressor = switch (this) {
                    case SNAPPY -> new SnappyCompressor();
                    case ZSTD -> new ZstdCompressor();
                    default -> new Lz4Compressor();
                };
                byte[] out = new byte[compressor.maxCompressedLength(length)];
                int written = compressor.compress(data, 0, length, out, 0, out.length);
                return Arrays.copyOf(out, written);
            }
        }
    }

    /**
     * Decompresses {@code length} bytes at {@code offset} of {@code data} into the first {@code size} bytes of
     * {@code out} (at least that long).
     */
    void decompress(byte[] data, int offset, int length, byte[] out, int size) throws IOException {
        int read;
        switch (this) {
            case UNCOMPRESSED:
                if (length != size) {
                    throw new IOException("uncompressed page of " + length + " bytes should have " + size);
                }
                System.arraycopy(data, offset, out, 0, size);
                return;
            case GZIP:
                try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(data, offset, length))) {
                    read = gzip.readNBytes(out, 0, size);
                }
                break;
            default:
                io.airlift.compress.Decompressor decompressor = switch (this) {
                    case SNAPPY -> new SnappyDecompressor();
                    case ZSTD -> new ZstdDecompressor();
                    default -> new Lz4Decompressor();
                };
                try {
                    read = decompressor.decompress(data, offset, length, out, 0, size);
                } catch (RuntimeException e) {
                    throw new IOException(this + " page does not decompress: " + e.getMessage(), e);
                }
        }
        if (read != size) {
            throw new IOException(this + " page decompressed to " + read + " bytes instead of " + size);
        }
    }
}
