package sensorhub.blocks.control;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * Encodes the readings of one time block (one sensor, at most 4096 readings of a UTC hour) into a few bytes
 * per reading, losslessly: every timestamp to the microsecond and every value bit for bit. Timestamps and the
 * values of decimal data (readings to a fixed number of decimals, found as in ALP, Afroozeh et al., SIGMOD 2023)
 * become integers that are stored as frame-of-reference bit-packed frames; other values are stored with
 * Gorilla's XOR coding (Pelkonen et al., VLDB 2015). Hand-written because no well-kept library on Maven Central
 * offers a block codec of this kind.
 *
 * <h2>Format, version 1</h2>
 * A block is a stream of bits, read from the first byte to the last and within each byte from its least
 * significant bit to its most significant: bit {@code i} of the stream is bit {@code i % 8} of byte
 * {@code i / 8}. An {@code n}-bit field holds an unsigned number, least significant bit first. A <em>varint</em>
 * is unsigned LEB128 in 8-bit fields: 7 bits of the number each, lowest first, with bit 7 set in all but the
 * last. A <em>signed varint</em> is the varint of the zigzag form {@code (x << 1) ^ (x >> 63)} of {@code x}. Zero
 * bits pad the stream to a whole byte. Sums of integers are taken modulo 2<sup>64</sup>, as Java's {@code long}
 * does. The fields, in order:
 * <ol>
 * <li>8 bits: the format version, 1.</li>
 * <li>8 bits: the value mode, {@code e} from 0 to 22 for decimals, 255 for XOR.</li>
 * <li>varint: the count {@code c} of readings, at least 1.</li>
 * <li>the timestamps, epoch microseconds, strictly increasing: an integer sequence of {@code c} numbers.</li>
 * <li>the values. Decimal mode {@code e}: an integer sequence of {@code c} numbers {@code n}, each
 *     {@code |n| < 2^53}, and each value is the double nearest to {@code n / 10^e} (Java's
 *     {@code (double) n / 1e<e>}). XOR mode: see below.</li>
 * </ol>
 * <b>An integer sequence</b> {@code x[0..c)}: a signed varint {@code x[0]}, then {@code x[1..c)} in frames of
 * 128 numbers (the last frame holds those left, none if {@code c = 1}). A frame is an 8-bit header, whose bits
 * 0 to 6 give the width {@code w} (0 to 64) and whose bit 7 is set for a delta frame; a signed varint {@code m};
 * then one {@code w}-bit field {@code o} per number. In a raw frame {@code x[i] = m + o}, in a delta frame
 * {@code x[i] = x[i-1] + m + o}.
 * <p>
 * <b>XOR mode</b>: a 64-bit field holds the raw bits ({@code Double.doubleToRawLongBits}) of the first value.
 * Each further value is given by the XOR {@code x} of its bits with those of the value before: a 1-bit field
 * 0 if {@code x = 0}; else a 1-bit field 1 and then either a 1-bit field 0 and the {@code 64 - L - T} bits of
 * {@code x >>> T}, where {@code (L, T)} is the window set last (there must be one), or a 1-bit field 1, a 5-bit
 * field {@code L}, a 6-bit field {@code M} (0 means 64), the {@code M} bits of {@code x >>> T}, where
 * {@code T = 64 - L - M} (not negative), which sets the window to {@code (L, T)}.
 * <p>
 * Regular timestamps thus cost about 4 bytes per frame, nothing per reading; decimal values cost the width
 * of their spread within a frame (raw) or of their changes (delta), whichever is smaller, so a spike widens
 * only its own frame.
 */
public final class BlockCodec {

    static final int VERSION = 1;
    static final int XOR_MODE = 255;
    static final int MAX_EXPONENT = 22;
    static final int FRAME = 128;
    private static final int DELTA_FRAME = 0x80;
    private static final int WIDTH_BITS = 0x7F;
    /** Decimals are integers below 2^53, which a double holds exactly. */
    private static final long DECIMAL_LIMIT = 1L << 53;
    /** 10^0 to 10^22, all exact doubles, so each decimal value is one correctly rounded division. */
    private static final double[] POWERS_OF_TEN = new double[MAX_EXPONENT + 1];
    /** The leading-zero count that no XOR reaches, so the first XOR sets a window. */
    private static final int NO_WINDOW = 65;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);

    static {
        POWERS_OF_TEN[0] = 1;
        for (int e = 1; e <= MAX_EXPONENT; e++) {
            POWERS_OF_TEN[e] = POWERS_OF_TEN[e - 1] * 10;
        }
    }

    /** The decoded readings; arrays of the same length, compared by identity as arrays in records are. */
    public record Block(long[] micros, double[] values) {

        public int size() {
            return micros.length;
        }

        /** The index of the first reading at or after {@code time}, {@link #size()} if there is none. */
        public int firstAtOrAfter(long time) {
            int found = Arrays.binarySearch(micros, time);
            return found >= 0 ? found : -found - 1;
        }
    }

    private BlockCodec() {
    }

    /**
     * Encodes readings {@code [from, to)}.
     *
     * @throws IllegalArgumentException if the range is empty or its timestamps do not strictly increase
     * @throws IndexOutOfBoundsException if the range lies outside either array
     */
    public static byte[] encode(long[] micros, double[] values, int from, int to) {
        Objects.checkFromToIndex(from, to, micros.length);
        Objects.checkFromToIndex(from, to, values.length);
        if (to == from) {
            throw new IllegalArgumentException("a block holds at least one reading");
        }
        for (int i = from + 1; i < to; i++) {
            if (micros[i] <= micros[i - 1]) {
                throw new IllegalArgumentException("timestamps must strictly increase, but not at index " + i);
            }
        }
        int count = to - from;
        int exponent = decimalExponent(values, from, to);
        BitWriter out = new BitWriter(3 * count + 64);
        out.write(VERSION, 8);
        out.write(exponent < 0 ? XOR_MODE : exponent, 8);
        out.writeVarint(count);
        writeSequence(out, micros, from, to);
        if (exponent < 0) {
            writeXor(out, values, from, to);
        } else {
            writeSequence(out, decimals(values, from, to, exponent), 0, count);
        }
        return out.toByteArray();
    }

    /** @throws IllegalArgumentException if the bytes are not a block of this codec */
    public static Block decode(byte[] encoded) {
        BitReader in = new BitReader(encoded);
        checkVersion(in);
        int mode = (int) in.read(8);
        if (mode > MAX_EXPONENT && mode != XOR_MODE) {
            throw malformed("unknown value mode " + mode);
        }
        int count = readCount(in);
        // every frame takes at least a byte: a larger count is corrupt, and must not allocate gigabytes
        if (count > (long) FRAME * encoded.length) {
            throw malformed(count + " readings in " + encoded.length + " bytes");
        }
        long[] micros = new long[count];
        readSequence(in, micros);
        for (int i = 1; i < count; i++) {
            if (micros[i] <= micros[i - 1]) {
                throw malformed("timestamps that do not increase");
            }
        }
        double[] values = new double[count];
        if (mode == XOR_MODE) {
            readXor(in, values);
        } else {
            readDecimals(in, values, mode);
        }
        in.checkEnd();
        return new Block(micros, values);
    }

    /**
     * The number of readings in a block, from its header alone.
     *
     * @throws IllegalArgumentException if the bytes do not start as a block of this codec
     */
    public static int count(byte[] encoded) {
        BitReader in = new BitReader(encoded);
        checkVersion(in);
        in.read(8);
        return readCount(in);
    }

    /**
     * The smallest exponent {@code e} for which every value is exactly the double nearest to
     * {@code n / 10^e} for an integer {@code |n| < 2^53}, or -1 if there is none. A larger exponent can lose
     * an earlier value (9e15 fits 0, but at 1 its integer passes 2^53), so after raising it the check goes once
     * round the whole block again: it ends when every value has fitted the same exponent.
     */
    static int decimalExponent(double[] values, int from, int to) {
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

    /** Fails for -0.0 (it comes back as 0.0), NaN and the infinities (their {@code n} is no decimal). */
    private static boolean fits(double value, int exponent) {
        long n = decimal(value, exponent);
        return n > -DECIMAL_LIMIT && n < DECIMAL_LIMIT && Double.doubleToRawLongBits(n / POWERS_OF_TEN[exponent])
                == Double.doubleToRawLongBits(value);
    }

    private static long decimal(double value, int exponent) {
        return (long) Math.rint(value * POWERS_OF_TEN[exponent]);
    }

    private static long[] decimals(double[] values, int from, int to, int exponent) {
        long[] decimals = new long[to - from];
        for (int i = from; i < to; i++) {
            decimals[i - from] = decimal(values[i], exponent);
        }
        return decimals;
    }

    private static void readDecimals(BitReader in, double[] values, int exponent) {
        long[] decimals = new long[values.length];
        readSequence(in, decimals);
        double power = POWERS_OF_TEN[exponent];
        for (int i = 0; i < values.length; i++) {
            long n = decimals[i];
            if (n <= -DECIMAL_LIMIT || n >= DECIMAL_LIMIT) {
                throw malformed("a decimal beyond 2^53");
            }
            values[i] = n / power;
        }
    }

    private static void writeSequence(BitWriter out, long[] x, int from, int to) {
        out.writeVarint(zigzag(x[from]));
        for (int start = from + 1; start < to; start += FRAME) {
            writeFrame(out, x, start, Math.min(to, start + FRAME), x[start - 1]);
        }
    }

    /** Writes the frame as raw numbers or as deltas, whichever needs fewer bits a number. */
    private static void writeFrame(BitWriter out, long[] x, int start, int end, long before) {
        long rawMin = Long.MAX_VALUE;
        long rawMax = Long.MIN_VALUE;
        long deltaMin = Long.MAX_VALUE;
        long deltaMax = Long.MIN_VALUE;
        long previous = before;
        for (int i = start; i < end; i++) {
            long delta = x[i] - previous;
            previous = x[i];
            rawMin = Math.min(rawMin, x[i]);
            rawMax = Math.max(rawMax, x[i]);
            deltaMin = Math.min(deltaMin, delta);
            deltaMax = Math.max(deltaMax, delta);
        }
        int rawWidth = width(rawMax - rawMin);
        int deltaWidth = width(deltaMax - deltaMin);
        boolean deltas = deltaWidth <= rawWidth;
        int width = deltas ? deltaWidth : rawWidth;
        long min = deltas ? deltaMin : rawMin;
        out.write(deltas ? DELTA_FRAME | width : width, 8);
        out.writeVarint(zigzag(min));
        out.pack(x, start, end, deltas, min, width);
    }

    /** Bits for numbers from 0 to {@code range}, read as unsigned: all differences of signed longs fit. */
    private static int width(long range) {
        return Long.SIZE - Long.numberOfLeadingZeros(range);
    }

    private static void readSequence(BitReader in, long[] x) {
        x[0] = unzigzag(in.readVarint());
        for (int start = 1; start < x.length; start += FRAME) {
            int end = Math.min(x.length, start + FRAME);
            int header = (int) in.read(8);
            int width = header & WIDTH_BITS;
            if (width > Long.SIZE) {
                throw malformed("a frame " + width + " bits wide");
            }
            in.unpack(x, start, end, (header & DELTA_FRAME) != 0, unzigzag(in.readVarint()), width);
        }
    }

    private static void writeXor(BitWriter out, double[] values, int from, int to) {
        long previous = Double.doubleToRawLongBits(values[from]);
        out.write(previous, 64);
        int windowLeading = NO_WINDOW;
        int windowTrailing = 0;
        for (int i = from + 1; i < to; i++) {
            long bits = Double.doubleToRawLongBits(values[i]);
            long xor = bits ^ previous;
            previous = bits;
            if (xor == 0) {
                out.write(0, 1);
                continue;
            }
            // 5 bits hold at most 31 leading zeros; the rest then travel as meaningful bits
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

    private static void readXor(BitReader in, double[] values) {
        long bits = in.read(64);
        values[0] = Double.longBitsToDouble(bits);
        int leading = NO_WINDOW;
        int trailing = 0;
        for (int i = 1; i < values.length; i++) {
            if (in.read(1) != 0) {
                if (in.read(1) != 0) {
                    leading = (int) in.read(5);
                    int length = (int) in.read(6);
                    trailing = Long.SIZE - leading - (length == 0 ? 64 : length);
                    if (trailing < 0) {
                        throw malformed("an XOR wider than 64 bits");
                    }
                } else if (leading == NO_WINDOW) {
                    throw malformed("an XOR in a window before any was set");
                }
                bits ^= in.read(Long.SIZE - leading - trailing) << trailing;
            }
            values[i] = Double.longBitsToDouble(bits);
        }
    }

    private static void checkVersion(BitReader in) {
        int version = (int) in.read(8);
        if (version != VERSION) {
            throw malformed("unknown version " + version);
        }
    }

    private static int readCount(BitReader in) {
        long count = in.readVarint();
        if (count < 1 || count > Integer.MAX_VALUE - 8) {
            throw malformed("a count of " + Long.toUnsignedString(count));
        }
        return (int) count;
    }

    private static long zigzag(long x) {
        return x << 1 ^ x >> 63;
    }

    private static long unzigzag(long z) {
        return z >>> 1 ^ -(z & 1);
    }

    private static IllegalArgumentException malformed(String what) {
        return new IllegalArgumentException("not a block of readings: " + what);
    }

    /** Appends fields to a growing byte array, 64 bits at a time. */
    private static final class BitWriter {

        private byte[] bytes;
        private int size;
        /** Bits not yet in {@code bytes}, the first one lowest. */
        private long pending;
        /** How many, 0 to 63. */
        private int pendingBits;

        BitWriter(int capacity) {
            bytes = new byte[capacity];
        }

        /** Appends the {@code width} (0 to 64) low bits of {@code bits}; any higher bits must be 0. */
        void write(long bits, int width) {
            pending |= bits << pendingBits;
            int total = pendingBits + width;
            if (total < Long.SIZE) {
                pendingBits = total;
                return;
            }
            ensure(Long.BYTES);
            LONGS.set(bytes, size, pending);
            size += Long.BYTES;
            pending = pendingBits == 0 ? 0 : bits >>> (Long.SIZE - pendingBits);
            pendingBits = total - Long.SIZE;
        }

        /**
         * Appends {@code x[i] - min}, or {@code x[i] - x[i-1] - min} for deltas, in {@code width} bits each for
         * {@code i} in {@code [start, end)}: {@link #write}'s work with the state in local variables.
         */
        void pack(long[] x, int start, int end, boolean deltas, long min, int width) {
            ensure((int) ((long) (end - start) * width / 8) + Long.BYTES);
            long bits = pending;
            int filled = pendingBits;
            int at = size;
            for (int i = start; i < end; i++) {
                long field = x[i] - min - (deltas ? x[i - 1] : 0);
                bits |= field << filled;
                filled += width;
                if (filled >= Long.SIZE) {
                    LONGS.set(bytes, at, bits);
                    at += Long.BYTES;
                    filled -= Long.SIZE;
                    bits = filled == 0 ? 0 : field >>> (width - filled);
                }
            }
            pending = bits;
            pendingBits = filled;
            size = at;
        }

        void writeVarint(long x) {
            while ((x & ~0x7FL) != 0) {
                write(x & 0x7F | 0x80, 8);
                x >>>= 7;
            }
            write(x, 8);
        }

        byte[] toByteArray() {
            int tail = (pendingBits + 7) / 8;
            ensure(tail);
            for (int i = 0; i < tail; i++) {
                bytes[size + i] = (byte) (pending >>> 8 * i);
            }
            return Arrays.copyOf(bytes, size + tail);
        }

        private void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(2 * bytes.length, size + more));
            }
        }
    }

    /** Reads fields from a byte array, 64 bits at a time; past its end only as far as its last byte. */
    private static final class BitReader {

        private final byte[] bytes;
        /** The next byte to take into {@code buffer}; past the end once the last partial word is taken. */
        private int next;
        /** Bits not yet read, the next one lowest. */
        private long buffer;
        /** How many, 0 to 63. */
        private int buffered;

        BitReader(byte[] bytes) {
            this.bytes = bytes;
        }

        /** The next {@code width} (0 to 64) bits. */
        long read(int width) {
            if (width <= buffered) {
                long value = buffer & (1L << width) - 1;
                buffer >>>= width;
                buffered -= width;
                return value;
            }
            long word = nextWord();
            long value = (buffer | word << buffered) & -1L >>> (Long.SIZE - width);
            int used = width - buffered;
            buffer = used == Long.SIZE ? 0 : word >>> used;
            buffered = Long.SIZE - used;
            return value;
        }

        /** Reads what {@link BitWriter#pack} wrote: {@link #read}'s work with the state in local variables. */
        void unpack(long[] x, int start, int end, boolean deltas, long min, int width) {
            long bits = buffer;
            int available = buffered;
            for (int i = start; i < end; i++) {
                long field;
                if (width <= available) {
                    field = bits & (1L << width) - 1;
                    bits >>>= width;
                    available -= width;
                } else {
                    long word = nextWord();
                    field = (bits | word << available) & -1L >>> (Long.SIZE - width);
                    int used = width - available;
                    bits = used == Long.SIZE ? 0 : word >>> used;
                    available = Long.SIZE - used;
                }
                x[i] = field + min + (deltas ? x[i - 1] : 0);
            }
            buffer = bits;
            buffered = available;
        }

        long readVarint() {
            long x = 0;
            for (int shift = 0; shift < Long.SIZE; shift += 7) {
                long group = read(8);
                x |= (group & 0x7F) << shift;
                if (group < 0x80) {
                    return x;
                }
            }
            throw malformed("a varint of more than 64 bits");
        }

        /** Checks that all bytes were read, up to zero padding in the last one. */
        void checkEnd() {
            long bitsRead = 8L * next - buffered;
            if ((bitsRead + 7) / 8 != bytes.length || buffer != 0) {
                throw malformed(bitsRead > 8L * bytes.length ? "cut short" : "bytes after its end");
            }
        }

        /** The next 8 bytes, little-endian, zeros past the end. */
        private long nextWord() {
            int at = next;
            next += Long.BYTES;
            if (at + Long.BYTES <= bytes.length) {
                return (long) LONGS.get(bytes, at);
            }
            if (at >= bytes.length) {
                throw malformed("cut short");
            }
            long word = 0;
            for (int i = bytes.length - 1; i >= at; i--) {
                word = word << 8 | bytes[i] & 0xFF;
            }
            return word;
        }
    }
}
