package sensorhub.influxql.control;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The windows of {@code GROUP BY time(interval[, offset])} as InfluxDB 1.x cuts them (query.IteratorOptions.Window):
 * aligned to the epoch plus the offset; under {@code tz()} to the zone's wall clock, the start moved by the change of
 * offset where the zone changes it inside the window, unless that change is as long as the window. Times in
 * nanoseconds.
 */
public final class Windows {

    private final long interval;
    private final long offset;
    private final Optional<ZoneId> zone;

    public Windows(long interval, long offset, Optional<ZoneId> zone) {
        this.interval = interval;
        this.offset = offset;
        this.zone = zone;
    }

    /** The start of the window that holds {@code t}. */
    public long start(long t) {
        long shifted = t - offset;
        long zoneOffset = zoneOffset(shifted);
        long dt = Math.floorMod(shifted + zoneOffset, interval);
        long start = shifted - dt;
        if (zone.isPresent()) {
            long change = zoneOffset - zoneOffset(start);
            if (change != 0 && Math.abs(change) < interval) {
                start += change;
            }
        }
        return start + offset;
    }

    /** The start of the window after the one that starts at {@code start}. */
    public long next(long start) {
        long candidate = start(start + interval);
        return candidate > start ? candidate : start(start + 2 * interval);
    }

    private long zoneOffset(long nanos) {
        return zone.map(z -> z.getRules().getOffset(Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L)))
                .getTotalSeconds() * 1_000_000_000L).orElse(0L);
    }
}
