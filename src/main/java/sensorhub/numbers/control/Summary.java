package sensorhub.numbers.control;

import org.apache.commons.numbers.arrays.Selection;
import sensorhub.numbers.entity.Statistics;

/**
 * Descriptive statistics of one series of readings, as kept for a daily aggregation.
 * <p>
 * Quartiles are computed to give exactly the bits numpy gives ({@code numpy.percentile(values, [25, 50, 75])}
 * with the default linear method), so figures recomputed by analysts in Python agree to the last digit. The
 * mean is the exact sum divided by the count, rounded once: numpy's pairwise sum is within an ulp or two of it
 * for ordinary readings, but overflows to infinity for a day holding both {@code ±1.7976931348623157e308},
 * whose true mean is finite.
 */
public final class Summary {

    private static final double Q1 = 0.25;
    private static final double MEDIAN = 0.5;
    private static final double Q3 = 0.75;

    private Summary() {
    }

    /**
     * Summarises the given values, reordering the array in place to avoid copying a day of readings: only the
     * order statistics that the extremes and quartiles need are put where a sort would put them (Commons Numbers'
     * selection, in linear time; sorting a day took four tenths of its first statistics). The selection orders as
     * {@link java.util.Arrays#sort(double[])} does, {@code -0.0} before {@code 0.0}.
     *
     * @param values finite values, at least one; in another order on return
     * @throws IllegalArgumentException if there are no values
     */
    public static Statistics of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("A summary needs at least one value");
        }
        int last = values.length - 1;
        QuantilePosition[] quartiles = {QuantilePosition.of(values.length, Q1),
            QuantilePosition.of(values.length, MEDIAN), QuantilePosition.of(values.length, Q3)};
        int[] ranks = new int[2 * quartiles.length + 2];
        ranks[ranks.length - 1] = last;
        for (int i = 0; i < quartiles.length; i++) {
            ranks[1 + 2 * i] = (int) quartiles[i].lower();
            ranks[2 + 2 * i] = (int) quartiles[i].upper();
        }
        Selection.select(values, ranks);
        ExactSum sum = new ExactSum();
        for (double value : values) {
            sum.add(value);
        }
        return new Statistics(values[0], quantile(values, quartiles[0]), quantile(values, quartiles[1]),
                quantile(values, quartiles[2]), values[last], sum.mean(values.length));
    }

    private static double quantile(double[] ordered, QuantilePosition position) {
        return position.between(ordered[(int) position.lower()], ordered[(int) position.upper()]);
    }
}
