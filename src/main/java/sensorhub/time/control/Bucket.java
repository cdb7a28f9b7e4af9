package sensorhub.time.control;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The ladder of series buckets. Buckets start at midnight in the series' zone and follow its clocks: a day is a
 * day there (23 or 25 hours when the clocks change), a week an ISO week from Monday, a month a calendar month;
 * a bucket shorter than a day is a step of its length from the day's midnight, the day's last one cut short
 * where the day is.
 */
public enum Bucket {
    PT1S(Duration.ofSeconds(1)), PT10S(Duration.ofSeconds(10)), PT1M(Duration.ofMinutes(1)),
    PT5M(Duration.ofMinutes(5)), PT15M(Duration.ofMinutes(15)), PT1H(Duration.ofHours(1)),
    PT6H(Duration.ofHours(6)),
    // Calendar buckets by their shortest: a day of 23 hours, a week holding one, a February.
    P1D(Duration.ofHours(23)), P7D(Duration.ofDays(7).minusHours(1)), P1M(Duration.ofDays(28));

    /** The most buckets one series may have. */
    public static final int MAX_BUCKETS = 10_000;

    private static final long SHORTEST_DAY_MICROS = Duration.ofHours(23).toNanos() / 1_000;

    /** The bucket's length; for calendar buckets, the shortest it can be. */
    private final long micros;

    Bucket(Duration length) {
        this.micros = length.toNanos() / 1_000;
    }

    /** Whether the bucket is a fixed length of time within a day, rather than days of the zone's calendar. */
    boolean isWithinDay() {
        return ordinal() < P1D.ordinal();
    }

    /**
     * How many buckets {@code [from, to)} touches in the zone, counted exactly up to {@code limit}; any number
     * above the limit where there are more.
     */
    public long buckets(long fromMicros, long toMicros, ZoneId zone, int limit) {
        long span = toMicros - fromMicros;
        // Each midnight cuts a bucket within the day short: one more bucket per day.
        long atMost = span / micros + 2 + (isWithinDay() ? span / SHORTEST_DAY_MICROS + 1 : 0);
        if (atMost <= limit || span / micros > limit) {
            return atMost;
        }
        long count = 0;
        for (long start = fromMicros; start < toMicros && count <= limit; count++) {
            start = spanOf(start, zone)[1];
        }
        return count;
    }

    /** The smallest bucket that cuts {@code [from, to)} into at most {@code maxBuckets} in the zone, if any does. */
    public static Optional<Bucket> fitting(long fromMicros, long toMicros, ZoneId zone, int maxBuckets) {
        return Arrays.stream(values()).filter(b -> b.buckets(fromMicros, toMicros, zone, maxBuckets) <= maxBuckets)
                .findFirst();
    }

    /** The spans of the buckets that {@code [from, to)} touches in the zone, in time order. */
    public List<long[]> spans(long fromMicros, long toMicros, ZoneId zone) {
        List<long[]> spans = new ArrayList<>();
        for (long start = fromMicros; start < toMicros; ) {
            long[] span = spanOf(start, zone);
            spans.add(span);
            start = span[1];
        }
        return spans;
    }

    /** The span of the bucket that holds the instant, in the zone: {@code [start, end)} in epoch microseconds. */
    public long[] spanOf(long micros, ZoneId zone) {
        Instant instant = EpochMicros.toInstant(micros);
        LocalDate date = instant.atZone(zone).toLocalDate();
        return switch (this) {
            case P1D -> days(date, date.plusDays(1), zone);
            case P7D -> {
                LocalDate monday = date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                yield days(monday, monday.plusWeeks(1), zone);
            }
            case P1M -> days(date.withDayOfMonth(1), date.withDayOfMonth(1).plusMonths(1), zone);
            default -> {
                long[] day = days(date, date.plusDays(1), zone);
                long start = day[0] + Math.floorDiv(micros - day[0], this.micros) * this.micros;
                yield new long[] {start, Math.min(start + this.micros, day[1])};
            }
        };
    }

    private static long[] days(LocalDate first, LocalDate next, ZoneId zone) {
        return new long[] {EpochMicros.of(first.atStartOfDay(zone).toInstant()),
                EpochMicros.of(next.atStartOfDay(zone).toInstant())};
    }
}
