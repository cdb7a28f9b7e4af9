package sensorhub.retention.control;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A retention, an ISO-8601 duration of days, hours, minutes and seconds ({@code P90D}, {@code PT36H}), and what it
 * means at a given instant: readings older than {@link #cutoff} are refused, those before {@link #sweptBefore} are
 * removed. The sweep stays a day behind the cutoff's UTC day: a day of any zone (at most 14 hours off UTC) that
 * the sweep reaches into then lies wholly before the cutoff, so no reading can arrive for it any more and its kept
 * statistics are final.
 */
public record Retention(Duration duration) {

    /** What {@code retention} must look like (Bean Validation on the sensor, the OpenAPI document alike). */
    public static final String PATTERN = "^P(?=\\d|T\\d)(\\d{1,6}D)?(T(?=\\d)(\\d{1,8}H)?(\\d{1,10}M)?(\\d{1,12}S)?)?$";
    public static final String RULE = "must be an ISO-8601 duration of days, hours, minutes or seconds, such as P90D "
            + "or PT36H";
    static final long DAY_MICROS = 86_400_000_000L;

    /** The sensor's retention, else the default; none where neither names one. */
    public static Optional<Retention> of(String own, Optional<String> fallback) {
        return Optional.ofNullable(own).or(() -> fallback).map(Retention::parse);
    }

    /** A retention as {@link #PATTERN} allows it. */
    public static Retention parse(String text) {
        try {
            return new Retention(Duration.parse(text));
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new IllegalArgumentException("Not a retention: " + text, e);
        }
    }

    /**
     * Readings before this (epoch microseconds) are refused at {@code nowMicros}. The pattern bounds a retention
     * to about 2 * 10^18 microseconds, so this cannot overflow.
     */
    public long cutoff(long nowMicros) {
        return nowMicros - duration.getSeconds() * 1_000_000 - duration.getNano() / 1_000;
    }

    /** Readings before this are removed at {@code nowMicros}: the UTC midnight a day before the cutoff's day. */
    public long sweptBefore(long nowMicros) {
        return Math.floorDiv(cutoff(nowMicros), DAY_MICROS) * DAY_MICROS - DAY_MICROS;
    }
}
