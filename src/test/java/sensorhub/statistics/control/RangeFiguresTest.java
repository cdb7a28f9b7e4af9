package sensorhub.statistics.control;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import sensorhub.testing.BlocksInMemory;

/**
 * Checks {@link RangeFigures} over ranges of generated readings against numpy's figures, written to the test
 * resources by {@code src/test/python/generate_percentile_vectors.py}, which generates the same readings.
 * Percentiles are compared bit for bit, but for the sign of a zero: where -0.0 and 0.0 tie at a rank, numpy's
 * answer depends on how its partitioning left them, ours on {@link Double#compare}'s order (-0.0 first). The mean
 * is compared with the exact one, rounded once.
 */
class RangeFiguresTest {

    private static final double[] READINGS = readings();

    @ParameterizedTest(name = "[{0}, {1}), gathering at most {3}")
    @MethodSource("numpyRanges")
    void matchesNumpysPercentilesBitForBit(int from, int to, Map<String, Double> numpy, int gathered)
            throws SQLException {
        BlocksInMemory blocks = new BlocksInMemory(READINGS, from, to, 3_600, from);
        List<Percentiles.Percentile> asked = Percentiles.parse(String.join(",", numpy.keySet()));

        RangeFigures figures = RangeFigures.of(blocks, asked, gathered);

        assertEquals(to - from, figures.count());
        assertEquals(bits(numpy), bits(figures.percentiles()));
        assertEquals(exactMean(from, to), figures.mean());
    }

    @Test
    void answersNullsForAnEmptyRange() throws SQLException {
        BlocksInMemory blocks = new BlocksInMemory(READINGS, 10, 10, 100, 1);

        RangeFigures figures = RangeFigures.of(blocks, Percentiles.parse("50,99.9"));

        assertEquals(0, figures.count());
        assertNull(figures.min());
        assertNull(figures.mean());
        Map<String, Double> nulls = new LinkedHashMap<>();
        nulls.put("50", null);
        nulls.put("99.9", null);
        assertEquals(nulls, figures.percentiles());
    }

    static Stream<Arguments> numpyRanges() {
        return lines().filter(line -> !line.startsWith("#")).flatMap(line -> {
            String[] fields = line.split(",");
            Map<String, Double> percentiles = new LinkedHashMap<>();
            for (String item : fields[6].split(" ")) {
                String[] named = item.split(":");
                percentiles.put(named[0], Double.parseDouble(named[1]));
            }
            int from = Integer.parseInt(fields[0]);
            int to = Integer.parseInt(fields[1]);
            return Stream.of(Arguments.of(from, to, percentiles, RankSelection.GATHERED),
                    Arguments.of(from, to, percentiles, 50));
        });
    }

    /** The readings numpy was given: the generator of generate_percentile_vectors.py. */
    private static double[] readings() {
        double[] values = new double[200_000];
        long x = 20_261_204;
        double[] extremes = {Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE, -Double.MIN_VALUE};
        for (int i = 0; i < values.length; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            long r = x >>> 33;
            if (r % 9973 == 0) {
                values[i] = extremes[(int) (r / 9973 % 4)];
            } else if (r % 13 == 0) {
                values[i] = r % 2 == 0 ? -0.0 : 0.0;
            } else {
                values[i] = (r % 2001 - 1000) / 8.0;
            }
        }
        return values;
    }

    private static double exactMean(int from, int to) {
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = from; i < to; i++) {
            sum = sum.add(new BigDecimal(READINGS[i]));
        }
        return Double.parseDouble(sum.divide(BigDecimal.valueOf(to - from), new MathContext(60)).toString());
    }

    private static Map<String, String> bits(Map<String, Double> values) {
        return values.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> Double.toHexString(e.getValue() == 0 ? 0.0 : e.getValue()), (a, b) -> a, LinkedHashMap::new));
    }

    private static Stream<String> lines() {
        try (var reader = new BufferedReader(new InputStreamReader(
                RangeFiguresTest.class.getResourceAsStream("/percentile-vectors.csv"), UTF_8))) {
            return new ArrayList<>(reader.lines().toList()).stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
