package io.datajax.runtime.mpj.control;

import io.datajax.runtime.mpj.control.ControlMessage.Failure;
import io.datajax.runtime.mpj.control.ControlMessage.Hello;
import io.datajax.runtime.mpj.control.ControlMessage.Ready;
import io.datajax.runtime.mpj.control.ControlMessage.Result;
import io.datajax.runtime.mpj.control.ControlMessage.Stop;
import io.datajax.runtime.mpj.control.ControlMessage.Task;
import io.datajax.runtime.mpj.control.ControlMessage.Welcome;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.StreamCorruptedException;
import java.nio.charset.StandardCharsets;

/**
 * The wire format of {@link ControlMessage}s: a magic int and a kind byte, then the fields, big-endian
 * ({@link DataOutputStream}); byte arrays and strings (UTF-8) as an int length and the bytes, -1 for a
 * null string. Reads are bounded by a caller-given limit, so an unauthenticated peer cannot make the
 * driver allocate much.
 */
public final class ControlCodec {
    /** "DJMP": starts every frame. */
    static final int MAGIC = 0x444A4D50;

    /** The largest field accepted before a peer is authenticated. */
    public static final int HANDSHAKE_LIMIT = 4096;

    private static final byte HELLO = 1;
    private static final byte WELCOME = 2;
    private static final byte READY = 3;
    private static final byte TASK = 4;
    private static final byte RESULT = 5;
    private static final byte FAILURE = 6;
    private static final byte STOP = 7;

    private ControlCodec() {
    }

    /** Writes {@code message} and flushes. */
    public static void write(DataOutputStream out, ControlMessage message) throws IOException {
        out.writeInt(MAGIC);
        if (message instanceof Hello hello) {
            out.writeByte(HELLO);
            out.writeInt(hello.rank());
            out.writeLong(hello.pid());
            writeBytes(out, hello.secret());
        } else if (message instanceof Welcome welcome) {
            out.writeByte(WELCOME);
            out.writeInt(welcome.roundBytes());
        } else if (message instanceof Ready ready) {
            out.writeByte(READY);
            out.writeLong(ready.initNanos());
        } else if (message instanceof Task task) {
            out.writeByte(TASK);
            out.writeLong(task.callId());
            writeString(out, task.stage());
            writeString(out, task.taskClass());
            writeBytes(out, task.payload());
        } else if (message instanceof Result result) {
            out.writeByte(RESULT);
            out.writeLong(result.callId());
            out.writeLong(result.runNanos());
            writeBytes(out, result.result());
        } else if (message instanceof Failure failure) {
            out.writeByte(FAILURE);
            out.writeLong(failure.callId());
            writeString(out, failure.exceptionClass());
            writeString(out, failure.message());
            writeString(out, failure.stackTrace());
        } else if (message instanceof Stop) {
            out.writeByte(STOP);
        } else {
            throw new IllegalArgumentException("unknown control message " + message);
        }
        out.flush();
    }

    /**
     * Reads one message.
     *
     * @param limit the largest byte array or string accepted
     * @throws java.io.EOFException at the end of the stream
     * @throws StreamCorruptedException on a bad magic, kind or length
     */
    public static ControlMessage read(DataInputStream in, int limit) throws IOException {
        int magic = in.readInt();
        if (magic != MAGIC) {
            throw new StreamCorruptedException("not a DataJax control frame (magic " + Integer.toHexString(magic) + ")");
        }
        byte kind = in.readByte();
        switch (kind) {
            case HELLO:
                return new Hello(in.readInt(), in.readLong(), readBytes(in, limit));
            case WELCOME:
                return new Welcome(in.readInt());
            case READY:
                return new Ready(in.readLong());
            case TASK:
                return new Task(in.readLong(), readString(in, limit), readString(in, limit), readBytes(in, limit));
            case RESULT:
                return new Result(in.readLong(), in.readLong(), readBytes(in, limit));
            case FAILURE:
                return new Failure(in.readLong(), readString(in, limit), readString(in, limit), readString(in, limit));
            case STOP:
                return new Stop();
            default:
                throw new StreamCorruptedException("unknown control message kind " + kind);
        }
    }

    private static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
        } else {
            writeBytes(out, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static byte[] readBytes(DataInputStream in, int limit) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > limit) {
            throw new StreamCorruptedException("control field of " + length + " bytes (limit " + limit + ")");
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return bytes;
    }

    private static String readString(DataInputStream in, int limit) throws IOException {
        int length = in.readInt();
        if (length == -1) {
            return null;
        }
        if (length < 0 || length > limit) {
            throw new StreamCorruptedException("control field of " + length + " bytes (limit " + limit + ")");
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
