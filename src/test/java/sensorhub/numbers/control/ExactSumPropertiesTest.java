package sensorhub.numbers.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sensorhub.testing.PropertyCheck.forSeeds;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import sensorhub.testing.Inputs;

/**
 * Holds {@link ExactSum} to {@link BigDecimal} arithmetic, which is exact for doubles, over terms of every size
 * (subnormals, the extremes, decimals, any bit pattern) in lists long enough to cross its carries. Each input
 * follows from a seed that a failure names ({@link sensorhub.testing.PropertyCheck}).
 */
class ExactSumPropertiesTest {

    private static final double[] EXTREMES = {Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE,
        -Double.MIN_VALUE, Double.MIN_NORMAL, -Double.MIN_NORMAL, Math.nextDown(Double.MIN_NORMAL),
        Math.nextDown(Double.MAX_VALUE), Math.ulp(Double.MAX_VALUE) / 2, 0.0, -0.0, 1.0, -1.0, Math.ulp(1.0),
        0x1p-1022, 0x1p1023, -0x1p1023};

    @Test
    void sumsExactly() {
        forSeeds(2_000, 1, ExactSumPropertiesTest::terms,
                terms -> assertEquals(0, reference(terms).compareTo(sumOf(terms).toBigDecimal())));
    }

    @Test
    void roundsTheSumToTheNearestDouble() {
        forSeeds(2_000, 2, ExactSumPropertiesTest::terms,
                terms -> RoundingReference.assertNearest(reference(terms), 1, sumOf(terms).doubleValue()));
    }

    @Test
    void roundsTheMeanToTheNearestDouble() {
        forSeeds(2_000, 3, inputs -> new Mean(terms(inputs), count(inputs)), mean -> RoundingReference
                .assertNearest(reference(mean.terms()), mean.count(), sumOf(mean.terms()).mean(mean.count())));
    }

    @Test
    void givesAFiniteMeanOfItsTerms() {
        forSeeds(1_000, 4, ExactSumPropertiesTest::terms, terms -> {
            long count = Math.max(1, terms.size());
            double mean = sumOf(terms).mean(count);

            assertTrue(Double.isFinite(mean), () -> "mean " + mean);
            RoundingReference.assertNearest(reference(terms), count, mean);
        });
    }

    @Test
    void readsBackWhatItWrites() {
        forSeeds(2_000, 5, ExactSumPropertiesTest::terms, terms -> {
            ExactSum sum = sumOf(terms);
            byte[] bytes = sum.toBytes();
            ExactSum read = ExactSum.fromBytes(bytes);

            assertTrue(bytes.length <= 273, () -> bytes.length + " bytes");
            assertEquals(sum, read);
            assertEquals(0, sum.toBigDecimal().compareTo(read.toBigDecimal()));
            assertArrayEquals(bytes, read.toBytes());
        });
    }

    @Test
    void mergesAsIfAddedInOneGo() {
        forSeeds(1_000, 6, inputs -> new Cut(terms(inputs), inputs.between(0, 3000)), cut -> {
            List<Double> terms = cut.terms();
            int at = Math.min(cut.at(), terms.size());
            ExactSum merged = sumOf(terms.subList(0, at));
            merged.add(sumOf(terms.subList(at, terms.size())));

            assertEquals(sumOf(terms), merged);
            assertEquals(sumOf(terms).hashCode(), merged.hashCode());
            assertEquals(0, reference(terms).compareTo(merged.toBigDecimal()));
        });
    }

    @Test
    void ignoresTheOrderOfTerms() {
        forSeeds(1_000, 7, inputs -> new Shuffle(terms(inputs), inputs.anyLong()), shuffle -> {
            List<Double> shuffled = new ArrayList<>(shuffle.terms());
            Collections.shuffle(shuffled, new Random(shuffle.seed()));

            assertEquals(sumOf(shuffle.terms()), sumOf(shuffled));
            assertArrayEquals(sumOf(shuffle.terms()).toBytes(), sumOf(shuffled).toBytes());
        });
    }

    @Test
    void readsOnlyTheOneFormOfEachSum() {
        forSeeds(6_000, 8, ExactSumPropertiesTest::bytes, bytes -> {
            ExactSum read;
            try {
                read = ExactSum.fromBytes(bytes);
            } catch (IllegalArgumentException refused) {
                return;
            }
            assertArrayEquals(bytes, read.toBytes());
        });
    }

    record Mean(List<Double> terms, long count) {
    }

    record Cut(List<Double> terms, int at) {
    }

    /** The terms, and the seed of their shuffle. */
    record Shuffle(List<Double> terms, long seed) {
    }

    static List<Double> terms(Inputs inputs) {
        return switch (inputs.weighted(5, 3, 1, 1, 1, 1, 1, 1)) {
            case 0 -> inputs.listOf(0, 12, () -> term(inputs));
            case 1 -> inputs.listOf(13, 300, () -> term(inputs));
            case 2 -> inputs.listOf(1001, 2500, () -> term(inputs));
            // terms of one kind, so that the kind's own sums (huge, tiny, decimal) are reached too
            case 3 -> inputs.listOf(0, 1500, () -> anyBits(inputs));
            case 4 -> inputs.listOf(0, 1500, () -> decimal(inputs));
            case 5 -> inputs.listOf(0, 1500, () -> subnormal(inputs));
            case 6 -> inputs.listOf(0, 1500, () -> nearOneBinade(inputs));
            default -> inputs.listOf(0, 1500, () -> tiny(inputs));
        };
    }

    static long count(Inputs inputs) {
        return switch (inputs.weighted(5, 2, 1)) {
            case 0 -> inputs.between(1, 5000);
            case 1 -> inputs.between(1, Long.MAX_VALUE);
            default -> inputs.pick(1L, 2L, 3L, 4096L, Long.MAX_VALUE);
        };
    }

    /** The bytes of a sum of up to 20 terms, as written or with one byte changed, or any bytes. */
    static byte[] bytes(Inputs inputs) {
        return switch (inputs.weighted(1, 1, 1)) {
            case 0 -> written(inputs);
            case 1 -> {
                byte[] changed = written(inputs);
                changed[inputs.between(0, 300) % changed.length] ^= (byte) inputs.between(1, 255);
                yield changed;
            }
            default -> inputs.bytes(0, 300);
        };
    }

    private static byte[] written(Inputs inputs) {
        return sumOf(inputs.listOf(0, 20, () -> term(inputs))).toBytes();
    }

    static double term(Inputs inputs) {
        return switch (inputs.weighted(3, 3, 2, 2, 2, 1)) {
            case 0 -> anyBits(inputs);
            case 1 -> decimal(inputs);
            case 2 -> subnormal(inputs);
            case 3 -> nearOneBinade(inputs);
            case 4 -> EXTREMES[inputs.random().nextInt(EXTREMES.length)];
            default -> twoDecimals(inputs);
        };
    }

    /** Every finite bit pattern: mostly huge or tiny magnitudes. */
    private static double anyBits(Inputs inputs) {
        double term;
        do {
            term = Double.longBitsToDouble(inputs.anyLong());
        } while (!Double.isFinite(term));
        return term;
    }

    private static double decimal(Inputs inputs) {
        return inputs.between(-10_000_000, 10_000_000) / Math.pow(10, inputs.between(0, 8));
    }

    private static double subnormal(Inputs inputs) {
        return Double.longBitsToDouble(inputs.between(1, (1L << 52) - 1) | (inputs.random().nextBoolean()
                ? Long.MIN_VALUE : 0));
    }

    /** Magnitudes of 2^1000 to 2^1001, both signs: sums that cancel and carry at the top of the range. */
    private static double nearOneBinade(Inputs inputs) {
        double x = inputs.random().nextBoolean() ? inputs.between(-100, 100) / 100d
                : inputs.random().nextDouble(-1, Math.nextUp(1d));
        return Math.scalb(x, 1001);
    }

    /** Magnitudes of 2^-1022 to 2^-960, both signs: sums and means whose rounding meets the subnormals. */
    private static double tiny(Inputs inputs) {
        double x = Math.scalb(1 + inputs.random().nextDouble(), inputs.between(-1022, -960));
        return inputs.random().nextBoolean() ? x : -x;
    }

    /** A double nearest to a number of two decimals, of any magnitude from 0.01 to the largest, or an edge. */
    private static double twoDecimals(Inputs inputs) {
        if (inputs.oneIn(8)) {
            return inputs.pick(0d, 0.01, -0.01, Double.MAX_VALUE, -Double.MAX_VALUE);
        }
        double magnitude = Math.scalb(1 + inputs.random().nextDouble(), inputs.between(-7, 1023));
        double term = new BigDecimal(magnitude).setScale(2, RoundingMode.HALF_EVEN).doubleValue();
        return inputs.random().nextBoolean() ? term : -term;
    }

    private static BigDecimal reference(List<Double> terms) {
        BigDecimal sum = BigDecimal.ZERO;
        for (double term : terms) {
            sum = sum.add(new BigDecimal(term));
        }
        return sum;
    }

    private static ExactSum sumOf(List<Double> terms) {
        ExactSum sum = new ExactSum();
        for (double term : terms) {
            sum.add(term);
        }
        return sum;
    }
}
