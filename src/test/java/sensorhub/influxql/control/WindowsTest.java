package sensorhub.influxql.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Expected starts follow InfluxDB 1.x's {@code IteratorOptions.Window} and its fill iterator's walk from window to
 * window: epoch-aligned, shifted by the offset; under {@code tz()} aligned to the wall clock, the start moved by a
 * change of offset inside the window only when the change is shorter than the window.
 */
class WindowsTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;
    private static final long T0 = nanos("2026-04-20T08:00:00Z");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static long nanos(String instant) {
        return nanos(Instant.parse(instant));
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * SECOND + instant.getNano();
    }

    private static long localMidnight(int year, int month, int day, ZoneId zone) {
        return nanos(LocalDate.of(year, month, day).atStartOfDay(zone).toInstant());
    }

    private static long local(String dateTime, ZoneId zone) {
        return nanos(LocalDateTime.parse(dateTime).atZone(zone).toInstant());
    }

    private static List<Long> starts(Windows windows, long from, int count) {
        List<Long> starts = new ArrayList<>();
        for (long start = windows.start(from); starts.size() < count; start = windows.next(start)) {
            starts.add(start);
        }
        return starts;
    }

    private static List<Long> midnights(LocalDate first, int count, ZoneId zone) {
        List<Long> midnights = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            midnights.add(nanos(first.plusDays(i).atStartOfDay(zone).toInstant()));
        }
        return midnights;
    }

    @Test
    void alignsWindowsToTheEpochNotToTheReadings() {
        Windows minutes = new Windows(MINUTE, 0, Optional.empty());

        assertEquals(T0, minutes.start(T0));
        assertEquals(T0, minutes.start(T0 + 30 * SECOND));
        assertEquals(T0, minutes.start(T0 + MINUTE - 1));
        assertEquals(T0 + MINUTE, minutes.start(T0 + MINUTE));
    }

    @Test
    void cutsFourMinuteWindowsAtMultiplesOfFourMinutesSinceTheEpoch() {
        Windows fourMinutes = new Windows(4 * MINUTE, 0, Optional.empty());

        assertEquals(List.of(T0, T0 + 4 * MINUTE, T0 + 8 * MINUTE), starts(fourMinutes, T0 + MINUTE, 3));
        assertEquals(nanos("2026-04-20T07:56:00Z"), fourMinutes.start(T0 - 1));
    }

    @Test
    void roundsTimesBeforeTheEpochDownToTheirWindow() {
        Windows minutes = new Windows(MINUTE, 0, Optional.empty());

        assertEquals(-MINUTE, minutes.start(-1));
        assertEquals(-MINUTE, minutes.start(-MINUTE));
        assertEquals(-2 * MINUTE, minutes.start(-MINUTE - 1));
    }

    @Test
    void shiftsWindowsByTheOffset() {
        Windows hoursAtQuarterPast = new Windows(HOUR, 15 * MINUTE, Optional.empty());

        assertEquals(nanos("2026-04-20T07:15:00Z"), hoursAtQuarterPast.start(T0));
        assertEquals(nanos("2026-04-20T08:15:00Z"), hoursAtQuarterPast.start(T0 + 15 * MINUTE));
        assertEquals(nanos("2026-04-18T23:15:00Z"), hoursAtQuarterPast.start(nanos("2026-04-19T00:00:00Z")));
        assertEquals(nanos("2026-04-20T08:15:00Z"), hoursAtQuarterPast.next(nanos("2026-04-20T07:15:00Z")));
    }

    @Test
    void followsEachWindowWithTheNextOneIntervalLater() {
        Windows halfMinutes = new Windows(30 * SECOND, 0, Optional.empty());

        assertEquals(List.of(T0, T0 + 30 * SECOND, T0 + MINUTE, T0 + 90 * SECOND), starts(halfMinutes, T0, 4));
    }

    @Test
    void alignsDaysToMidnightInTheZone() {
        Windows days = new Windows(DAY, 0, Optional.of(BERLIN));

        assertEquals(localMidnight(2026, 4, 20, BERLIN), days.start(T0));
        assertEquals(nanos("2026-04-19T22:00:00Z"), days.start(T0));
    }

    /** InfluxDB's answer to GROUP BY time(1d) tz('America/New_York') over 2026-04-19T00:00Z..2026-04-22T00:00Z. */
    @Test
    void startsTheFirstNewYorkDayBeforeAUtcRangeThatBeginsInTheEvening() {
        Windows days = new Windows(DAY, 0, Optional.of(NEW_YORK));

        assertEquals(List.of(nanos("2026-04-18T04:00:00Z"), nanos("2026-04-19T04:00:00Z"),
                nanos("2026-04-20T04:00:00Z"), nanos("2026-04-21T04:00:00Z")),
                starts(days, nanos("2026-04-19T00:00:00Z"), 4));
    }

    @Test
    void keepsBerlinDaysAtMidnightAcrossTheSpringChange() {
        Windows days = new Windows(DAY, 0, Optional.of(BERLIN));

        assertEquals(midnights(LocalDate.of(2026, 3, 27), 5, BERLIN),
                starts(days, local("2026-03-27T12:00", BERLIN), 5));
        assertEquals(localMidnight(2026, 3, 29, BERLIN), days.start(local("2026-03-29T00:30", BERLIN)));
        assertEquals(localMidnight(2026, 3, 29, BERLIN), days.start(local("2026-03-29T23:30", BERLIN)));
        assertEquals(localMidnight(2026, 3, 30, BERLIN), days.start(local("2026-03-30T00:00", BERLIN)));
    }

    @Test
    void keepsBerlinDaysAtMidnightAcrossTheAutumnChange() {
        Windows days = new Windows(DAY, 0, Optional.of(BERLIN));

        assertEquals(midnights(LocalDate.of(2026, 10, 23), 5, BERLIN),
                starts(days, local("2026-10-23T12:00", BERLIN), 5));
        assertEquals(localMidnight(2026, 10, 25, BERLIN), days.start(local("2026-10-25T00:30", BERLIN)));
        assertEquals(localMidnight(2026, 10, 25, BERLIN), days.start(local("2026-10-25T23:30", BERLIN)));
        assertEquals(25 * HOUR, days.next(localMidnight(2026, 10, 25, BERLIN)) - localMidnight(2026, 10, 25, BERLIN));
    }

    @Test
    void keepsNewYorkDaysAtMidnightAcrossBothChanges() {
        Windows days = new Windows(DAY, 0, Optional.of(NEW_YORK));

        assertEquals(midnights(LocalDate.of(2026, 3, 6), 5, NEW_YORK),
                starts(days, local("2026-03-06T12:00", NEW_YORK), 5));
        assertEquals(midnights(LocalDate.of(2026, 10, 30), 5, NEW_YORK),
                starts(days, local("2026-10-30T12:00", NEW_YORK), 5));
        assertEquals(localMidnight(2026, 3, 8, NEW_YORK), days.start(local("2026-03-08T23:59", NEW_YORK)));
        assertEquals(localMidnight(2026, 11, 1, NEW_YORK), days.start(local("2026-11-01T23:59", NEW_YORK)));
    }

    @Test
    void leavesHourlyWindowsOnTheUtcHourWhereTheChangeIsAsLongAsTheWindow() {
        Windows hours = new Windows(HOUR, 0, Optional.of(BERLIN));

        assertEquals(List.of(nanos("2026-03-29T00:00:00Z"), nanos("2026-03-29T01:00:00Z"),
                nanos("2026-03-29T02:00:00Z")), starts(hours, nanos("2026-03-29T00:30:00Z"), 3));
    }

    /**
     * Two-hour windows on the spring change: the wall clock jumps from 02:00 to 03:00, so the window of 00:00 ends
     * at 03:00 local (two real hours), the next one starts there and lasts one hour, then the even hours resume.
     */
    @Test
    void movesTwoHourWindowsByTheHourTheClockSkips() {
        Windows twoHours = new Windows(2 * HOUR, 0, Optional.of(BERLIN));

        assertEquals(List.of(nanos("2026-03-28T23:00:00Z"), nanos("2026-03-29T01:00:00Z"),
                nanos("2026-03-29T02:00:00Z"), nanos("2026-03-29T04:00:00Z")),
                starts(twoHours, local("2026-03-29T01:30", BERLIN), 4));
        assertEquals(nanos("2026-03-29T01:00:00Z"), twoHours.start(local("2026-03-29T03:30", BERLIN)));
    }

    @Test
    void alignsHoursToAHalfHourZonesWallClock() {
        Windows hours = new Windows(HOUR, 0, Optional.of(ZoneId.of("Asia/Kolkata")));

        assertEquals(nanos("2026-04-20T07:30:00Z"), hours.start(T0));
        assertEquals(nanos("2026-04-20T08:30:00Z"), hours.next(hours.start(T0)));
    }

    @Test
    void shiftsZoneAlignedDaysByTheOffset() {
        Windows daysFromSix = new Windows(DAY, 6 * HOUR, Optional.of(BERLIN));

        assertEquals(local("2026-04-20T06:00", BERLIN), daysFromSix.start(T0));
        assertEquals(local("2026-04-19T06:00", BERLIN), daysFromSix.start(local("2026-04-20T05:59", BERLIN)));
    }
}
