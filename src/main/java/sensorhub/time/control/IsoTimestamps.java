package sensorhub.time.control;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.util.regex.Pattern;

/**
 * Reads an ISO-8601 timestamp straight into epoch microseconds. The usual shape,
 * {@code 2026-11-28T09:30:00[.ffffff][Z|+01:00]}, is read by hand: {@code DateTimeFormatter} takes about
 * 3 µs a timestamp, a fifth of the time the service spends on a reading in a batch. Any other shape goes to
 * {@link #instant}, so both accept and reject exactly the same texts (held to that by
 * {@code IsoTimestampsPropertiesTest}).
 */
public final class IsoTimestamps {

    private static final Instant EARLIEST = EpochMicros.toInstant(EpochMicros.EARLIEST);
    private static final Instant LATEST = EpochMicros.toInstant(EpochMicros.LATEST);
    /** Where the instants kept end, {@code +10000-01-01T00:00:00Z}: a range may end there; no reading lies there. */
    private static final Instant END = EpochMicros.toInstant(EpochMicros.LATEST + 1);
    /** A decimal point without a digit after it, which {@code java.time} lets pass ({@code 09:30:00.Z}). */
    private static final Pattern EMPTY_FRACTION = Pattern.compile("\\.(?![0-9])");
    /**
     * The spaces and tabs around a timestamp, which are passed over; {@code String.trim()} would also pass over
     * control characters (a NUL at the end, a line break), which make it no timestamp.
     */
    private static final Pattern BLANKS_AROUND = Pattern.compile("^[ \t]+|[ \t]+$");
    private static final int DATE_TIME_LENGTH = 19;
    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final int MAX_OFFSET_SECONDS = 18 * 3600;

    private IsoTimestamps() {
    }

    /** @throws DateTimeParseException for text that is not ISO-8601 or lies outside the years 1 to 9999 */
    public static long micros(String text) {
        long micros = usualShape(text);
        return micros != Long.MIN_VALUE ? micros : EpochMicros.of(instant(text));
    }

    /**
     * Any ISO-8601 timestamp with or without an offset (none means UTC, as the original service did), to the
     * microsecond: precision beyond it, which no table keeps, is cut off.
     *
     * @throws DateTimeParseException for text that is not ISO-8601 or lies outside the years 1 to 9999 */
    public static Instant instant(String text) {
        return upTo(LATEST, text);
    }

    /**
     * A bound of a range {@code [from, to)}, read as {@link #instant} reads a timestamp: an instant of the years
     * 1 to 9999 or their end, {@code +10000-01-01T00:00:00Z}, so that a range can hold the last instant kept,
     * 9999-12-31T23:59:59.999999Z.
     *
     * @throws DateTimeParseException for text that is not ISO-8601 or lies outside that span
     */
    public static Instant bound(String text) {
        return upTo(END, text);
    }

    private static Instant upTo(Instant last, String text) {
        if (EMPTY_FRACTION.matcher(text).find()) {
            throw new DateTimeParseException("a decimal point without digits", text, 0);
        }
        TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parse(BLANKS_AROUND.matcher(text).replaceAll(""));
        Instant instant = parsed.isSupported(ChronoField.OFFSET_SECONDS)
                ? Instant.from(parsed)
                : LocalDateTime.from(parsed).toInstant(ZoneOffset.UTC);
        Instant micros = instant.truncatedTo(ChronoUnit.MICROS);
        if (micros.isBefore(EARLIEST) || micros.isAfter(last)) {
            throw new DateTimeParseException("outside the years 1 to 9999", text, 0);
        }
        return micros;
    }

    /** The microseconds of a timestamp of the usual shape, or {@code Long.MIN_VALUE} for any other. */
    static long usualShape(String t) {
        int length = t.length();
        if (length < DATE_TIME_LENGTH || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T'
                || t.charAt(13) != ':' || t.charAt(16) != ':') {
            return Long.MIN_VALUE;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 2);
        int day = digits(t, 8, 2);
        int hour = digits(t, 11, 2);
        int minute = digits(t, 14, 2);
        int second = digits(t, 17, 2);
        if (year < 1 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59) {
            return Long.MIN_VALUE;
        }
        int at = DATE_TIME_LENGTH;
        long fraction = 0;
        if (at < length && t.charAt(at) == '.') {
            int first = ++at;
            while (at < length && isAsciiDigit(t.charAt(at)) && at - first < 9) {
                fraction = at - first < 6 ? fraction * 10 + (t.charAt(at) - '0') : fraction;
                at++;
            }
            if (at == first) {
                return Long.MIN_VALUE;
            }
            for (int scale = Math.min(at - first, 6); scale < 6; scale++) {
                fraction *= 10;
            }
        }
        int offsetSeconds = offsetSeconds(t, at);
        if (offsetSeconds == Integer.MIN_VALUE) {
            return Long.MIN_VALUE;
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            throw new DateTimeParseException("not a date of the calendar", t, 0);
        }
        long seconds = epochDay * 86_400 + hour * 3600L + minute * 60L + second - offsetSeconds;
        long micros = seconds * MICROS_PER_SECOND + fraction;
        if (!EpochMicros.inRange(micros)) {
            throw new DateTimeParseException("outside the years 1 to 9999", t, 0);
        }
        return micros;
    }

    /** Only 0 to 9: {@code Character.isDigit} also takes other scripts' digits, which {@code java.time} refuses. */
    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Seconds east of UTC for an absent offset, {@code Z} or {@code ±HH:MM}; {@code Integer.MIN_VALUE} else. */
    private static int offsetSeconds(String t, int at) {
        int rest = t.length() - at;
        if (rest == 0 || rest == 1 && t.charAt(at) == 'Z') {
            return 0;
        }
        char sign = t.charAt(at);
        if (rest != 6 || (sign != '+' && sign != '-') || t.charAt(at + 3) != ':') {
            return Integer.MIN_VALUE;
        }
        int hours = digits(t, at + 1, 2);
        int minutes = digits(t, at + 4, 2);
        int seconds = hours * 3600 + minutes * 60;
        if (hours < 0 || minutes < 0 || minutes > 59 || seconds > MAX_OFFSET_SECONDS) {
            return Integer.MIN_VALUE;
        }
        return sign == '+' ? seconds : -seconds;
    }

    /** The number written by {@code count} decimal digits at {@code from}, or -1 if any is not a digit. */
    private static int digits(String t, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = t.charAt(i);
            if (!isAsciiDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
