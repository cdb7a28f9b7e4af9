package sensorhub.reliability;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/**
 * A day's statistics: as the service answers them, or computed here independently of the service's code, the way
 * numpy does: {@code numpy.percentile(values, [25, 50, 75])} (linear, evaluated as numpy's {@code _lerp}) and the
 * mean.
 */
record DaySummary(long count, double min, double q1, double median, double q3, double max, double mean) {

    /** Means are sums in some order: an ulp or so apart is the same mean. */
    static final double MEAN_TOLERANCE = 1e-12;

    static DaySummary of(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (double value : sorted) {
            sum += value;
        }
        return new DaySummary(sorted.length, sorted[0], percentile(sorted, 0.25), percentile(sorted, 0.5),
                percentile(sorted, 0.75), sorted[sorted.length - 1], sum / sorted.length);
    }

    static DaySummary from(JsonObject json) {
        return new DaySummary(json.getJsonNumber("count").longValue(), number(json, "min_val"), number(json, "q1"),
                number(json, "median"), number(json, "q3"), number(json, "max_val"), number(json, "mean"));
    }

    /** numpy's linear method: {@code h = (n-1)p}; {@code a + (b-a)t} below t = 0.5, {@code b - (b-a)(1-t)} from it. */
    static double percentile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int below = (int) Math.floor(h);
        double t = h - below;
        double a = sorted[below];
        double b = sorted[Math.min(below + 1, sorted.length - 1)];
        double difference = b - a;
        return t >= 0.5 ? b - difference * (1 - t) : a + difference * t;
    }

    /** The differences from {@code expected}, or empty: count, extremes and quartiles exact, the mean within 1e-12. */
    String differencesFrom(DaySummary expected) {
        StringBuilder what = new StringBuilder();
        if (count != expected.count) {
            what.append(" count ").append(count).append(" not ").append(expected.count);
        }
        compareExactly(what, "min_val", min, expected.min);
        compareExactly(what, "q1", q1, expected.q1);
        compareExactly(what, "median", median, expected.median);
        compareExactly(what, "q3", q3, expected.q3);
        compareExactly(what, "max_val", max, expected.max);
        if (!(Math.abs(mean - expected.mean) <= MEAN_TOLERANCE * Math.abs(expected.mean))) {
            what.append(String.format(Locale.ROOT, " mean %s not %s", mean, expected.mean));
        }
        return what.toString().trim();
    }

    private static void compareExactly(StringBuilder what, String name, double actual, double wanted) {
        if (Double.doubleToLongBits(actual) != Double.doubleToLongBits(wanted)) {
            what.append(' ').append(name).append(' ').append(actual).append(" not ").append(wanted);
        }
    }

    /** Parsed from the JSON text, so that the double is the one the service wrote (correctly rounded). */
    private static double number(JsonObject json, String name) {
        JsonValue value = json.get(name);
        return value instanceof JsonNumber number ? Double.parseDouble(number.toString()) : Double.NaN;
    }
}
