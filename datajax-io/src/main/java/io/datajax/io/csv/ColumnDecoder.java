package io.datajax.io.csv;

import io.datajax.ir.DataType;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * Decodes the text of one CSV column into its Arrow vector, one value at a time, straight from the bytes of
 * the read buffer. One subclass per DataJax type; the reader sizes the vector for a whole batch first.
 */
abstract class ColumnDecoder {
    private ColumnDecoder() {
    }

    /** A decoder for {@code type} writing into {@code vector} (of the matching Arrow kind). */
    static ColumnDecoder of(DataType type, FieldVector vector, NumberParser numbers, TemporalCodec temporals,
            char quote) {
        return switch (type) {
            case BOOLEAN -> new BooleanDecoder((BitVector) vector, numbers);
            case INT32 -> new Int32Decoder((IntVector) vector, numbers);
            case INT64 -> new Int64Decoder((BigIntVector) vector, numbers);
            case FLOAT64 -> new Float64Decoder((Float8Vector) vector, numbers);
            case STRING -> new StringDecoder((VarCharVector) vector, (byte) quote);
            case DATE -> new DateDecoder((DateDayVector) vector, temporals);
            case TIMESTAMP -> new TimestampDecoder((TimeStampMicroVector) vector, temporals);
            case NULL -> throw new IllegalArgumentException("a CSV column cannot have type NULL");
        };
    }

    /**
     * Writes the value in {@code b[start, end)} at {@code row}; {@code escaped} says the text holds doubled
     * quotes. Returns false, writing nothing meaningful, if the text is not a value of the column's type.
     */
    abstract boolean decode(byte[] b, int start, int end, boolean escaped, int row);

    /** Writes null at {@code row}. */
    abstract void decodeNull(int row);

    private static final class BooleanDecoder extends ColumnDecoder {
        private final BitVector vector;
        private final NumberParser numbers;

        BooleanDecoder(BitVector vector, NumberParser numbers) {
            this.vector = vector;
            this.numbers = numbers;
        }

        @Override
        boolean decode(byte[] b, int start, int end, boolean escaped, int row) {
            if (!numbers.parseBoolean(b, start, end)) {
                return false;
            }
            vector.set(row, (int) numbers.longValue);
            return true;
        }

        @Override
        void decodeNull(int row) {
            vector.setNull(row);
        }
    }

    private static final class Int32Decoder extends ColumnDecoder {
        private final IntVector vector;
        private final NumberParser numbers;

        Int32Decoder(IntVector vector, NumberParser numbers) {
            this.vector = vector;
            this.numbers = numbers;
        }

        @Override
        boolean decode(byte[] b, int start, int end, boolean escaped, int row) {
            if (!numbers.parseInt(b, start, end)) {
                return false;
            }
            vector.set(row, (int) numbers.longValue);
            return true;
        }

        @Override
        void decodeNull(int row) {
            vector.setNull(row);
        }
    }

    private static final class Int64Decoder extends ColumnDecoder {
        private final BigIntVector vector;
        private final NumberParser numbers;

        Int64Decoder(BigIntVector vector, NumberParser numbers) {
            this.vector = vector;
            this.numbers = numbers;
        }

        @Override
        boolean decode(byte[] b, int start, int end, boolean escaped, int row) {
            if (!numbers.parseLong(b, start, end)) {
                return false;
            }
            vector.set(row, numbers.longValue);
            return true;
        }

        @Override
        void decodeNull(int row) {
            vector.setNull(row);
        }
    }

    private static final class Float64Decoder extends ColumnDecoder {
        private final Float8Vector vector;
        private final NumberParser numbers;

        Float64Decoder(Float8Vector vector, NumberParser numbers) {
            this.vector = vector;
            this.numbers = numbers;
        }

        @Override
        boolean decode(byte[] b, int start, int end, boolean escaped, int row) {
            if (!numbers.parseDouble(b, start, end)) {
                return false;
            }
            vector.set(row, numbers.doubleValue);
            return true;
        }

        @Override
        void decodeNull(int row) {
            vector.setNull(row);
        }
    }

    private static final class StringDecoder extends ColumnDecoder {
        private final VarCharVector vector;
        private final byte quote;
        private byte[] scratch = new byte[256];

        StringDecoder(VarCharVector vector, byte quote) {
            this.vector = vector;
            this.quote = quote;
        }

        @Override
        boolean decode(byte[] b, int start, int end, boolean escaped, int row) {
            if (!escaped) {
                vector.setSafe(row, b, start, end - start);
                return true;
            }
            if (scratch.length < end - start) {
                scratch = new byte[Math.max(end - start, scratch.length * 2)];
            }
            int length = 0;
            for (int i = start; i < end; i++) {
                scratch[length++] = b[i];
                if (b[i] == quote) {
                    i++;
                }
            }
            vector.setSafe(row, scratch, 0, length);
            return true;
        }

        @Override
        void decodeNull(int row) {
            vector.setNull(row);
        }
    }

    private static final class DateDecoder extends ColumnDecoder {
        private final DateDayVector vector;
        private final TemporalCodec temporals;

        DateDecoder(DateDayVector vector, TemporalCodec temporals) {
            this.vector = vector;
            this.temporals = temporals;
        }

        @Override
        boolean decode(byte[] b, int start, int end, boolean escaped, int row) {
            if (!temporals.parseDate(b, start, end) || temporals.value != (int) temporals.value) {
                return false;
            }
            vector.set(row, (int) temporals.value);
            return true;
        }

        @Override
        void decodeNull(int row) {
            vector.setNull(row);
        }
    }

    private static final class TimestampDecoder extends ColumnDecoder {
        private final TimeStampMicroVector vector;
        private final TemporalCodec temporals;

        TimestampDecoder(TimeStampMicroVector vector, TemporalCodec temporals) {
            this.vector = vector;
            this.temporals = temporals;
        }

        @Override
        boolean decode(byte[] b, int start, int end, boolean escaped, int row) {
            if (!temporals.parseTimestamp(b, start, end)) {
                return false;
            }
            vector.set(row, temporals.value);
            return true;
        }

        @Override
        void decodeNull(int row) {
            vector.setNull(row);
        }
    }
}
