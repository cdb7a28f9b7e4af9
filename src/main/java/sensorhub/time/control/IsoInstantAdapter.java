package sensorhub.time.control;

import jakarta.json.bind.adapter.JsonbAdapter;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.util.regex.Pattern;

/**
 * Reads ISO-8601 timestamps with or without an offset (none means UTC, as the original service did) and
 * writes them with {@code Z}. Precision beyond the microsecond, which no table keeps, is cut off on reading.
 */
public class IsoInstantAdapter implements JsonbAdapter<Instant, String> {

    private static final Instant EARLIEST = EpochMicros.toInstant(EpochMicros.EARLIEST);
    private static final Instant LATEST = EpochMicros.toInstant(EpochMicros.LATEST);
    /** A decimal point without a digit after it, which {@code java.time} lets pass ({@code 09:30:00.Z}). */
    private static final Pattern EMPTY_FRACTION = Pattern.compile("\\.(?![0-9])");

    @Override
    public String adaptToJson(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    @Override
    public Instant adaptFromJson(String text) {
        return parse(text);
    }

    /** @throws DateTimeParseException for text that is not ISO-8601 or lies outside the years 1 to 9999 */
    public static Instant parse(String text) {
        if (EMPTY_FRACTION.matcher(text).find()) {
            throw new DateTimeParseException("a decimal point without digits", text, 0);
        }
        TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parse(text.trim());
        Instant instant = parsed.isSupported(ChronoField.OFFSET_SECONDS)
                ? Instant.from(parsed)
                : LocalDateTime.from(parsed).toInstant(ZoneOffset.UTC);
        Instant micros = instant.truncatedTo(ChronoUnit.MICROS);
        if (micros.isBefore(EARLIEST) || micros.isAfter(LATEST)) {
            throw new DateTimeParseException("outside the years 1 to 9999", text, 0);
        }
        return micros;
    }
}
