package sensorhub.readings.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/**
 * Holds {@link ExactSum} to {@link BigDecimal} arithmetic, which is exact for doubles, over terms of every size
 * (subnormals, the extremes, decimals, any bit pattern) in lists long enough to cross its carries.
 */
class ExactSumPropertiesTest {

    private static final double[] EXTREMES = {Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE,
        -Double.MIN_VALUE, Double.MIN_NORMAL, -Double.MIN_NORMAL, Math.nextDown(Double.MIN_NORMAL),
        Math.nextDown(Double.MAX_VALUE), Math.ulp(Double.MAX_VALUE) / 2, 0.0, -0.0, 1.0, -1.0, Math.ulp(1.0),
        0x1p-1022, 0x1p1023, -0x1p1023};

    @Property(tries = 1000)
    void sumsExactly(@ForAll("terms") List<Double> terms) {
        assertEquals(0, reference(terms).compareTo(sumOf(terms).toBigDecimal()), terms::toString);
    }

    @Property(tries = 1000)
    void roundsTheSumToTheNearestDouble(@ForAll("terms") List<Double> terms) {
        RoundingReference.assertNearest(reference(terms), 1, sumOf(terms).doubleValue());
    }

    @Property(tries = 1000)
    void roundsTheMeanToTheNearestDouble(@ForAll("terms") List<Double> terms, @ForAll("counts") long count) {
        RoundingReference.assertNearest(reference(terms), count, sumOf(terms).mean(count));
    }

    @Property(tries = 500)
    void givesAFiniteMeanOfItsTerms(@ForAll("terms") List<Double> terms) {
        long count = Math.max(1, terms.size());
        double mean = sumOf(terms).mean(count);

        assertTrue(Double.isFinite(mean), terms::toString);
        RoundingReference.assertNearest(reference(terms), count, mean);
    }

    @Property(tries = 1000)
    void readsBackWhatItWrites(@ForAll("terms") List<Double> terms) {
        ExactSum sum = sumOf(terms);
        byte[] bytes = sum.toBytes();
        ExactSum read = ExactSum.fromBytes(bytes);

        assertTrue(bytes.length <= 273);
        assertEquals(sum, read);
        assertEquals(0, sum.toBigDecimal().compareTo(read.toBigDecimal()));
        assertArrayEquals(bytes, read.toBytes());
    }

    @Property(tries = 500)
    void mergesAsIfAddedInOneGo(@ForAll("terms") List<Double> terms, @ForAll @IntRange(max = 3000) int cut) {
        int at = Math.min(cut, terms.size());
        ExactSum merged = sumOf(terms.subList(0, at));
        merged.add(sumOf(terms.subList(at, terms.size())));

        assertEquals(sumOf(terms), merged);
        assertEquals(sumOf(terms).hashCode(), merged.hashCode());
        assertEquals(0, reference(terms).compareTo(merged.toBigDecimal()));
    }

    @Property(tries = 500)
    void ignoresTheOrderOfTerms(@ForAll("terms") List<Double> terms, @ForAll long seed) {
        List<Double> shuffled = new ArrayList<>(terms);
        Collections.shuffle(shuffled, new Random(seed));

        assertEquals(sumOf(terms), sumOf(shuffled));
        assertArrayEquals(sumOf(terms).toBytes(), sumOf(shuffled).toBytes());
    }

    @Property(tries = 3000)
    void readsOnlyTheOneFormOfEachSum(@ForAll("bytes") byte[] bytes) {
        ExactSum read;
        try {
            read = ExactSum.fromBytes(bytes);
        } catch (IllegalArgumentException refused) {
            return;
        }
        assertArrayEquals(bytes, read.toBytes());
    }

    @Provide
    Arbitrary<List<Double>> terms() {
        return Arbitraries.frequencyOf(Tuple.of(5, listsOf(term(), 0, 12)), Tuple.of(3, listsOf(term(), 13, 300)),
                Tuple.of(1, listsOf(term(), 1001, 2500)),
                // terms of one kind, so that the kind's own sums (huge, tiny, decimal) are reached too
                Tuple.of(1, listsOf(anyBits(), 0, 1500)), Tuple.of(1, listsOf(decimals(), 0, 1500)),
                Tuple.of(1, listsOf(subnormals(), 0, 1500)), Tuple.of(1, listsOf(nearOneBinade(), 0, 1500)));
    }

    private static Arbitrary<List<Double>> listsOf(Arbitrary<Double> terms, int min, int max) {
        return terms.list().ofMinSize(min).ofMaxSize(max);
    }

    @Provide
    Arbitrary<Long> counts() {
        return Arbitraries.frequencyOf(Tuple.of(5, Arbitraries.longs().between(1, 5000)),
                Tuple.of(2, Arbitraries.longs().between(1, Long.MAX_VALUE)),
                Tuple.of(1, Arbitraries.of(1L, 2L, 3L, 4096L, Long.MAX_VALUE)));
    }

    @Provide
    Arbitrary<byte[]> bytes() {
        Arbitrary<byte[]> written = term().list().ofMaxSize(20).map(terms -> sumOf(terms).toBytes());
        Arbitrary<byte[]> changed = Combinators.combine(written, Arbitraries.integers().between(0, 300),
                Arbitraries.integers().between(1, 255)).as((bytes, at, change) -> {
                    byte[] copy = bytes.clone();
                    copy[at % copy.length] ^= (byte) change.intValue();
                    return copy;
                });
        return Arbitraries.oneOf(written, changed, Arbitraries.bytes().array(byte[].class).ofMaxSize(300));
    }

    private static Arbitrary<Double> term() {
        return Arbitraries.frequencyOf(Tuple.of(3, anyBits()), Tuple.of(3, decimals()), Tuple.of(2, subnormals()),
                Tuple.of(2, nearOneBinade()), Tuple.of(2, Arbitraries.of(box(EXTREMES))),
                Tuple.of(1, Arbitraries.doubles()));
    }

    /** Every finite bit pattern: mostly huge or tiny magnitudes. */
    private static Arbitrary<Double> anyBits() {
        return Arbitraries.longs().map(Double::longBitsToDouble).filter(Double::isFinite);
    }

    private static Arbitrary<Double> decimals() {
        return Combinators.combine(Arbitraries.integers().between(-10_000_000, 10_000_000),
                Arbitraries.integers().between(0, 8)).as((n, e) -> n / Math.pow(10, e));
    }

    private static Arbitrary<Double> subnormals() {
        return Combinators.combine(Arbitraries.longs().between(1, (1L << 52) - 1), Arbitraries.of(0L,
                Long.MIN_VALUE)).as((bits, sign) -> Double.longBitsToDouble(bits | sign));
    }

    /** Magnitudes of 2^1000 to 2^1001, both signs: sums that cancel and carry at the top of the range. */
    private static Arbitrary<Double> nearOneBinade() {
        return Arbitraries.doubles().between(-1, 1).map(x -> Math.scalb(x, 1001));
    }

    private static Double[] box(double[] values) {
        Double[] boxed = new Double[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return boxed;
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
