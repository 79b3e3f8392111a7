package io.datajax.io.parquet;

import io.datajax.ir.DataType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.Statistics;

/**
 * What a row group's statistics say about one column: the smallest and largest non-null value (null when not
 * recorded) and the count of nulls (-1 when not recorded), out of {@code values} values. Values are Long
 * (integers, DATE days, TIMESTAMP micros), Double, Boolean or String.
 */
record RowGroupStatistics(DataType type, Object min, Object max, long nulls, long values) {

    /** The statistics of a column chunk of type {@code type}. */
    static RowGroupStatistics of(DataType type, boolean optional, ColumnMetaData metadata) {
        long values = metadata.getNum_values();
        Statistics statistics = metadata.isSetStatistics() ? metadata.getStatistics() : null;
        if (statistics == null) {
            return new RowGroupStatistics(type, null, null, optional ? -1 : 0, values);
        }
        long nulls = statistics.isSetNull_count() ? statistics.getNull_count() : optional ? -1 : 0;
        byte[] min = null;
        byte[] max = null;
        if (statistics.isSetMin_value() && statistics.isSetMax_value()) {
            min = statistics.getMin_value();
            max = statistics.getMax_value();
        } else if (type != DataType.STRING && statistics.isSetMin() && statistics.isSetMax()) {
            min = statistics.getMin();
            max = statistics.getMax();
        }
        Object low = min == null ? null : value(type, min);
        Object high = max == null ? null : value(type, max);
        if (low == null || high == null) {
            return new RowGroupStatistics(type, null, null, nulls, values);
        }
        return new RowGroupStatistics(type, low, high, nulls, values);
    }

    /** Whether every value is null, as far as the statistics tell. */
    boolean allNull() {
        return nulls >= 0 && nulls == values;
    }

    private static Object value(DataType type, byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        switch (type) {
            case INT32, DATE:
                return bytes.length == 4 ? (Object) (long) buffer.getInt() : null;
            case INT64, TIMESTAMP:
                return bytes.length == 8 ? (Object) buffer.getLong() : null;
            case FLOAT64: {
                if (bytes.length != 8) {
                    return null;
                }
                double value = buffer.getDouble();
                return Double.isNaN(value) ? null : (Object) value;
            }
            case BOOLEAN:
                return bytes.length == 1 ? (Object) (bytes[0] != 0) : null;
            case STRING:
                try {
                    CharBuffer chars = StandardCharsets.UTF_8.newDecoder().decode(buffer);
                    return chars.toString();
                } catch (CharacterCodingException e) {
                    return null;
                }
            default:
                return null;
        }
    }
}
