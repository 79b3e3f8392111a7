package io.datajax.io.csv;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Reads and writes DATE (days since 1970-01-01) and TIMESTAMP (microseconds since 1970-01-01T00:00, no zone)
 * values as CSV text. The ISO defaults go through a byte-level fast path for years 0000 to 9999; other years
 * and other patterns go through {@code java.time}. Not thread-safe (parse results are held in fields).
 */
final class TemporalCodec {
    private static final long MICROS_PER_DAY = 86_400_000_000L;
    /** The days of 0000-01-01 and 9999-12-31, the range of the fast path. */
    private static final long MIN_FAST_DAY = epochDay(0, 1, 1);
    private static final long MAX_FAST_DAY = epochDay(9999, 12, 31);

    private final DateTimeFormatter dateFormat;
    private final DateTimeFormatter timestampFormat;
    private final boolean isoDate;
    private final boolean isoTimestamp;

    /** The last parsed value: days for a date, micros for a timestamp. */
    long value;

    TemporalCodec(CsvOptions options) {
        isoDate = options.dateFormat().equals(CsvOptions.ISO_DATE);
        isoTimestamp = options.timestampFormat().equals(CsvOptions.ISO_TIMESTAMP);
        dateFormat = isoDate ? DateTimeFormatter.ISO_LOCAL_DATE
                : DateTimeFormatter.ofPattern(options.dateFormat(), Locale.ROOT);
        timestampFormat = isoTimestamp ? DateTimeFormatter.ISO_LOCAL_DATE_TIME
                : DateTimeFormatter.ofPattern(options.timestampFormat(), Locale.ROOT);
    }

    /** Parses {@code b[start, end)} as a date into {@link #value}; false if it is not one. */
    boolean parseDate(byte[] b, int start, int end) {
        if (isoDate && end - start == 10 && b[start + 4] == '-' && b[start + 7] == '-') {
            int year = digits4(b, start);
            int month = digits2(b, start + 5);
            int day = digits2(b, start + 8);
            if (year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)) {
                value = epochDay(year, month, day);
                return true;
            }
            return false;
        }
        if (isoDate && !(end > start && (b[start] == '+' || b[start] == '-'))) {
            return false;
        }
        try {
            value = LocalDate.parse(text(b, start, end), dateFormat).toEpochDay();
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    /** Parses {@code b[start, end)} as a timestamp into {@link #value}; false if it is not one. */
    boolean parseTimestamp(byte[] b, int start, int end) {
        int length = end - start;
        if (isoTimestamp && length >= 16 && b[start + 4] == '-' && b[start + 7] == '-'
                && (b[start + 10] == 'T' || b[start + 10] == ' ') && b[start + 13] == ':') {
            return parseIsoTimestamp(b, start, end);
        }
        if (isoTimestamp && !(length > 0 && (b[start] == '+' || b[start] == '-'))) {
            return false;
        }
        try {
            LocalDateTime time = LocalDateTime.parse(text(b, start, end), timestampFormat);
            value = Math.addExact(Math.multiplyExact(time.toLocalDate().toEpochDay(), MICROS_PER_DAY),
                    time.toLocalTime().toNanoOfDay() / 1000);
            return true;
        } catch (DateTimeException | ArithmeticException e) {
            return false;
        }
    }

    private boolean parseIsoTimestamp(byte[] b, int start, int end) {
        int year = digits4(b, start);
        int month = digits2(b, start + 5);
        int day = digits2(b, start + 8);
        int hour = digits2(b, start + 11);
        int minute = digits2(b, start + 14);
        int second = 0;
        long micros = 0;
        int i = start + 16;
        if (i < end) {
            if (b[i] != ':' || end - i < 3) {
                return false;
            }
            second = digits2(b, i + 1);
            i += 3;
            if (i < end) {
                if (b[i] != '.' || end - i < 2 || end - i > 7) {
                    return false;
                }
                int scale = 100_000;
                for (i++; i < end; i++) {
                    int digit = b[i] - '0';
                    if (digit < 0 || digit > 9) {
                        return false;
                    }
                    micros += digit * scale;
                    scale /= 10;
                }
            }
        }
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour < 0
                || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return false;
        }
        value = epochDay(year, month, day) * MICROS_PER_DAY + ((hour * 60L + minute) * 60 + second) * 1_000_000
                + micros;
        return true;
    }

    /** Appends the text of date {@code days} to {@code out}. */
    void formatDate(long days, CsvOutput out) {
        if (isoDate && days >= MIN_FAST_DAY && days <= MAX_FAST_DAY) {
            appendIsoDate(days, out);
        } else {
            out.appendAscii(dateFormat.format(LocalDate.ofEpochDay(days)));
        }
    }

    /** Appends the text of timestamp {@code micros} to {@code out}. */
    void formatTimestamp(long micros, CsvOutput out) {
        long days = Math.floorDiv(micros, MICROS_PER_DAY);
        long ofDay = Math.floorMod(micros, MICROS_PER_DAY);
        if (isoTimestamp && days >= MIN_FAST_DAY && days <= MAX_FAST_DAY) {
            appendIsoDate(days, out);
            long seconds = ofDay / 1_000_000;
            int fraction = (int) (ofDay % 1_000_000);
            out.append((byte) 'T');
            append2(out, (int) (seconds / 3600));
            out.append((byte) ':');
            append2(out, (int) (seconds / 60 % 60));
            out.append((byte) ':');
            append2(out, (int) (seconds % 60));
            if (fraction != 0) {
                out.append((byte) '.');
                for (int scale = 100_000; scale > 0; scale /= 10) {
                    out.append((byte) ('0' + fraction / scale % 10));
                }
            }
        } else {
            LocalDateTime time = LocalDateTime.of(LocalDate.ofEpochDay(days),
                    java.time.LocalTime.ofNanoOfDay(ofDay * 1000));
            out.appendAscii(timestampFormat.format(time));
        }
    }

    private static void appendIsoDate(long days, CsvOutput out) {
        // Civil-from-days (proleptic Gregorian), valid for the fast range.
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long mp = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        int year = (int) (yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
        append2(out, year / 100);
        append2(out, year % 100);
        out.append((byte) '-');
        append2(out, month);
        out.append((byte) '-');
        append2(out, day);
    }

    private static void append2(CsvOutput out, int value) {
        out.append((byte) ('0' + value / 10));
        out.append((byte) ('0' + value % 10));
    }

    /** Days since 1970-01-01 of a valid proleptic Gregorian date (days-from-civil). */
    static long epochDay(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra - 719_468;
    }

    private static int daysInMonth(int year, int month) {
        if (month == 2) {
            boolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
            return leap ? 29 : 28;
        }
        return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
    }

    /** Two ASCII digits as a number, or a negative number if either is not a digit. */
    private static int digits2(byte[] b, int at) {
        int high = b[at] - '0';
        int low = b[at + 1] - '0';
        if (high < 0 || high > 9 || low < 0 || low > 9) {
            return -1_000_000;
        }
        return high * 10 + low;
    }

    private static int digits4(byte[] b, int at) {
        int high = digits2(b, at);
        int low = digits2(b, at + 2);
        return high < 0 || low < 0 ? -1 : high * 100 + low;
    }

    private static String text(byte[] b, int start, int end) {
        return new String(b, start, end - start, StandardCharsets.UTF_8);
    }
}
