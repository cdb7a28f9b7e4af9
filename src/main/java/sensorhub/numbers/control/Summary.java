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
        Selection.select(values, new int[] {0, lower(last, Q1), upper(last, Q1), lower(last, MEDIAN),
            upper(last, MEDIAN), lower(last, Q3), upper(last, Q3), last});
        ExactSum sum = new ExactSum();
        for (double value : values) {
            sum.add(value);
        }
        return new Statistics(values[0], quantile(values, Q1), quantile(values, MEDIAN), quantile(values, Q3),
                values[last], sum.mean(values.length));
    }

    /**
     * The q-quantile by linear interpolation (Hyndman and Fan type 7), done the way numpy's {@code _quantile} and
     * {@code _lerp} do it so the result is bit-identical: the position is {@code (n - 1) * q}, and the
     * interpolation runs from the nearer neighbour ({@code a + (b - a) * t} below the midpoint,
     * {@code b - (b - a) * (1 - t)} from it on).
     *
     * @param ordered values, at least one, whose indices {@link #lower} and {@link #upper} of {@code q} hold what a
     *     sort would put there
     * @param q the fraction of values at or below the result, from 0 to 1
     */
    private static double quantile(double[] ordered, double q) {
        int last = ordered.length - 1;
        double a = ordered[lower(last, q)];
        double b = ordered[upper(last, q)];
        double t = last * q - below(last, q);
        double difference = b - a;
        return t < 0.5 ? a + difference * t : b - difference * (1 - t);
    }

    /**
     * The index below the q-quantile's position {@code (n - 1) * q}, or -1 at the last value: numpy marks a
     * position at the end with index -1 (the last value) yet still derives the weight from that -1; kept because
     * it decides the sign of a zero result.
     */
    private static int below(int last, double q) {
        double position = last * q;
        return position >= last ? -1 : (int) Math.floor(position);
    }

    /** The index of the value the q-quantile interpolates from. */
    private static int lower(int last, double q) {
        int below = below(last, q);
        return below < 0 ? last : below;
    }

    /** The index of the value the q-quantile interpolates towards. */
    private static int upper(int last, double q) {
        int below = below(last, q);
        return below < 0 ? last : below + 1;
    }
}
