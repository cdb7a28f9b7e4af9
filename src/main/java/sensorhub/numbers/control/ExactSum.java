package sensorhub.numbers.control;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The exact sum of finite doubles, without rounding or overflow, so that a block's sum, merged with others,
 * gives the same mean whatever the order of the readings and however the blocks were cut.
 * <p>
 * The sum is kept as a fixed-point number in units of 2<sup>-1074</sup>, the lowest bit of any double, split
 * into 67 chunks of 32 bits, each in a {@code long} (a small superaccumulator in the manner of Neal,
 * arXiv:1505.05571). Each add puts the mantissa into two chunks without carrying; the spare high bits of the
 * chunks take the carries of 1000 adds before they are propagated. An add costs a few nanoseconds. Exact for up
 * to about 2<sup>60</sup> adds of any doubles. Not thread-safe.
 */
public final class ExactSum {

    /** The weight of chunk 0's lowest bit: that of the smallest subnormal double. */
    private static final int LOWEST_EXPONENT = -1074;
    private static final int CHUNK_BITS = 32;
    private static final long CHUNK_MASK = 0xFFFF_FFFFL;
    /** The lowest bits of doubles fall into chunks 0 to 63, their mantissas reach 64; 65 and 66 take carries. */
    private static final int CHUNKS = 67;
    private static final int TOP = CHUNKS - 1;
    /**
     * Adds between carries: a chunk starts below 2^32 and takes less than 2^52 an add (the high part of a 53-bit
     * mantissa shifted by at most 31 bits), and 2^32 + 2047 · 2^52 is below 2^63; 1000 leaves a margin.
     */
    private static final int ADDS_PER_CARRY = 1000;
    /** Sums read by {@link #fromBytes} are at most 2^1088 in magnitude: beyond 2^60 times the largest double. */
    private static final int LIMIT_EXPONENT = 1088;
    private static final long MANTISSA_BITS = 0xF_FFFF_FFFF_FFFFL;
    private static final int EXPONENT_BITS = 0x7FF;

    /** After {@link #carry}, chunks 0 to 65 hold base-2^32 digits and chunk 66 the signed rest. */
    private final long[] chunks = new long[CHUNKS];
    private int addsSinceCarry;

    /** @throws IllegalArgumentException for NaN and the infinities */
    public void add(double value) {
        long bits = Double.doubleToRawLongBits(value);
        int biasedExponent = (int) (bits >>> 52) & EXPONENT_BITS;
        if (biasedExponent == EXPONENT_BITS) {
            throw new IllegalArgumentException("not a finite number: " + value);
        }
        long mantissa = bits & MANTISSA_BITS;
        // the value is mantissa · 2^(position - 1074); subnormals (biased exponent 0) share position 0
        int position = 0;
        if (biasedExponent != 0) {
            mantissa |= 1L << 52;
            position = biasedExponent - 1;
        }
        long sign = bits >> 63;
        long signed = (mantissa ^ sign) - sign;
        int chunk = position >>> 5;
        int shift = position & 31;
        // signed · 2^shift = high · 2^32 + low, 0 <= low < 2^32
        chunks[chunk] += signed << shift & CHUNK_MASK;
        chunks[chunk + 1] += signed >> (CHUNK_BITS - shift);
        if (++addsSinceCarry == ADDS_PER_CARRY) {
            carry();
        }
    }

    /** Adds the other's sum (whose value is left as it is). */
    public void add(ExactSum other) {
        carry();
        other.carry();
        for (int i = 0; i < CHUNKS; i++) {
            chunks[i] += other.chunks[i];
        }
        carry();
    }

    /** The sum rounded to the nearest double, ties to even; ±Infinity beyond the largest double. */
    public double doubleValue() {
        return nearest(scaled(), LOWEST_EXPONENT, BigInteger.ONE);
    }

    /**
     * The sum divided by {@code count}, correctly rounded to the nearest double (ties to even), subnormal
     * results included. Finite when {@code count} is the number of doubles added, whose mean is at most the
     * largest double even where their sum is not. An exact zero gives +0.0.
     *
     * @throws IllegalArgumentException if {@code count} is not positive
     */
    public double mean(long count) {
        if (count < 1) {
            throw new IllegalArgumentException("a mean of " + count + " readings");
        }
        return nearest(scaled(), LOWEST_EXPONENT, BigInteger.valueOf(count));
    }

    public BigDecimal toBigDecimal() {
        Dyadic sum = dyadic();
        return sum.exponent >= 0 ? new BigDecimal(sum.odd.shiftLeft(sum.exponent))
                : new BigDecimal(sum.odd.multiply(BigInteger.valueOf(5).pow(-sum.exponent)), -sum.exponent);
    }

    /**
     * The sum {@code N · 2^k}, with {@code N} odd or {@code N = k = 0}: {@code k} as a zigzag LEB128 varint
     * ({@code (k << 1) ^ (k >> 31)}, 7 bits a byte, lowest first, bit 7 set on all but the last byte), then
     * {@code N} as its shortest big-endian two's complement ({@link BigInteger#toByteArray}). A sum of a few
     * thousand decimals of like size takes about 12 bytes, any sum up to 2^1088 at most 273.
     */
    public byte[] toBytes() {
        Dyadic sum = dyadic();
        ByteArrayOutputStream out = new ByteArrayOutputStream(16);
        int zigzag = sum.exponent << 1 ^ sum.exponent >> 31;
        while (zigzag >= 0x80) {
            out.write(zigzag & 0x7F | 0x80);
            zigzag >>>= 7;
        }
        out.write(zigzag);
        out.writeBytes(sum.odd.toByteArray());
        return out.toByteArray();
    }

    /**
     * The sum that {@link #toBytes} wrote.
     *
     * @throws IllegalArgumentException for bytes that {@code toBytes} does not write
     */
    public static ExactSum fromBytes(byte[] bytes) {
        int at = 0;
        int zigzag = 0;
        for (int shift = 0; ; shift += 7) {
            if (at == bytes.length || shift > 14) {
                throw malformed();
            }
            int b = bytes[at++] & 0xFF;
            zigzag |= (b & 0x7F) << shift;
            if (b < 0x80) {
                break;
            }
        }
        int exponent = zigzag >>> 1 ^ -(zigzag & 1);
        if (at == bytes.length || exponent < LOWEST_EXPONENT) {
            throw malformed();
        }
        BigInteger n = new BigInteger(bytes, at, bytes.length - at);
        if (exponent + n.bitLength() > LIMIT_EXPONENT) {
            throw malformed();
        }
        ExactSum sum = new ExactSum();
        sum.load(n.shiftLeft(exponent - LOWEST_EXPONENT));
        // one value, one form: overlong varints, even N, extra sign bytes are refused
        if (!Arrays.equals(sum.toBytes(), bytes)) {
            throw malformed();
        }
        return sum;
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof ExactSum sum)) {
            return false;
        }
        carry();
        sum.carry();
        return Arrays.equals(chunks, sum.chunks);
    }

    @Override
    public int hashCode() {
        carry();
        return Arrays.hashCode(chunks);
    }

    @Override
    public String toString() {
        return toBigDecimal().toString();
    }

    /** Propagates the carries, leaving the one form of the value in which equal sums have equal chunks. */
    private void carry() {
        long carry = 0;
        for (int i = 0; i < TOP; i++) {
            long digit = chunks[i] + carry;
            chunks[i] = digit & CHUNK_MASK;
            carry = digit >> CHUNK_BITS;
        }
        chunks[TOP] += carry;
        addsSinceCarry = 0;
    }

    /** The sum in units of 2^-1074. */
    private BigInteger scaled() {
        carry();
        ByteBuffer bytes = ByteBuffer.allocate(Long.BYTES + Integer.BYTES * TOP).putLong(chunks[TOP]);
        for (int i = TOP - 1; i >= 0; i--) {
            bytes.putInt((int) chunks[i]);
        }
        return new BigInteger(bytes.array());
    }

    private void load(BigInteger scaled) {
        BigInteger rest = scaled;
        for (int i = 0; i < TOP; i++) {
            chunks[i] = rest.longValue() & CHUNK_MASK;
            rest = rest.shiftRight(CHUNK_BITS);
        }
        chunks[TOP] = rest.longValueExact();
    }

    /** The sum as {@code odd · 2^exponent}, or 0 · 2^0. */
    private record Dyadic(BigInteger odd, int exponent) {
    }

    private Dyadic dyadic() {
        BigInteger scaled = scaled();
        if (scaled.signum() == 0) {
            return new Dyadic(BigInteger.ZERO, 0);
        }
        int zeros = scaled.getLowestSetBit();
        return new Dyadic(scaled.shiftRight(zeros), LOWEST_EXPONENT + zeros);
    }

    /** {@code numerator · 2^exponent / denominator} rounded to the nearest double, ties to even. */
    static double nearest(BigInteger numerator, int exponent, BigInteger denominator) {
        if (numerator.signum() == 0) {
            return 0.0;
        }
        BigInteger magnitude = numerator.abs();
        // a quotient of at least 54 bits: 53 of significand and the rounding bit; the bits below it and the
        // remainder tell a tie from more than half
        int extra = Math.max(0, 54 - magnitude.bitLength() + denominator.bitLength());
        BigInteger[] division = magnitude.shiftLeft(extra).divideAndRemainder(denominator);
        BigInteger quotient = division[0];
        int lowest = exponent - extra;
        int highest = lowest + quotient.bitLength() - 1;
        // the result's lowest bit: 52 below its highest, but not below the lowest bit of subnormals
        int kept = Math.max(highest - 52, LOWEST_EXPONENT);
        int dropped = kept - lowest;
        BigInteger significand = quotient.shiftRight(dropped);
        boolean half = quotient.testBit(dropped - 1);
        boolean beyondHalf = division[1].signum() != 0 || quotient.getLowestSetBit() < dropped - 1;
        if (half && (beyondHalf || significand.testBit(0))) {
            significand = significand.add(BigInteger.ONE);
        }
        // at most 2^53 times a power of two not below 2^-1074: exact, or beyond the largest double and infinite
        double result = Math.scalb(significand.doubleValue(), kept);
        return numerator.signum() < 0 ? -result : result;
    }

    private static IllegalArgumentException malformed() {
        return new IllegalArgumentException("not an exact sum");
    }
}
