package sensorhub.benchmark;

import jakarta.json.JsonObject;
import java.util.Locale;

/** A day's statistics as one system answered them, so that the systems' answers can be held side by side. */
record DayStatistics(long count, double min, double q1, double median, double q3, double max, double mean) {

    /** The service's {@code DailyAggregation} JSON. */
    static DayStatistics of(JsonObject json) {
        return new DayStatistics(json.getJsonNumber("count").longValue(), number(json, "min_val"),
                number(json, "q1"), number(json, "median"), number(json, "q3"), number(json, "max_val"),
                number(json, "mean"));
    }

    /** Whether count, minimum, maximum, median and mean agree (to 1e-9), and the quartiles too if asked. */
    boolean agrees(DayStatistics other, boolean quartiles) {
        return agreesBesideQuantiles(other) && near(median, other.median)
                && (!quartiles || near(q1, other.q1) && near(q3, other.q3));
    }

    /** Whether count, minimum, maximum and mean agree (to 1e-9): all a peer with approximate quantiles can match. */
    boolean agreesBesideQuantiles(DayStatistics other) {
        return count == other.count && near(min, other.min) && near(max, other.max) && near(mean, other.mean);
    }

    /** How far the other's q1, median and q3 are from these: "q1 14.371 against 14.368 (+0.003, +0.02 %), ...". */
    String distanceOf(DayStatistics other) {
        return String.join(", ", distance("q1", q1, other.q1), distance("median", median, other.median),
                distance("q3", q3, other.q3));
    }

    private static String distance(String name, double exact, double other) {
        return String.format(Locale.ROOT, "%s %s against %s (%+.4f, %+.3f %%)", name, other, exact, other - exact,
                (other - exact) / exact * 100);
    }

    /** Its quartiles and median beside another's: bit for bit equal, or how far apart ({@link #distanceOf}). */
    String quantilesBeside(DayStatistics other) {
        boolean same = Double.compare(q1, other.q1) == 0 && Double.compare(median, other.median) == 0
                && Double.compare(q3, other.q3) == 0;
        return same ? String.format(Locale.ROOT, "bit for bit equal (q1 %s, median %s, q3 %s)", q1, median, q3)
                : distanceOf(other);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "count %d, min %s, q1 %s, median %s, q3 %s, max %s, mean %.6f", count,
                min, q1, median, q3, max, mean);
    }

    private static boolean near(double a, double b) {
        return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
    }

    private static double number(JsonObject json, String name) {
        return json.isNull(name) ? Double.NaN : json.getJsonNumber(name).doubleValue();
    }
}
