package io.datajax.io.csv;

import java.nio.charset.StandardCharsets;

/**
 * Parses integers, doubles and booleans straight from bytes, without creating strings on the common path.
 * A parse returns whether the bytes were a valid value and leaves the value in {@link #longValue} or
 * {@link #doubleValue}. Not thread-safe.
 *
 * <p>Integers: an optional sign and 1 or more ASCII digits, range-checked. Doubles: {@code [sign] digits [.
 * digits] [(e|E) [sign] digits]} (digits on at least one side of the point), or {@code NaN}, {@code Inf},
 * {@code Infinity} with an optional sign, in any case. A double with at most 18 significant digits whose
 * value is exactly computable in double arithmetic (Clinger's fast path) is converted directly, most others
 * by {@link EiselLemire}; the rest (more than 18 significant digits, subnormals, rare near-ties) go through
 * {@link Double#parseDouble}. All paths round correctly.
 */
final class NumberParser {
    private static final double[] POWERS_OF_TEN = new double[23];
    private static final long MAX_EXACT = 1L << 53;

    static {
        double power = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = power;
            power *= 10;
        }
    }

    long longValue;
    double doubleValue;

    /** Parses a signed 64-bit integer. */
    boolean parseLong(byte[] b, int start, int end) {
        return parseInteger(b, start, end, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /** Parses a signed 32-bit integer. */
    boolean parseInt(byte[] b, int start, int end) {
        return parseInteger(b, start, end, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    /** Whether {@code b[start, end)} is an integer (sign and digits) of any size: for "out of range" errors. */
    static boolean isIntegerSyntax(byte[] b, int start, int end) {
        int i = start;
        if (i < end && (b[i] == '-' || b[i] == '+')) {
            i++;
        }
        if (i == end) {
            return false;
        }
        for (; i < end; i++) {
            if (b[i] < '0' || b[i] > '9') {
                return false;
            }
        }
        return true;
    }

    private boolean parseInteger(byte[] b, int start, int end, long min, long max) {
        int i = start;
        if (i >= end) {
            return false;
        }
        boolean negative = false;
        byte first = b[i];
        if (first == '-' || first == '+') {
            negative = first == '-';
            if (++i == end) {
                return false;
            }
        }
        // Accumulate negatively, as Long.parseLong does, so that the minimum value fits.
        long limit = negative ? min : -max;
        long limitBeforeDigit = limit / 10;
        long result = 0;
        for (; i < end; i++) {
            int digit = b[i] - '0';
            if (digit < 0 || digit > 9 || result < limitBeforeDigit) {
                return false;
            }
            result *= 10;
            if (result < limit + digit) {
                return false;
            }
            result -= digit;
        }
        longValue = negative ? result : -result;
        return true;
    }

    /** Parses a double. */
    boolean parseDouble(byte[] b, int start, int end) {
        int i = start;
        boolean negative = false;
        if (i < end && (b[i] == '-' || b[i] == '+')) {
            negative = b[i] == '-';
            i++;
        }
        long mantissa = 0;
        int significant = 0;
        int exponent = 0;
        boolean truncated = false;
        int digitsStart = i;
        for (; i < end; i++) {
            int digit = b[i] - '0';
            if (digit < 0 || digit > 9) {
                break;
            }
            if (significant < 18) {
                mantissa = mantissa * 10 + digit;
                if (mantissa != 0) {
                    significant++;
                }
            } else {
                exponent++;
                truncated |= digit != 0;
            }
        }
        int digits = i - digitsStart;
        if (i < end && b[i] == '.') {
            i++;
            int fractionStart = i;
            for (; i < end; i++) {
                int digit = b[i] - '0';
                if (digit < 0 || digit > 9) {
                    break;
                }
                if (significant < 18) {
                    mantissa = mantissa * 10 + digit;
                    exponent--;
                    if (mantissa != 0) {
                        significant++;
                    }
                } else {
                    truncated |= digit != 0;
                }
            }
            digits += i - fractionStart;
        }
        if (digits == 0) {
            return parseSpecial(b, start, end);
        }
        if (i < end && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            boolean negativeExponent = false;
            if (i < end && (b[i] == '-' || b[i] == '+')) {
                negativeExponent = b[i] == '-';
                i++;
            }
            if (i == end) {
                return false;
            }
            int explicit = 0;
            for (; i < end; i++) {
                int digit = b[i] - '0';
                if (digit < 0 || digit > 9) {
                    return false;
                }
                if (explicit < 100_000) {
                    explicit = explicit * 10 + digit;
                }
            }
            exponent += negativeExponent ? -explicit : explicit;
        }
        if (i != end) {
            return false;
        }
        if (mantissa == 0 && !truncated) {
            doubleValue = negative ? -0.0 : 0.0;
            return true;
        }
        if (!truncated && mantissa <= MAX_EXACT && exponent >= -22 && exponent <= 22) {
            double value = exponent < 0 ? mantissa / POWERS_OF_TEN[-exponent] : mantissa * POWERS_OF_TEN[exponent];
            doubleValue = negative ? -value : value;
            return true;
        }
        long bits = truncated ? EiselLemire.DECLINED : EiselLemire.toDoubleBits(mantissa, exponent);
        if (bits != EiselLemire.DECLINED) {
            double value = Double.longBitsToDouble(bits);
            doubleValue = negative ? -value : value;
            return true;
        }
        doubleValue = Double.parseDouble(new String(b, start, end - start, StandardCharsets.ISO_8859_1));
        return true;
    }

    private boolean parseSpecial(byte[] b, int start, int end) {
        int i = start;
        boolean negative = false;
        if (i < end && (b[i] == '-' || b[i] == '+')) {
            negative = b[i] == '-';
            i++;
        }
        if (matches(b, i, end, "nan")) {
            doubleValue = Double.NaN;
            return true;
        }
        if (matches(b, i, end, "inf") || matches(b, i, end, "infinity")) {
            doubleValue = negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            return true;
        }
        return false;
    }

    /** Parses {@code true} or {@code false} in any case into {@link #longValue} (1 or 0). */
    boolean parseBoolean(byte[] b, int start, int end) {
        if (matches(b, start, end, "true")) {
            longValue = 1;
            return true;
        }
        if (matches(b, start, end, "false")) {
            longValue = 0;
            return true;
        }
        return false;
    }

    /** Whether {@code b[start, end)} equals the lower-case ASCII {@code word}, ignoring case. */
    private static boolean matches(byte[] b, int start, int end, String word) {
        if (end - start != word.length()) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if ((b[start + i] | 0x20) != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
