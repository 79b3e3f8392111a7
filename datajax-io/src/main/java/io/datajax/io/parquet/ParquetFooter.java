package io.datajax.io.parquet;

import io.datajax.ir.error.DataJaxException;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.Util;

/** Reads the footer (file metadata) of a Parquet file, and byte ranges of it. */
final class ParquetFooter {
    static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);
    private static final int TAIL = Integer.BYTES + 4;

    private ParquetFooter() {
    }

    /** The metadata of {@code file}. */
    static FileMetaData read(String file) {
        try (FileChannel channel = FileChannel.open(Path.of(file), StandardOpenOption.READ)) {
            return read(file, channel);
        } catch (NoSuchFileException e) {
            throw ParquetErrors.ioFailed("open " + file, e);
        } catch (IOException e) {
            throw ParquetErrors.ioFailed("read " + file, e);
        }
    }

    /** The metadata of {@code file}, open as {@code channel}. */
    static FileMetaData read(String file, FileChannel channel) throws IOException {
        try {
            long size = channel.size();
            if (size < MAGIC.length + TAIL) {
                throw ParquetErrors.malformed(file, "it has only " + size + " bytes", null);
            }
            ByteBuffer head = bytes(channel, 0, MAGIC.length);
            ByteBuffer tail = bytes(channel, size - TAIL, TAIL).order(ByteOrder.LITTLE_ENDIAN);
            if (!head.equals(ByteBuffer.wrap(MAGIC)) || !tail.slice(Integer.BYTES, 4).equals(ByteBuffer.wrap(MAGIC))) {
                throw ParquetErrors.malformed(file, "it does not begin and end with PAR1", null);
            }
            int length = tail.getInt(0);
            if (length <= 0 || length > size - TAIL - MAGIC.length) {
                throw ParquetErrors.malformed(file, "its footer length " + length + " does not fit in its " + size
                        + " bytes", null);
            }
            ByteBuffer footer = bytes(channel, size - TAIL - length, length);
            FileMetaData metadata = Util.readFileMetaData(new ByteArrayInputStream(footer.array()));
            if (metadata.getSchema() == null || metadata.getSchema().isEmpty() || metadata.getRow_groups() == null) {
                throw ParquetErrors.malformed(file, "its footer has no schema or no row-group list", null);
            }
            return metadata;
        } catch (DataJaxException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw ParquetErrors.malformed(file, "its footer cannot be read", e);
        }
    }

    /** The first byte of a column chunk: its dictionary page if it has one, else its first data page. */
    static long chunkStart(ColumnMetaData column) {
        long data = column.getData_page_offset();
        if (column.isSetDictionary_page_offset() && column.getDictionary_page_offset() > 0
                && column.getDictionary_page_offset() < data) {
            return column.getDictionary_page_offset();
        }
        return data;
    }

    /** {@code length} bytes of {@code channel} from {@code position}, in a heap buffer. */
    static ByteBuffer bytes(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new EOFException("end of file at byte " + (position + buffer.position()) + ", expected "
                        + (position + length));
            }
        }
        return buffer.flip();
    }
}
