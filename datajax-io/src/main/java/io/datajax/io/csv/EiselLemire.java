package io.datajax.io.csv;

import java.math.BigInteger;

/**
 * Converts a decimal {@code w * 10^q} (w up to 19 digits) to the nearest double with one 64x64-bit
 * multiplication by a 128-bit approximation of {@code 10^q} (the Eisel-Lemire algorithm, Lemire 2021, "Number
 * Parsing at a Gigabyte per Second"). It declines, rather than guess, whenever the approximation error could
 * change the rounding (about 1 in 256 inputs), for subnormal and overflowing results and for exponents
 * outside [-342, 308]; the caller then uses {@link Double#parseDouble}. Stateless.
 */
final class EiselLemire {
    /** What {@link #toDoubleBits} returns when it declines: a NaN pattern it never produces. */
    static final long DECLINED = -1L;

    private static final int MIN_EXPONENT = -342;
    private static final int MAX_EXPONENT = 308;
    /** The top 64 of the 128 leading bits of {@code 10^q}, normalised (highest bit set), by {@code q - MIN}. */
    private static final long[] POWERS_HIGH = new long[MAX_EXPONENT - MIN_EXPONENT + 1];

    static {
        BigInteger five = BigInteger.valueOf(5);
        for (int q = MIN_EXPONENT; q <= MAX_EXPONENT; q++) {
            BigInteger power;
            if (q >= 0) {
                power = five.pow(q);
                int shift = power.bitLength() - 128;
                power = shift > 0 ? power.shiftRight(shift) : power.shiftLeft(-shift);
            } else {
                // A reciprocal rounded up, with enough bits to keep 128 after normalising.
                BigInteger divisor = five.pow(-q);
                int bits = divisor.bitLength() + 127 + (q >= -27 ? 0 : divisor.bitLength() + 1);
                power = BigInteger.ONE.shiftLeft(bits).divide(divisor).add(BigInteger.ONE);
                power = power.shiftRight(Math.max(0, power.bitLength() - 128));
            }
            POWERS_HIGH[q - MIN_EXPONENT] = power.shiftRight(64).longValue();
        }
    }

    private EiselLemire() {
    }

    /**
     * The bits of the double nearest to {@code w * 10^q} ({@code w > 0}, read as unsigned), or
     * {@link #DECLINED}.
     */
    static long toDoubleBits(long w, int q) {
        if (q < MIN_EXPONENT || q > MAX_EXPONENT || w == 0) {
            return DECLINED;
        }
        int leadingZeros = Long.numberOfLeadingZeros(w);
        long normalised = w << leadingZeros;
        long power = POWERS_HIGH[q - MIN_EXPONENT];
        long upper = unsignedMultiplyHigh(normalised, power);
        // The product is short of w * 10^q by less than one unit of upper, in either direction: bits 9 and
        // above are exact unless the low 9 bits are all zeros or all ones.
        long low9 = upper & 0x1FF;
        if (low9 == 0 || low9 == 0x1FF) {
            return DECLINED;
        }
        int upperBit = (int) (upper >>> 63);
        long mantissa = upper >>> (upperBit + 9);
        leadingZeros += 1 ^ upperBit;
        mantissa += mantissa & 1;
        mantissa >>>= 1;
        if (mantissa >= 1L << 53) {
            mantissa = 1L << 52;
            leadingZeros--;
        }
        mantissa &= ~(1L << 52);
        long exponent = ((217_706L * q) >> 16) + 1024 + 63 - leadingZeros;
        if (exponent < 1 || exponent > 2046) {
            return DECLINED;
        }
        return mantissa | exponent << 52;
    }

    private static long unsignedMultiplyHigh(long a, long b) {
        return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
    }
}
