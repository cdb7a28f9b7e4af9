package sensorhub.aggregations.control;

import java.util.Arrays;

/**
 * Descriptive statistics of one series of readings, as stored for a daily aggregation.
 * <p>
 * Computed to give exactly the bits numpy gives ({@code numpy.percentile(values, [25, 50, 75])}
 * with the default linear method, {@code numpy.mean}), so figures recomputed by analysts in
 * Python agree with ours to the last digit rather than within a tolerance.
 */
public record Summary(long count, double min, double q1, double median, double q3, double max, double mean) {

    /** numpy's {@code PW_BLOCKSIZE}: blocks at most this long are summed in eight running lanes. */
    private static final int SUMMATION_BLOCK = 128;
    private static final int LANES = 8;

    /**
     * Summarises the given values, sorting the array in place to avoid copying a day of readings.
     * The mean is taken over the sorted values, so the summary depends only on which values
     * there are, not on the order they arrive in.
     *
     * @param values finite values, at least one; sorted ascending on return
     * @throws IllegalArgumentException if there are no values
     */
    public static Summary of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("A summary needs at least one value");
        }
        Arrays.sort(values);
        return new Summary(values.length, values[0], quantile(values, 0.25), quantile(values, 0.5),
                quantile(values, 0.75), values[values.length - 1], mean(values));
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

    /** numpy's mean: its reduction starts from add's identity 0.0, then divides by the count. */
    private static double mean(double[] values) {
        return (0.0 + pairwiseSum(values, 0, values.length)) / values.length;
    }

    /**
     * numpy's {@code pairwise_sum} (loops_utils.h.src), addition for addition, since the order
     * of the additions decides the rounding of the mean.
     */
    private static double pairwiseSum(double[] values, int from, int length) {
        if (length < LANES) {
            double sum = 0.0;
            for (int i = from; i < from + length; i++) {
                sum += values[i];
            }
            return sum;
        }
        if (length <= SUMMATION_BLOCK) {
            double[] lanes = Arrays.copyOfRange(values, from, from + LANES);
            int i = LANES;
            for (; i < length - length % LANES; i += LANES) {
                for (int lane = 0; lane < LANES; lane++) {
                    lanes[lane] += values[from + i + lane];
                }
            }
            double sum = ((lanes[0] + lanes[1]) + (lanes[2] + lanes[3]))
                    + ((lanes[4] + lanes[5]) + (lanes[6] + lanes[7]));
            for (; i < length; i++) {
                sum += values[from + i];
            }
            return sum;
        }
        int half = length / 2;
        half -= half % LANES;
        return pairwiseSum(values, from, half) + pairwiseSum(values, from + half, length - half);
    }
}
