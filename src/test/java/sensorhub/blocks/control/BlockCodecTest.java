package sensorhub.blocks.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The codec's size goals on the benchmark's kinds of data, its documented bytes, and what it refuses. */
class BlockCodecTest {

    private static final long SECOND = 1_000_000L;
    /** 2026-01-01T00:00:00Z */
    private static final long NEW_YEAR = 1_767_225_600_000_000L;
    private static final int HOUR = 3600;

    @Test
    void storesAnHourOfNoisyDecimalsInUnderOneAndAHalfBytesAReading() {
        // the noise's entropy is 11 bits a reading; deltas alone would take 12
        for (int hour = 0; hour < 24; hour++) {
            long[] micros = everySecond(hour);
            assertBytesPerReading(1.5, micros, benchmarkValues(micros, true, hour), "hour " + hour);
        }
    }

    @Test
    void storesAnHourOfRegularDecimalsInUnderAFifthOfAByteAReading() {
        for (int hour = 0; hour < 24; hour++) {
            long[] micros = everySecond(hour);
            assertBytesPerReading(0.2, micros, benchmarkValues(micros, false, hour), "hour " + hour);
        }
    }

    @Test
    void storesRegularTimestampsInAFewBytesAFrame() {
        long[] micros = everySecond(5);
        double[] values = new double[HOUR];
        Arrays.fill(values, 21.5);

        byte[] encoded = BlockCodec.encode(micros, values, 0, HOUR);
        assertTrue(encoded.length <= 200, encoded.length + " bytes");
        assertRoundTrip(micros, values, encoded);
    }

    @Test
    void storesTimestampsJitteredByFiveMillisecondsInUnderTwoBytesAReading() {
        Random random = new Random(11);
        long[] micros = everySecond(7);
        for (int i = 0; i < HOUR; i++) {
            micros[i] += random.nextInt(10_001) - 5_000;
        }
        double[] values = new double[HOUR];
        Arrays.fill(values, 21.5);

        assertBytesPerReading(2.0, micros, values, "jittered");
    }

    @Test
    void widensOnlyTheFrameOfASpike() {
        long[] micros = everySecond(9);
        double[] values = benchmarkValues(micros, false, 9);
        int regular = BlockCodec.encode(micros, values, 0, HOUR).length;
        values[1800] = 1000;

        byte[] encoded = BlockCodec.encode(micros, values, 0, HOUR);
        // a frame of 128 numbers of at most 24 bits, where every frame would take about 3600 · 21 / 8 bytes
        assertTrue(encoded.length - regular <= BlockCodec.FRAME * 3, (encoded.length - regular) + " bytes more");
        assertRoundTrip(micros, values, encoded);
    }

    @Test
    void storesARepeatedValueOutsideDecimalsInABitAReading() {
        long[] micros = everySecond(0);
        double[] values = new double[HOUR];
        Arrays.fill(values, -0.0);

        byte[] encoded = BlockCodec.encode(micros, values, 0, HOUR);
        assertEquals(BlockCodec.XOR_MODE, mode(encoded));
        assertTrue(encoded.length <= 200 + HOUR / 8, encoded.length + " bytes");
        assertRoundTrip(micros, values, encoded);
    }

    @Test
    void picksTheSmallestDecimalExponentThatFitsEveryValue() {
        assertMode(0, 1, 2, 3, -7, 0);
        assertMode(1, 0.1, 0.2, 0.3);
        assertMode(2, 1.5, 2.25, 3);
        assertMode(3, 21.345, 19.9, -4);
        assertMode(6, 123_456_789.123456);
        assertMode(20, 1e-20, 0);
        assertMode(0, 9_007_199_254_740_991d, -9_007_199_254_740_991d);
    }

    @Test
    void checksEarlierValuesAgainAfterRaisingTheExponent() {
        // 9e15 is a decimal of exponent 0 only: at exponent 1 its integer would pass 2^53
        assertMode(BlockCodec.XOR_MODE, 9e15, 0.5);
        assertMode(BlockCodec.XOR_MODE, 0.5, 9e15);
        assertMode(0, 9e15, 1);
    }

    @Test
    void fallsBackToXorForValuesThatNoDecimalReproduces() {
        double[] others = {-0.0, Double.NaN, Double.longBitsToDouble(0x7FF0_0000_0000_1234L),
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, Double.MAX_VALUE, Math.PI,
            9_007_199_254_740_992d, 1e-23};
        for (double other : others) {
            double[] values = {21.5, other, 19.25};
            long[] micros = {-5, 0, 5};
            byte[] encoded = BlockCodec.encode(micros, values, 0, 3);

            assertEquals(BlockCodec.XOR_MODE, mode(encoded), () -> "with " + other);
            assertRoundTrip(micros, values, encoded);
        }
    }

    @Test
    void writesTheDocumentedBytes() {
        long[] micros = {1_000_000, 2_000_000, 3_000_001};
        double[] values = {1.5, 2.25, -0.5};
        // version 1, decimal mode 2, count 3; the timestamps: 1e6 as a signed varint (80 89 7a), a delta frame
        // 1 bit wide (81) with m = 1e6 and offsets 0 and 1; from bit 2 of the eleventh byte on, the decimals
        // 150, 225, -50: 150, then a delta frame 9 bits wide with m = -275 and offsets 350 and 0
        String documented = "01020380897a8180897ab20a249612780500";

        assertEquals(documented, HexFormat.of().formatHex(BlockCodec.encode(micros, values, 0, 3)));
        assertRoundTrip(micros, values, HexFormat.of().parseHex(documented));
    }

    @Test
    void encodesOnlyTheGivenRange() {
        long[] micros = {9, 3, 10, 20, 30, 1};
        double[] values = {Double.NaN, 1.5, 2.5, 3.5, -0.0, 4};

        BlockCodec.Block block = BlockCodec.decode(BlockCodec.encode(micros, values, 2, 4));
        assertArrayEquals(new long[] {10, 20}, block.micros());
        assertArrayEquals(new double[] {2.5, 3.5}, block.values());
    }

    @Test
    void readsTheCountFromTheHeaderAlone() {
        long[] micros = everySecond(3);
        byte[] encoded = BlockCodec.encode(micros, benchmarkValues(micros, true, 3), 100, 1400);

        assertEquals(1300, BlockCodec.count(encoded));
        assertEquals(1300, BlockCodec.count(Arrays.copyOf(encoded, 4)));
    }

    @Test
    void refusesAnEmptyRangeAndTimestampsThatDoNotIncrease() {
        long[] micros = {1, 2, 2, 1};
        double[] values = {0, 0, 0, 0};

        assertThrows(IllegalArgumentException.class, () -> BlockCodec.encode(micros, values, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> BlockCodec.encode(micros, values, 0, 3));
        assertThrows(IllegalArgumentException.class, () -> BlockCodec.encode(micros, values, 2, 4));
        assertThrows(IndexOutOfBoundsException.class, () -> BlockCodec.encode(micros, values, 3, 5));
        assertThrows(IndexOutOfBoundsException.class, () -> BlockCodec.encode(micros, new double[1], 0, 2));
    }

    /** Empty; cut in the header; versions 0 and 2; modes 23 and 254; no readings; cut in the timestamps; a count
     *  that 7 bytes cannot hold. */
    @ParameterizedTest
    @ValueSource(strings = {"", "01", "0102", "000201", "020201", "011701", "01fe01", "010200", "01020180897a",
        "0102018089", "0102f6ffffff07"})
    void refusesBytesThatAreNoBlock(String hex) {
        byte[] bytes = HexFormat.of().parseHex(hex);
        assertThrows(IllegalArgumentException.class, () -> BlockCodec.decode(bytes));
    }

    @Test
    void refusesABlockCutShortOrWithBytesAfterIt() {
        long[] micros = everySecond(1);
        byte[] encoded = BlockCodec.encode(micros, benchmarkValues(micros, true, 1), 0, HOUR);

        assertThrows(IllegalArgumentException.class, () -> BlockCodec.decode(Arrays.copyOf(encoded,
                encoded.length - 1)));
        assertThrows(IllegalArgumentException.class, () -> BlockCodec.decode(Arrays.copyOf(encoded,
                encoded.length + 1)));
    }

    private static long[] everySecond(int hour) {
        long[] micros = new long[HOUR];
        for (int i = 0; i < HOUR; i++) {
            micros[i] = NEW_YEAR + (hour * 3600L + i) * SECOND;
        }
        return micros;
    }

    /** As the benchmark's series: a daily wave, with or without noise, to the thousandth. */
    private static double[] benchmarkValues(long[] micros, boolean noisy, long seed) {
        Random random = new Random(seed);
        double[] values = new double[micros.length];
        for (int i = 0; i < micros.length; i++) {
            double dayFraction = Math.floorMod(micros[i], 86_400 * SECOND) / (86_400d * SECOND);
            double noise = noisy ? random.nextDouble() - 0.5 : 0;
            values[i] = Math.round((20 + 8 * Math.sin(2 * Math.PI * dayFraction) + 2 * noise) * 1000) / 1000d;
        }
        return values;
    }

    private static void assertBytesPerReading(double bound, long[] micros, double[] values, String what) {
        byte[] encoded = BlockCodec.encode(micros, values, 0, micros.length);
        double perReading = encoded.length / (double) micros.length;
        assertTrue(perReading <= bound, what + ": " + perReading + " bytes a reading");
        assertRoundTrip(micros, values, encoded);
    }

    private static void assertMode(int mode, double... values) {
        long[] micros = new long[values.length];
        Arrays.setAll(micros, i -> i);
        byte[] encoded = BlockCodec.encode(micros, values, 0, values.length);
        assertEquals(mode, mode(encoded), () -> Arrays.toString(values));
        assertRoundTrip(micros, values, encoded);
    }

    private static int mode(byte[] encoded) {
        return encoded[1] & 0xFF;
    }

    static void assertRoundTrip(long[] micros, double[] values, byte[] encoded) {
        BlockCodec.Block block = BlockCodec.decode(encoded);
        assertArrayEquals(micros, block.micros());
        assertArrayEquals(rawBits(values), rawBits(block.values()));
    }

    static long[] rawBits(double[] values) {
        return Arrays.stream(values).mapToLong(Double::doubleToRawLongBits).toArray();
    }
}
