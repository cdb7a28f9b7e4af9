package sensorhub.aggregations.control;

import java.util.Arrays;
import sensorhub.aggregations.entity.Statistics;
import sensorhub.readings.control.ExactSum;

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

    private Summary() {
    }

    /**
     * Summarises the given values, sorting the array in place to avoid copying a day of readings.
     *
     * @param values finite values, at least one; sorted ascending on return
     * @throws IllegalArgumentException if there are no values
     */
    public static Statistics of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("A summary needs at least one value");
        }
        Arrays.sort(values);
        ExactSum sum = new ExactSum();
        for (double value : values) {
            sum.add(value);
        }
        return new Statistics(values[0], quantile(values, 0.25), quantile(values, 0.5), quantile(values, 0.75),
                values[values.length - 1], sum.mean(values.length));
    }

    /**
     * The q-quantile of sorted values by linear interpolation (Hyndman and Fan type 7), done the
     * way numpy's {@code _quantile} and {@code _lerp} do it so the result is bit-identical: the
     * position is {@code (n - 1) * q}, and the interpolation runs from the nearer neighbour
     * ({@code a + (b - a) * t} below the midpoint, {@code b - (b - a) * (1 - t)} from it on).
     *
     * @param sorted ascending values, at least one
     * @param q the fraction of values at or below the result, from 0 to 1
     */
    static double quantile(double[] sorted, double q) {
        int last = sorted.length - 1;
        double position = last * q;
        // numpy marks a position at the end with index -1 (the last value) yet still derives the
        // weight from that -1; kept because it decides the sign of a zero result.
        int below = position >= last ? -1 : (int) Math.floor(position);
        double a = sorted[below < 0 ? last : below];
        double b = sorted[below < 0 ? last : below + 1];
        double t = position - below;
        double difference = b - a;
        return t < 0.5 ? a + difference * t : b - difference * (1 - t);
    }
}
