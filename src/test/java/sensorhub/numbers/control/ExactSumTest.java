package sensorhub.numbers.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class ExactSumTest {

    private static final double MAX = Double.MAX_VALUE;
    private static final double MIN = Double.MIN_VALUE;

    @Test
    void keepsCancellingExtremesAndATinyTermExactly() {
        ExactSum sum = sumOf(MAX, MAX, -MAX, 1e-300);

        assertEquals(0, new BigDecimal(MAX).add(new BigDecimal(1e-300)).compareTo(sum.toBigDecimal()));
        assertEquals(MAX, sum.doubleValue());
    }

    @Test
    void givesAFiniteMeanWhereTheSumOverflowsOrCancels() {
        assertEquals(0.75, sumOf(MAX, -MAX, 1, 2).mean(4));
        assertEquals(MAX, sumOf(MAX, MAX).mean(2));
        assertEquals(Double.POSITIVE_INFINITY, sumOf(MAX, MAX).doubleValue());
        assertEquals(-MAX, sumOf(-MAX, -MAX, -MAX).mean(3));
    }

    @Test
    void carriesBeforeManyAddsOverflowAChunk() {
        // all 53 bits set, shifted by 31 within its chunk: the most that one add puts into the chunk above
        double worst = Math.nextDown(0x1p994);
        for (double term : new double[] {worst, -worst, MAX, -MAX}) {
            ExactSum sum = new ExactSum();
            for (int i = 0; i < 10_000; i++) {
                sum.add(term);
            }
            assertEquals(0, new BigDecimal(term).multiply(BigDecimal.valueOf(10_000)).compareTo(sum.toBigDecimal()));
            assertEquals(term, sum.mean(10_000));
        }
    }

    @Test
    void roundsHalfwayBeyondTheLargestDoubleToInfinity() {
        double halfUlp = Math.ulp(MAX) / 2;

        assertEquals(Double.POSITIVE_INFINITY, sumOf(MAX, halfUlp).doubleValue());
        assertEquals(Double.NEGATIVE_INFINITY, sumOf(-MAX, -halfUlp).doubleValue());
        assertEquals(MAX, sumOf(MAX, halfUlp / 2).doubleValue());
        assertEquals(Double.POSITIVE_INFINITY, sumOf(MAX, halfUlp).mean(1));
    }

    @Test
    void roundsSubnormalMeansToNearestEven() {
        assertEquals(0.0, sumOf(MIN).mean(2));
        assertEquals(2 * MIN, sumOf(MIN, MIN, MIN).mean(2));
        assertEquals(0.0, sumOf(MIN).mean(3));
        assertEquals(MIN, sumOf(MIN, MIN).mean(3));
        // just above half of the smallest subnormal: rounding first to 53 bits would make it a tie, and 0
        assertEquals(MIN, sumOf(0x1p59 * MIN, MIN).mean(1L << 60));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(sumOf(-MIN).mean(3)));
        assertEquals(Double.MIN_NORMAL, sumOf(Double.MIN_NORMAL, Double.MIN_NORMAL).mean(2));
        assertEquals(Math.nextDown(Double.MIN_NORMAL), sumOf(Math.nextDown(Double.MIN_NORMAL)).doubleValue());
    }

    @Test
    void givesPositiveZeroForAnExactZero() {
        ExactSum sum = sumOf(-0.0, 1.5, -1.5);

        assertEquals(0L, Double.doubleToRawLongBits(sum.doubleValue()));
        assertEquals(0L, Double.doubleToRawLongBits(sum.mean(7)));
        assertArrayEquals(new byte[] {0, 0}, sum.toBytes());
    }

    @Test
    void refusesNonFiniteTermsAndKeepsItsSum() {
        ExactSum sum = sumOf(2.5);

        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            Double.longBitsToDouble(0x7FF0_0000_0000_0001L)}) {
            assertThrows(IllegalArgumentException.class, () -> sum.add(bad));
        }
        assertEquals(sumOf(2.5), sum);
    }

    @Test
    void refusesAMeanOfNoReadings() {
        assertThrows(IllegalArgumentException.class, () -> sumOf(1).mean(0));
        assertThrows(IllegalArgumentException.class, () -> sumOf(1).mean(-3));
    }

    @Test
    void storesAnHourOfDecimalReadingsInAtMostSixteenBytes() {
        Random random = new Random(7);
        for (int hour = 0; hour < 24; hour++) {
            ExactSum sum = new ExactSum();
            for (int i = 0; i < 3600; i++) {
                double wave = 20 + 8 * Math.sin(2 * Math.PI * (hour * 3600 + i) / 86_400d);
                sum.add(Math.round((wave + 2 * (random.nextDouble() - 0.5)) * 1000) / 1000d);
            }
            assertTrue(sum.toBytes().length <= 16, "hour " + hour + ": " + sum.toBytes().length + " bytes");
        }
    }

    @Test
    void storesTheWidestSumsInAtMost273Bytes() {
        ExactSum widest = sumOf(MIN);
        ExactSum negative = sumOf(-MIN);
        for (int i = 0; i < 100_000; i++) {
            widest.add(MAX);
            negative.add(-MAX);
        }
        for (ExactSum sum : new ExactSum[] {widest, negative}) {
            byte[] bytes = sum.toBytes();
            assertTrue(bytes.length <= 273, bytes.length + " bytes");
            assertEquals(sum, ExactSum.fromBytes(bytes));
        }
    }

    @Test
    void writesTheDocumentedBytes() {
        // 3.25 = 13 · 2^-2: zigzag(-2) = 3, then 13 as one byte; -8 = -1 · 2^3: zigzag(3) = 6, then 0xFF
        assertArrayEquals(new byte[] {3, 13}, sumOf(1.25, 2).toBytes());
        assertArrayEquals(new byte[] {6, (byte) 0xFF}, sumOf(-8).toBytes());
        // 2^-1074: zigzag(-1074) = 2147 = 0x863 as a varint 0xE3 0x10, then 1
        assertArrayEquals(new byte[] {(byte) 0xE3, 0x10, 1}, sumOf(MIN).toBytes());
    }

    @Test
    void refusesBytesInAnyOtherForm() {
        byte[][] others = {
            {},
            {0},
            {0, 0, 0},
            {0, 2},
            {2, 0},
            {(byte) 0x83, 0, 13},
            {3, 0, 13},
            {(byte) 0xE5, 0x10, 1},
            {(byte) 0x80, (byte) 0x80, (byte) 0x80, 0, 1},
            {(byte) 0x82, 0x11, 1},
        };
        for (byte[] bytes : others) {
            assertThrows(IllegalArgumentException.class, () -> ExactSum.fromBytes(bytes), () -> hex(bytes));
        }
    }

    @Test
    void equalsByValueAlone() {
        ExactSum forwards = sumOf(0.1, 0.2, 1e300, -1e300);
        ExactSum backwards = sumOf(-1e300, 1e300, 0.2, 0.1);

        assertEquals(forwards, backwards);
        assertEquals(forwards.hashCode(), backwards.hashCode());
        assertNotEquals(sumOf(0.3), forwards);
        assertNotEquals(forwards, null);
        assertNotEquals(forwards, (Object) 0.3);
    }

    @Test
    void mergesWithItself() {
        ExactSum sum = sumOf(MAX, 0.1, MIN);
        sum.add(sum);

        assertEquals(sumOf(MAX, 0.1, MIN, MAX, 0.1, MIN), sum);
    }

    @Test
    void theReferenceRefusesANeighbourOfTheNearestDouble() {
        RoundingReference.assertNearest(new BigDecimal(3), 4, 0.75);
        assertThrows(AssertionFailedError.class,
                () -> RoundingReference.assertNearest(new BigDecimal(3), 4, Math.nextUp(0.75)));
        assertThrows(AssertionFailedError.class,
                () -> RoundingReference.assertNearest(new BigDecimal(MIN), 2, MIN));
        assertThrows(AssertionFailedError.class,
                () -> RoundingReference.assertNearest(new BigDecimal(MAX), 1, Double.POSITIVE_INFINITY));
    }

    static ExactSum sumOf(double... terms) {
        ExactSum sum = new ExactSum();
        for (double term : terms) {
            sum.add(term);
        }
        return sum;
    }

    private static String hex(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (byte b : bytes) {
            text.append("%02x ".formatted(b));
        }
        return text.toString();
    }
}
