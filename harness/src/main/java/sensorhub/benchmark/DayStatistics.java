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
        return count == other.count && near(min, other.min) && near(max, other.max)
                && near(median, other.median) && near(mean, other.mean)
                && (!quartiles || near(q1, other.q1) && near(q3, other.q3));
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
