package sensorhub.time.control;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A calendar day in a time zone as the span of instants it covers, {@code [start, end)} in epoch microseconds:
 * 23 or 25 hours long when the zone changes its clocks that day.
 */
public record DayWindow(LocalDate day, ZoneId zone, long startMicros, long endMicros) {

    public static DayWindow of(LocalDate day, ZoneId zone) {
        return new DayWindow(day, zone, EpochMicros.of(day.atStartOfDay(zone).toInstant()),
                EpochMicros.of(day.plusDays(1).atStartOfDay(zone).toInstant()));
    }

    public DayWindow next() {
        return of(day.plusDays(1), zone);
    }
}
