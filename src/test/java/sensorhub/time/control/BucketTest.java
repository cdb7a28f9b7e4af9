package sensorhub.time.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class BucketTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId UTC = ZoneId.of("UTC");

    @Test
    void choosesTheSmallestBucketWithinTheLimit() {
        assertEquals(Bucket.PT5M, Bucket.fitting(micros("2026-03-01T10:00:10Z"), micros("2026-03-01T11:00:00Z"), UTC, 12)
                .orElseThrow());
        assertEquals(Bucket.PT1H, Bucket.fitting(micros("2026-03-01T00:00:00Z"), micros("2026-04-01T00:00:00Z"), UTC, 1000)
                .orElseThrow());
        assertTrue(Bucket.fitting(micros("0001-01-01T00:00:00Z"), micros("9999-01-01T00:00:00Z"), UTC, 10).isEmpty());
    }

    @Test
    void countsTheBucketsOfARangeExactlyNearTheLimit() {
        // 10:00:10 to 11:00 touches twelve five-minute buckets, 10:00 to 10:55.
        assertEquals(12, Bucket.PT5M.buckets(micros("2026-03-01T10:00:10Z"), micros("2026-03-01T11:00:00Z"), UTC, 12));
    }

    @Test
    void neverCountsFewerBucketsThanARangeTouches() {
        long from = micros("2026-01-31T23:59:59Z");
        long to = micros("2026-03-01T00:00:01Z");
        // January's last second, all of February, March's first second: three months.
        assertTrue(Bucket.P1M.buckets(from, to, UTC, 100) >= 3);
    }

    @Test
    void cutsAHourBucketAtTheZonesClockHour() {
        assertArrayEquals(span("2026-03-01T09:00:00Z", "2026-03-01T10:00:00Z"),
                Bucket.PT1H.spanOf(micros("2026-03-01T09:30:00Z"), BERLIN));
    }

    @Test
    void makesADayOfTheZoneTwentyFiveHoursWhenItsClocksFallBack() {
        assertArrayEquals(span("2026-10-24T22:00:00Z", "2026-10-25T23:00:00Z"),
                Bucket.P1D.spanOf(micros("2026-10-25T12:00:00Z"), BERLIN));
    }

    @Test
    void startsAWeekOnMondayAndAMonthOnItsFirst() {
        assertArrayEquals(span("2026-11-29T23:00:00Z", "2026-12-06T23:00:00Z"),
                Bucket.P7D.spanOf(micros("2026-12-01T12:00:00Z"), BERLIN));
        assertArrayEquals(span("2026-02-01T00:00:00Z", "2026-03-01T00:00:00Z"),
                Bucket.P1M.spanOf(micros("2026-02-14T12:00:00Z"), ZoneId.of("UTC")));
    }

    @Test
    void cutsTheLastBucketOfADayShortAtMidnight() {
        // Kolkata is 5:30 ahead: its six-hour buckets start at its midnight, 18:30 UTC.
        ZoneId kolkata = ZoneId.of("Asia/Kolkata");
        assertArrayEquals(span("2026-03-01T00:30:00Z", "2026-03-01T06:30:00Z"),
                Bucket.PT6H.spanOf(micros("2026-03-01T01:00:00Z"), kolkata));
    }

    private static long micros(String instant) {
        return EpochMicros.of(Instant.parse(instant));
    }

    private static long[] span(String start, String end) {
        return new long[] {micros(start), micros(end)};
    }
}
