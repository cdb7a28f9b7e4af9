package sensorhub.influxql.control;

/**
 * The times a {@code WHERE} lets through, in nanoseconds since the epoch, both ends inclusive as InfluxDB keeps
 * them; {@link #MIN} and {@link #MAX} where the query sets no bound (InfluxDB's own limits).
 */
public record TimeRange(long from, long to) {

    public static final long MIN = -9_223_372_036_854_775_806L;
    public static final long MAX = 9_223_372_036_854_775_806L;
    public static final TimeRange ALL = new TimeRange(MIN, MAX);

    public boolean hasFrom() {
        return from != MIN;
    }

    public boolean hasTo() {
        return to != MAX;
    }

    public TimeRange from(long nanos, boolean inclusive) {
        long bound = inclusive ? nanos : nanos + 1;
        return new TimeRange(Math.max(from, bound), to);
    }

    public TimeRange to(long nanos, boolean inclusive) {
        long bound = inclusive ? nanos : nanos - 1;
        return new TimeRange(from, Math.min(to, bound));
    }

    public boolean isEmpty() {
        return from > to;
    }
}
