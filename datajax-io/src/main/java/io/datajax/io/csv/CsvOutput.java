package io.datajax.io.csv;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** A byte buffer in front of an output stream, with the appends the CSV writer needs. Not thread-safe. */
final class CsvOutput {
    private static final int CAPACITY = 1 << 16;

    private final OutputStream stream;
    private byte[] buffer = new byte[CAPACITY];
    private int length;
    private long flushed;

    CsvOutput(OutputStream stream) {
        this.stream = stream;
    }

    void append(byte b) {
        if (length == buffer.length) {
            grow(1);
        }
        buffer[length++] = b;
    }

    void append(byte[] bytes, int offset, int count) {
        if (length + count > buffer.length) {
            grow(count);
        }
        System.arraycopy(bytes, offset, buffer, length, count);
        length += count;
    }

    void append(byte[] bytes) {
        append(bytes, 0, bytes.length);
    }

    /** Appends text known to hold only ASCII characters (numbers, formatted dates). */
    void appendAscii(String text) {
        append(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Appends the decimal digits of {@code value}. */
    void appendLong(long value) {
        if (value == Long.MIN_VALUE) {
            appendAscii("-9223372036854775808");
            return;
        }
        if (length + 20 > buffer.length) {
            grow(20);
        }
        if (value < 0) {
            buffer[length++] = '-';
            value = -value;
        }
        int digits = 1;
        for (long rest = value / 10; rest != 0; rest /= 10) {
            digits++;
        }
        int at = length + digits;
        length = at;
        do {
            buffer[--at] = (byte) ('0' + value % 10);
            value /= 10;
        } while (value != 0);
    }

    /** The bytes in the buffer: a mark for {@link #matches} and {@link #quoteFrom} within one row. */
    int length() {
        return length;
    }

    /** Whether the bytes appended since {@code mark} are one of {@code nulls}. */
    boolean matches(int mark, NullTokens nulls) {
        return nulls.matches(buffer, mark, length);
    }

    /** Encloses the bytes appended since {@code mark} (which hold no quote) in {@code quote}s. */
    void quoteFrom(int mark, byte quote) {
        if (length + 2 > buffer.length) {
            grow(2);
        }
        System.arraycopy(buffer, mark, buffer, mark + 1, length - mark);
        buffer[mark] = quote;
        length += 2;
        buffer[length - 1] = quote;
    }

    /** The bytes appended so far, flushed or not. */
    long written() {
        return flushed + length;
    }

    /** Writes the buffer to the stream once it is mostly full. */
    void flushIfFull() throws IOException {
        if (length >= CAPACITY - 1024) {
            flush();
        }
    }

    void flush() throws IOException {
        stream.write(buffer, 0, length);
        flushed += length;
        length = 0;
    }

    private void grow(int needed) {
        byte[] larger = new byte[Math.max(buffer.length * 2, length + needed)];
        System.arraycopy(buffer, 0, larger, 0, length);
        buffer = larger;
    }
}
