package io.datajax.runtime.kernel;

import io.datajax.ir.DataType;
import io.datajax.ir.error.InternalException;
import io.datajax.runtime.column.BooleanColumn;
import io.datajax.runtime.column.Column;
import io.datajax.runtime.column.DoubleColumn;
import io.datajax.runtime.column.IntColumn;
import io.datajax.runtime.column.LongColumn;
import io.datajax.runtime.column.StringColumn;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Converts a column to another type, per {@link io.datajax.ir.expr.Cast}: also used for implicit numeric
 * promotion (which never fails).
 *
 * <ul>
 *   <li>numeric to numeric: widening is exact; FLOAT64 to an integer truncates toward zero, and NaN,
 *       infinities or values outside the target range are {@code INVALID_CAST} errors, as is INT64 to
 *       INT32 out of range;</li>
 *   <li>BOOLEAN to a number: true is 1, false is 0; a number to BOOLEAN: non-zero (NaN included) is true;</li>
 *   <li>to STRING: integers in decimal, FLOAT64 by {@link Double#toString(double)} (round-trips exactly),
 *       BOOLEAN as {@code true}/{@code false}, DATE as ISO {@code yyyy-MM-dd}, TIMESTAMP as ISO
 *       {@code yyyy-MM-ddTHH:mm:ss[.fraction]};</li>
 *   <li>from STRING: the trimmed text is parsed ({@code true}/{@code false} in any case; Java number
 *       syntax; ISO dates; ISO date-times or a bare date for midnight); failure is an {@code INVALID_CAST}
 *       error naming the value, never null;</li>
 *   <li>DATE to TIMESTAMP is midnight; TIMESTAMP to DATE drops the time of day.</li>
 * </ul>
 * Nulls stay null.
 */
public final class CastKernel {
    static final long MICROS_PER_DAY = 86_400_000_000L;

    private CastKernel() {
    }

    /** {@code input} as {@code target}; {@code exprText} names the cast in error messages. */
    public static Column cast(Column input, DataType target, String exprText) {
        DataType from = input.type();
        if (from == target) {
            return input;
        }
        if (from == DataType.NULL) {
            return Column.nulls(target, input.length());
        }
        return switch (target) {
            case STRING -> toStrings(input);
            case FLOAT64 -> from == DataType.STRING ? parse(input, target, exprText)
                    : new DoubleColumn(input.doubleValues(), input.nulls());
            case INT32, INT64 -> from == DataType.STRING ? parse(input, target, exprText)
                    : from == DataType.FLOAT64 ? doubleToInteger(input, target, exprText)
                    : integerToInteger(input, target, exprText);
            case BOOLEAN -> from == DataType.STRING ? parse(input, target, exprText) : numberToBoolean(input);
            case DATE -> from == DataType.STRING ? parse(input, target, exprText) : timestampToDate(input);
            case TIMESTAMP -> from == DataType.STRING ? parse(input, target, exprText) : dateToTimestamp(input, exprText);
            case NULL -> throw new InternalException("cast of " + from + " to NULL");
        };
    }

    /** Widens a column to a numeric type for arithmetic or comparison; never fails. */
    static Column promote(Column input, DataType target) {
        return cast(input, target, "promotion to " + target);
    }

    private static Column integerToInteger(Column input, DataType target, String exprText) {
        long[] values = input.longValues();
        if (target == DataType.INT32) {
            for (int i = 0; i < values.length; i++) {
                if (!input.isNull(i) && values[i] != (int) values[i]) {
                    throw RuntimeErrors.invalidCast(exprText, values[i], input.type(), target,
                            "outside the INT32 range [" + Integer.MIN_VALUE + ", " + Integer.MAX_VALUE + "]");
                }
            }
        }
        // longValues() is a fresh array here: the source is BOOLEAN, INT32 or (narrowing) INT64 read into ints.
        return Column.ofLongs(target, values, input.nulls());
    }

    private static Column doubleToInteger(Column input, DataType target, String exprText) {
        double[] values = input.doubleValues();
        long[] out = new long[values.length];
        double low = target == DataType.INT32 ? Integer.MIN_VALUE : -0x1p63;
        double high = target == DataType.INT32 ? Integer.MAX_VALUE : 0x1p63;
        for (int i = 0; i < values.length; i++) {
            if (input.isNull(i)) {
                continue;
            }
            double truncated = values[i] < 0 ? Math.ceil(values[i]) : Math.floor(values[i]);
            boolean inRange = target == DataType.INT32 ? truncated >= low && truncated <= high
                    : truncated >= low && truncated < high;
            if (!inRange) {
                throw RuntimeErrors.invalidCast(exprText, values[i], DataType.FLOAT64, target,
                        Double.isNaN(values[i]) ? "NaN has no integer value"
                                : Double.isInfinite(values[i]) ? "infinity has no integer value"
                                : "outside the " + target + " range");
            }
            out[i] = (long) truncated;
        }
        return Column.ofLongs(target, out, input.nulls());
    }

    private static Column numberToBoolean(Column input) {
        boolean[] out = new boolean[input.length()];
        if (input.type() == DataType.FLOAT64) {
            double[] values = input.doubleValues();
            for (int i = 0; i < out.length; i++) {
                out[i] = values[i] != 0.0;
            }
        } else {
            long[] values = input.longValues();
            for (int i = 0; i < out.length; i++) {
                out[i] = values[i] != 0;
            }
        }
        return new BooleanColumn(out, input.nulls());
    }

    private static Column timestampToDate(Column input) {
        long[] values = input.longValues();
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (int) Math.floorDiv(values[i], MICROS_PER_DAY);
        }
        return new IntColumn(DataType.DATE, out, input.nulls());
    }

    private static Column dateToTimestamp(Column input, String exprText) {
        long[] values = input.longValues();
        long[] out = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            if (input.isNull(i)) {
                continue;
            }
            try {
                out[i] = Math.multiplyExact(values[i], MICROS_PER_DAY);
            } catch (ArithmeticException e) {
                throw RuntimeErrors.invalidCast(exprText, LocalDate.ofEpochDay(values[i]), DataType.DATE,
                        DataType.TIMESTAMP, "outside the TIMESTAMP range");
            }
        }
        return new LongColumn(DataType.TIMESTAMP, out, input.nulls());
    }

    private static Column toStrings(Column input) {
        String[] out = new String[input.length()];
        for (int i = 0; i < out.length; i++) {
            if (!input.isNull(i)) {
                out[i] = format(input, i);
            }
        }
        return new StringColumn(out, input.nulls());
    }

    private static String format(Column input, int row) {
        return switch (input.type()) {
            case BOOLEAN, INT32, INT64 -> input.type() == DataType.BOOLEAN ? Boolean.toString(input.longAt(row) != 0)
                    : Long.toString(input.longAt(row));
            case FLOAT64 -> Double.toString(input.doubleAt(row));
            case DATE -> LocalDate.ofEpochDay(input.longAt(row)).toString();
            case TIMESTAMP -> Column.fromEpochMicros(input.longAt(row)).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            case STRING, NULL -> throw new InternalException("format of " + input.type());
        };
    }

    private static Column parse(Column input, DataType target, String exprText) {
        String[] text = ((StringColumn) input).values();
        int n = text.length;
        long[] longs = target == DataType.FLOAT64 ? null : new long[n];
        double[] doubles = target == DataType.FLOAT64 ? new double[n] : null;
        for (int i = 0; i < n; i++) {
            if (input.isNull(i)) {
                continue;
            }
            String value = text[i].trim();
            try {
                switch (target) {
                    case BOOLEAN -> longs[i] = parseBoolean(value);
                    case INT32 -> longs[i] = Integer.parseInt(value);
                    case INT64 -> longs[i] = Long.parseLong(value);
                    case FLOAT64 -> doubles[i] = Double.parseDouble(value);
                    case DATE -> longs[i] = LocalDate.parse(value).toEpochDay();
                    case TIMESTAMP -> longs[i] = Column.toEpochMicros(value.length() <= 10
                            ? LocalDate.parse(value).atStartOfDay() : LocalDateTime.parse(value));
                    default -> throw new InternalException("parse to " + target);
                }
            } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
                throw RuntimeErrors.invalidCast(exprText, text[i], DataType.STRING, target, "not a valid "
                        + target + " (" + expectedSyntax(target) + ")");
            }
        }
        return doubles != null ? new DoubleColumn(doubles, input.nulls()) : Column.ofLongs(target, longs, input.nulls());
    }

    private static long parseBoolean(String value) {
        if (value.equalsIgnoreCase("true")) {
            return 1;
        }
        if (value.equalsIgnoreCase("false")) {
            return 0;
        }
        throw new NumberFormatException(value);
    }

    private static String expectedSyntax(DataType target) {
        return switch (target) {
            case BOOLEAN -> "true or false";
            case INT32, INT64 -> "an integer such as 42";
            case FLOAT64 -> "a number such as 4.2, 1e-3, NaN or Infinity";
            case DATE -> "an ISO date such as 2024-01-31";
            case TIMESTAMP -> "an ISO date-time such as 2024-01-31T12:30:00";
            default -> target.toString();
        };
    }
}
