package sensorhub.benchmark;

import java.util.List;
import java.util.Locale;

/** A set of timings in milliseconds, summarised by nearest-rank percentiles. */
public record Latencies(double[] sortedMillis) {

    public static Latencies of(List<? extends Number> millis) {
        return new Latencies(millis.stream().mapToDouble(Number::doubleValue).sorted().toArray());
    }

    public boolean isEmpty() {
        return sortedMillis.length == 0;
    }

    public int count() {
        return sortedMillis.length;
    }

    public double percentile(double p) {
        int rank = (int) Math.ceil(p / 100 * sortedMillis.length);
        return sortedMillis[Math.max(0, rank - 1)];
    }

    public double median() {
        return percentile(50);
    }

    /** "p50 1.2 ms, p99 3.4 ms", or "n/a" when nothing was measured. */
    public String p50p99() {
        return isEmpty() ? "n/a" : "p50 " + millis(percentile(50)) + ", p99 " + millis(percentile(99));
    }

    public static String millis(double ms) {
        return String.format(Locale.ROOT, ms < 10 ? "%.1f ms" : "%.0f ms", ms);
    }
}
