package sensorhub.database.control;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Version 1 of the block format, frozen as migration V5 wrote it: the rows of one sensor's hour, cut into cells of
 * at most 4,096 readings, each with its header and its readings encoded (an hour's first cell, its anchor, is kept
 * even when empty). A migration's bytes are a contract (STYLE
 * 18): the live codec ({@code sensorhub.blocks.control.BlockCodec}) may move on to other versions and still reads
 * these, while this copy never changes. Written for clarity, not speed: a migration runs once. {@code
 * FrozenBlockFormatTest} holds it to the live codec's version 1, byte for byte.
 */
public final class BlockFormatV1 {

    static final long HOUR_MICROS = 3_600_000_000L;
    static final int MAX_READINGS = 4096;
    private static final int VERSION = 1;
    private static final int XOR_MODE = 255;
    private static final int MAX_EXPONENT = 22;
    private static final int FRAME = 128;
    private static final long DECIMAL_LIMIT = 1L << 53;

    /** One row of {@code reading_blocks}: its cell {@code [start, end)}, header and encoded readings. */
    public record Row(long start, long end, int count, long firstMicros, long lastMicros, double firstValue,
            double lastValue, double min, double max, byte[] sum, byte[] readings) {
    }

    private BlockFormatV1() {
    }

    public static long hourOf(long micros) {
        return Math.floorDiv(micros, HOUR_MICROS) * HOUR_MICROS;
    }

    /** The rows of sorted readings {@code [0, size)}, all of one UTC hour: halves of halves past 4,096 readings. */
    public static List<Row> hour(long[] micros, double[] values, int size) {
        List<Row> rows = new ArrayList<>();
        long start = hourOf(micros[0]);
        cut(start, start + HOUR_MICROS, micros, values, 0, size, rows);
        return rows;
    }

    private static void cut(long start, long end, long[] micros, double[] values, int from, int to, List<Row> rows) {
        if (to - from <= MAX_READINGS) {
            if (to > from) {
                rows.add(row(start, end, micros, values, from, to));
            } else if (start == hourOf(start)) {
                // an hour keeps its first cell, its anchor, which every writer of the hour locks first
                rows.add(new Row(start, end, 0, 0, 0, 0, 0, 0, 0, null, null));
            }
            return;
        }
        long middle = start + (end - start) / 2;
        int found = Arrays.binarySearch(micros, from, to, middle);
        int at = found >= 0 ? found : -found - 1;
        cut(start, middle, micros, values, from, at, rows);
        cut(middle, end, micros, values, at, to, rows);
    }

    private static Row row(long start, long end, long[] micros, double[] values, int from, int to) {
        double min = values[from];
        double max = values[from];
        for (int i = from; i < to; i++) {
            min = Math.min(min, values[i]);
            max = Math.max(max, values[i]);
        }
        return new Row(start, end, to - from, micros[from], micros[to - 1], values[from], values[to - 1], min, max,
                sum(values, from, to), encode(micros, values, from, to));
    }

    /**
     * The exact sum {@code N · 2^k} ({@code N} odd, or both 0): {@code k} as a zigzag varint, then {@code N} as its
     * shortest big-endian two's complement.
     */
    static byte[] sum(double[] values, int from, int to) {
        BigInteger units = BigInteger.ZERO; // in 2^-1074, the lowest bit of any double
        for (int i = from; i < to; i++) {
            long bits = Double.doubleToRawLongBits(values[i]);
            int exponent = (int) (bits >>> 52) & 0x7FF;
            long mantissa = bits & 0xF_FFFF_FFFF_FFFFL;
            BigInteger magnitude = BigInteger.valueOf(exponent == 0 ? mantissa : mantissa | 1L << 52)
                    .shiftLeft(exponent == 0 ? 0 : exponent - 1);
            units = bits < 0 ? units.subtract(magnitude) : units.add(magnitude);
        }
        int shift = units.signum() == 0 ? 0 : units.getLowestSetBit();
        BigInteger odd = units.shiftRight(shift);
        int k = units.signum() == 0 ? 0 : shift - 1074;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int zigzag = k << 1 ^ k >> 31;
        while (zigzag >= 0x80) {
            out.write(zigzag & 0x7F | 0x80);
            zigzag >>>= 7;
        }
        out.write(zigzag);
        out.writeBytes(odd.toByteArray());
        return out.toByteArray();
    }

    /**
     * Readings {@code [from, to)} as format version 1: the version, the value mode (the smallest decimal exponent
     * that holds every value exactly, or XOR), the count, the timestamps and the values as integer sequences in
     * frames of 128 (raw or delta, whichever is narrower), or the values by Gorilla's XOR coding.
     */
    static byte[] encode(long[] micros, double[] values, int from, int to) {
        Bits out = new Bits();
        int exponent = decimalExponent(values, from, to);
        out.write(VERSION, 8);
        out.write(exponent < 0 ? XOR_MODE : exponent, 8);
        out.varint(to - from);
        sequence(out, Arrays.copyOfRange(micros, from, to));
        if (exponent < 0) {
            xor(out, values, from, to);
        } else {
            long[] decimals = new long[to - from];
            for (int i = from; i < to; i++) {
                decimals[i - from] = (long) Math.rint(values[i] * Math.pow(10, exponent));
            }
            sequence(out, decimals);
        }
        return out.bytes();
    }

    private static int decimalExponent(double[] values, int from, int to) {
        int exponent = 0;
        int fitting = 0;
        for (int i = from; fitting < to - from; i = i + 1 == to ? from : i + 1) {
            if (fits(values[i], exponent)) {
                fitting++;
                continue;
            }
            do {
                if (++exponent > MAX_EXPONENT) {
                    return -1;
                }
            } while (!fits(values[i], exponent));
            fitting = 1;
        }
        return exponent;
    }

    private static boolean fits(double value, int exponent) {
        double power = Math.pow(10, exponent);
        long n = (long) Math.rint(value * power);
        return n > -DECIMAL_LIMIT && n < DECIMAL_LIMIT
                && Double.doubleToRawLongBits(n / power) == Double.doubleToRawLongBits(value);
    }

    private static void sequence(Bits out, long[] x) {
        out.varint(zigzag(x[0]));
        for (int start = 1; start < x.length; start += FRAME) {
            int end = Math.min(x.length, start + FRAME);
            long rawMin = Long.MAX_VALUE;
            long rawMax = Long.MIN_VALUE;
            long deltaMin = Long.MAX_VALUE;
            long deltaMax = Long.MIN_VALUE;
            for (int i = start; i < end; i++) {
                rawMin = Math.min(rawMin, x[i]);
                rawMax = Math.max(rawMax, x[i]);
                deltaMin = Math.min(deltaMin, x[i] - x[i - 1]);
                deltaMax = Math.max(deltaMax, x[i] - x[i - 1]);
            }
            int rawWidth = Long.SIZE - Long.numberOfLeadingZeros(rawMax - rawMin);
            int deltaWidth = Long.SIZE - Long.numberOfLeadingZeros(deltaMax - deltaMin);
            boolean deltas = deltaWidth <= rawWidth;
            int width = deltas ? deltaWidth : rawWidth;
            long min = deltas ? deltaMin : rawMin;
            out.write(deltas ? 0x80 | width : width, 8);
            out.varint(zigzag(min));
            for (int i = start; i < end; i++) {
                out.write(x[i] - min - (deltas ? x[i - 1] : 0), width);
            }
        }
    }

    private static void xor(Bits out, double[] values, int from, int to) {
        long previous = Double.doubleToRawLongBits(values[from]);
        out.write(previous, 64);
        int windowLeading = 65;
        int windowTrailing = 0;
        for (int i = from + 1; i < to; i++) {
            long bits = Double.doubleToRawLongBits(values[i]);
            long xor = bits ^ previous;
            previous = bits;
            if (xor == 0) {
                out.write(0, 1);
                continue;
            }
            int leading = Math.min(31, Long.numberOfLeadingZeros(xor));
            int trailing = Long.numberOfTrailingZeros(xor);
            if (leading >= windowLeading && trailing >= windowTrailing) {
                out.write(0b01, 2);
                out.write(xor >>> windowTrailing, Long.SIZE - windowLeading - windowTrailing);
            } else {
                int length = Long.SIZE - leading - trailing;
                out.write(0b11, 2);
                out.write(leading, 5);
                out.write(length & 63, 6);
                out.write(xor >>> trailing, length);
                windowLeading = leading;
                windowTrailing = trailing;
            }
        }
    }

    private static long zigzag(long x) {
        return x << 1 ^ x >> 63;
    }

    /** A stream of bits, each byte filled from its least significant bit up. */
    private static final class Bits {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private int current;
        private int filled;

        /** Appends the {@code width} (0 to 64) low bits of {@code value}, lowest first. */
        void write(long value, int width) {
            for (int i = 0; i < width; i++) {
                current |= (int) (value >>> i & 1) << filled;
                if (++filled == 8) {
                    bytes.write(current);
                    current = 0;
                    filled = 0;
                }
            }
        }

        void varint(long x) {
            while ((x & ~0x7FL) != 0) {
                write(x & 0x7F | 0x80, 8);
                x >>>= 7;
            }
            write(x, 8);
        }

        byte[] bytes() {
            if (filled > 0) {
                bytes.write(current);
            }
            return bytes.toByteArray();
        }
    }
}
