package io.datajax.io.csv;

import io.datajax.ir.DataType;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * Writes the non-null values of one Arrow vector as CSV text, one subclass per DataJax type. Numbers and
 * booleans never need quotes; strings are quoted when they hold the delimiter, the quote, a line break, or
 * equal a null token (so that they read back as text, not null).
 */
abstract class ColumnEncoder {
    private ColumnEncoder() {
    }

    /** Appends the value at {@code row} (not null) to {@code out}. */
    abstract void encode(int row, CsvOutput out);

    static ColumnEncoder of(DataType type, FieldVector vector, TemporalCodec temporals, CsvOptions options) {
        return switch (type) {
            case BOOLEAN -> new BooleanEncoder((BitVector) vector);
            case INT32 -> new Int32Encoder((IntVector) vector);
            case INT64 -> new Int64Encoder((BigIntVector) vector);
            case FLOAT64 -> new Float64Encoder((Float8Vector) vector);
            case STRING -> new StringEncoder((VarCharVector) vector, options);
            case DATE -> new DateEncoder((DateDayVector) vector, temporals);
            case TIMESTAMP -> new TimestampEncoder((TimeStampMicroVector) vector, temporals);
            case NULL -> throw new IllegalArgumentException("a CSV column cannot have type NULL");
        };
    }

    /** Appends {@code text} to {@code out}, quoted if needed. */
    static void appendText(byte[] text, int length, CsvOutput out, byte delimiter, byte quote,
            NullTokens nulls) {
        boolean needsQuotes = nulls.matches(text, 0, length);
        for (int i = 0; i < length && !needsQuotes; i++) {
            byte b = text[i];
            needsQuotes = b == delimiter || b == quote || b == '\n' || b == '\r';
        }
        if (!needsQuotes) {
            out.append(text, 0, length);
            return;
        }
        out.append(quote);
        int from = 0;
        for (int i = 0; i < length; i++) {
            if (text[i] == quote) {
                out.append(text, from, i + 1 - from);
                out.append(quote);
                from = i + 1;
            }
        }
        out.append(text, from, length - from);
        out.append(quote);
    }

    private static final class BooleanEncoder extends ColumnEncoder {
        private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
        private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);
        private final BitVector vector;

        BooleanEncoder(BitVector vector) {
            this.vector = vector;
        }

        @Override
        void encode(int row, CsvOutput out) {
            out.append(vector.get(row) != 0 ? TRUE : FALSE);
        }
    }

    private static final class Int32Encoder extends ColumnEncoder {
        private final IntVector vector;

        Int32Encoder(IntVector vector) {
            this.vector = vector;
        }

        @Override
        void encode(int row, CsvOutput out) {
            out.appendLong(vector.get(row));
        }
    }

    private static final class Int64Encoder extends ColumnEncoder {
        private final BigIntVector vector;

        Int64Encoder(BigIntVector vector) {
            this.vector = vector;
        }

        @Override
        void encode(int row, CsvOutput out) {
            out.appendLong(vector.get(row));
        }
    }

    /**
     * Whole numbers below 1e15 as digits and {@code .0}, the rest as {@link Double#toString}: both read back to
     * the same double; NaN and infinities as Java spells them.
     */
    private static final class Float64Encoder extends ColumnEncoder {
        private final Float8Vector vector;

        Float64Encoder(Float8Vector vector) {
            this.vector = vector;
        }

        @Override
        void encode(int row, CsvOutput out) {
            double value = vector.get(row);
            if (value == (long) value && Math.abs(value) < 1e15 && (value != 0 || 1 / value > 0)) {
                out.appendLong((long) value);
                out.append((byte) '.');
                out.append((byte) '0');
                return;
            }
            out.appendAscii(Double.toString(value));
        }
    }

    private static final class StringEncoder extends ColumnEncoder {
        private final VarCharVector vector;
        private final byte delimiter;
        private final byte quote;
        private final NullTokens nulls;
        private byte[] scratch = new byte[256];

        StringEncoder(VarCharVector vector, CsvOptions options) {
            this.vector = vector;
            this.delimiter = (byte) options.delimiter();
            this.quote = (byte) options.quote();
            this.nulls = new NullTokens(options.nullTokens());
        }

        @Override
        void encode(int row, CsvOutput out) {
            long start = vector.getStartOffset(row);
            int length = vector.getValueLength(row);
            if (scratch.length < length) {
                scratch = new byte[Math.max(length, scratch.length * 2)];
            }
            vector.getDataBuffer().getBytes(start, scratch, 0, length);
            appendText(scratch, length, out, delimiter, quote, nulls);
        }
    }

    private static final class DateEncoder extends ColumnEncoder {
        private final DateDayVector vector;
        private final TemporalCodec temporals;

        DateEncoder(DateDayVector vector, TemporalCodec temporals) {
            this.vector = vector;
            this.temporals = temporals;
        }

        @Override
        void encode(int row, CsvOutput out) {
            temporals.formatDate(vector.get(row), out);
        }
    }

    private static final class TimestampEncoder extends ColumnEncoder {
        private final TimeStampMicroVector vector;
        private final TemporalCodec temporals;

        TimestampEncoder(TimeStampMicroVector vector, TemporalCodec temporals) {
            this.vector = vector;
            this.temporals = temporals;
        }

        @Override
        void encode(int row, CsvOutput out) {
            temporals.formatTimestamp(vector.get(row), out);
        }
    }
}
