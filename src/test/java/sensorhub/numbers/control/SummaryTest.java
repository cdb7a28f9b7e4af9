package sensorhub.numbers.control;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import sensorhub.numbers.entity.Statistics;

/**
 * Checks {@link Summary} against figures numpy computed, written to the test resources by
 * {@code src/test/python/generate_quantile_vectors.py}.
 * <p>
 * Extremes and quartiles are compared as records, which compares each double with {@link Double#compare}: bit
 * for bit, down to the sign of zero. The mean is the exact one rounded once, which numpy's pairwise sum comes
 * within a few ulps of (1e-12 relative here).
 */
class SummaryTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("numpyVectors")
    void matchesNumpysQuartilesBitForBitAndItsMeanWithinRounding(String name, Statistics numpy, double[] values) {
        Statistics ours = Summary.of(values.clone());

        assertEquals(withMean(numpy, ours.mean()), ours);
        assertEquals(exactMean(values), ours.mean());
        assertTrue(Math.abs(ours.mean() - numpy.mean()) <= 1e-12 * Math.abs(numpy.mean()), ours.mean() + " " + numpy);
    }

    @Test
    void keepsTheMeanOfTheLargestOppositeValuesFinite() {
        double[] values = {Double.MAX_VALUE, -Double.MAX_VALUE, 1, 2};

        assertEquals(0.75, Summary.of(values).mean());
    }

    @Test
    void losesNoSmallValueBesideALargeOne() {
        double[] values = {1e300, 1, -1e300, 1};

        assertEquals(0.5, Summary.of(values).mean());
    }

    private static Statistics withMean(Statistics s, double mean) {
        return new Statistics(s.min(), s.q1(), s.median(), s.q3(), s.max(), mean);
    }

    private static double exactMean(double[] values) {
        BigDecimal sum = BigDecimal.ZERO;
        for (double value : values) {
            sum = sum.add(new BigDecimal(value));
        }
        // Parsing the decimal rounds correctly; BigDecimal.doubleValue() does not on Java 17 (JDK-8205592).
        return Double.parseDouble(sum.divide(BigDecimal.valueOf(values.length), new MathContext(60)).toString());
    }

    @Test
    void rejectsNoValues() {
        assertThrows(IllegalArgumentException.class, () -> Summary.of(new double[0]));
    }

    @Test
    void makesASingleValueEveryStatistic() {
        assertEquals(new Statistics(21.5, 21.5, 21.5, 21.5, 21.5, 21.5), Summary.of(new double[] {21.5}));
    }

    @Test
    void ignoresTheOrderOfValues() {
        double[] values = new Random(86_400).doubles(10_000, -40, 60).toArray();
        double[] shuffled = values.clone();
        shuffle(shuffled, new Random(1));
        double[] descending = values.clone();
        Arrays.sort(descending);
        reverse(descending);

        Statistics summary = Summary.of(values);

        assertEquals(summary, Summary.of(shuffled));
        assertEquals(summary, Summary.of(descending));
    }

    @Test
    void reordersTheGivenValuesWithoutLosingAny() {
        double[] values = new Random(7).doubles(1_001, -1, 1).toArray();
        double[] sorted = values.clone();
        Arrays.sort(sorted);

        Summary.of(values);
        Arrays.sort(values);

        assertArrayEquals(sorted, values);
    }

    @Test
    void ordersNegativeZeroBeforeZeroWhateverTheInputOrder() {
        // numpy leaves the order of -0.0 and 0.0 to its partitioning; ours is Arrays.sort's: -0.0, -0.0, 0.0, 0.0.
        Statistics summary = Summary.of(new double[] {0.0, -0.0, 0.0, -0.0});

        assertEquals(new Statistics(-0.0, -0.0, 0.0, 0.0, 0.0, 0.0), summary);
        assertEquals(summary, Summary.of(new double[] {-0.0, 0.0, -0.0, 0.0}));
    }

    static Stream<Arguments> numpyVectors() {
        return lines("quantile-vectors.csv").filter(line -> !line.startsWith("#")).map(SummaryTest::vector);
    }

    /** A line is {@code name,count,min,q1,median,q3,max,mean,values}, values inline or as {@code @resource}. */
    private static Arguments vector(String line) {
        String[] fields = line.split(",");
        Statistics numpy = new Statistics(Double.parseDouble(fields[2]),
                Double.parseDouble(fields[3]), Double.parseDouble(fields[4]), Double.parseDouble(fields[5]),
                Double.parseDouble(fields[6]), Double.parseDouble(fields[7]));
        Stream<String> values = fields[8].startsWith("@")
                ? lines(fields[8].substring(1))
                : Arrays.stream(fields[8].split(" "));
        return Arguments.of(fields[0], numpy, values.mapToDouble(Double::parseDouble).toArray());
    }

    private static Stream<String> lines(String resource) {
        try (var reader = new BufferedReader(
                new InputStreamReader(SummaryTest.class.getResourceAsStream("/" + resource), UTF_8))) {
            return reader.lines().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void shuffle(double[] values, Random random) {
        for (int i = values.length - 1; i > 0; i--) {
            swap(values, i, random.nextInt(i + 1));
        }
    }

    private static void reverse(double[] values) {
        for (int i = 0, j = values.length - 1; i < j; i++, j--) {
            swap(values, i, j);
        }
    }

    private static void swap(double[] values, int i, int j) {
        double held = values[i];
        values[i] = values[j];
        values[j] = held;
    }
}
