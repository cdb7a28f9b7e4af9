package sensorhub.time.control;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * What {@link IsoTimestamps#micros} must answer, built on {@code java.time} alone: {@code ISO_DATE_TIME}, no
 * offset meaning UTC, cut to the microsecond, only the years 1 to 9999 in UTC. It also refuses what
 * {@code java.time} lets through but the contract does not: a {@code .} without fraction digits. Spaces and tabs
 * around it are passed over, as for every timestamp the service reads; no other character is.
 */
final class IsoReference {

    private static final Pattern DOT_WITHOUT_DIGIT = Pattern.compile("\\.(?![0-9])");
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    private IsoReference() {
    }

    /** The microseconds since the epoch of the text, or empty where the contract refuses it. */
    static OptionalLong micros(String text) {
        String trimmed = text.replaceAll("^[ \t]+|[ \t]+$", "");
        if (DOT_WITHOUT_DIGIT.matcher(trimmed).find()) {
            return OptionalLong.empty();
        }
        try {
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parse(trimmed);
            Instant instant = parsed.isSupported(ChronoField.OFFSET_SECONDS)
                    ? Instant.from(parsed)
                    : LocalDateTime.from(parsed).toInstant(ZoneOffset.UTC);
            Instant micros = instant.truncatedTo(ChronoUnit.MICROS);
            if (micros.isBefore(EARLIEST) || micros.isAfter(LATEST)) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(micros.getEpochSecond() * 1_000_000L + micros.getNano() / 1000);
        } catch (DateTimeException e) {
            return OptionalLong.empty();
        }
    }

    /** What the fast parser answers, in the same terms; any exception but the documented one escapes. */
    static OptionalLong fast(String text) {
        try {
            return OptionalLong.of(IsoTimestamps.micros(text));
        } catch (DateTimeParseException e) {
            return OptionalLong.empty();
        }
    }
}
