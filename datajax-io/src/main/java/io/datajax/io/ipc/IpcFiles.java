package io.datajax.io.ipc;

import io.datajax.io.ArrowSchemas;
import io.datajax.ir.Schema;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.apache.arrow.flatbuf.Footer;
import org.apache.arrow.vector.ipc.ReadChannel;
import org.apache.arrow.vector.ipc.message.ArrowBlock;
import org.apache.arrow.vector.ipc.message.ArrowFooter;
import org.apache.arrow.vector.ipc.message.MessageSerializer;

/** Reads the metadata of Arrow IPC files (schema, record-batch blocks) without allocating Arrow buffers. */
final class IpcFiles {
    private static final byte[] MAGIC = "ARROW1".getBytes(StandardCharsets.US_ASCII);
    private static final int TAIL = MAGIC.length + Integer.BYTES;

    private IpcFiles() {
    }

    /** The footer of an IPC file-format file: its schema (message form) and its record-batch blocks. */
    static ArrowFooter footer(String file) {
        try (FileChannel channel = FileChannel.open(Path.of(file), StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < MAGIC.length * 2L + TAIL) {
                throw IpcErrors.malformed(file, ArrowFileSource.FORMAT, "it has only " + size + " bytes");
            }
            ByteBuffer head = readFully(channel, 0, MAGIC.length);
            ByteBuffer tail = readFully(channel, size - TAIL, TAIL).order(ByteOrder.LITTLE_ENDIAN);
            if (!head.equals(ByteBuffer.wrap(MAGIC)) || !tail.slice(Integer.BYTES, MAGIC.length)
                    .equals(ByteBuffer.wrap(MAGIC))) {
                throw IpcErrors.malformed(file, ArrowFileSource.FORMAT, "it does not begin and end with ARROW1");
            }
            int length = tail.getInt(0);
            if (length <= 0 || length > size - TAIL - MAGIC.length) {
                throw IpcErrors.malformed(file, ArrowFileSource.FORMAT, "its footer length " + length
                        + " does not fit in its " + size + " bytes");
            }
            ByteBuffer footer = readFully(channel, size - TAIL - length, length);
            return new ArrowFooter(Footer.getRootAsFooter(footer));
        } catch (NoSuchFileException e) {
            throw IpcErrors.ioFailed("open " + file, e);
        } catch (IOException e) {
            throw IpcErrors.ioFailed("read " + file, e);
        } catch (RuntimeException e) {
            if (e instanceof io.datajax.ir.error.DataJaxException) {
                throw e;
            }
            throw IpcErrors.malformed(file, ArrowFileSource.FORMAT, e);
        }
    }

    /** The DataJax schema of an IPC stream-format file, from its first message. */
    static Schema streamSchema(String file) {
        try (FileChannel channel = FileChannel.open(Path.of(file), StandardOpenOption.READ)) {
            org.apache.arrow.vector.types.pojo.Schema schema =
                    MessageSerializer.deserializeSchema(new ReadChannel(channel));
            return ArrowSchemas.fromArrow(schema);
        } catch (NoSuchFileException e) {
            throw IpcErrors.ioFailed("open " + file, e);
        } catch (IOException e) {
            throw IpcErrors.malformed(file, ArrowStreamSource.FORMAT, e);
        } catch (RuntimeException e) {
            if (e instanceof io.datajax.ir.error.DataJaxException) {
                throw e;
            }
            throw IpcErrors.malformed(file, ArrowStreamSource.FORMAT, e);
        }
    }

    /** The DataJax schema of an IPC file-format file. */
    static Schema fileSchema(String file) {
        return ArrowSchemas.fromArrow(footer(file).getSchema());
    }

    /** The record-batch blocks of an IPC file-format file, in file order. */
    static List<ArrowBlock> recordBatches(String file) {
        return footer(file).getRecordBatches();
    }

    /** The schema of every file, checked to be the same as the first file's. */
    static Schema commonSchema(List<String> files, java.util.function.Function<String, Schema> schemaOf) {
        Schema first = schemaOf.apply(files.get(0));
        for (String file : files.subList(1, files.size())) {
            Schema schema = schemaOf.apply(file);
            if (!schema.equals(first)) {
                throw IpcErrors.schemaDiffers(file, schema, files.get(0), first);
            }
        }
        return first;
    }

    private static ByteBuffer readFully(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new java.io.EOFException("end of file at byte " + (position + buffer.position()));
            }
        }
        return buffer.flip();
    }
}
