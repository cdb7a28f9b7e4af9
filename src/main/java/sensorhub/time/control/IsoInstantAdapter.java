package sensorhub.time.control;

import jakarta.json.bind.adapter.JsonbAdapter;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;

/**
 * Reads ISO-8601 timestamps with or without an offset (none means UTC, as the original service did) and
 * writes them with {@code Z}. Precision beyond the microsecond, which no table keeps, is cut off on reading.
 */
public class IsoInstantAdapter implements JsonbAdapter<Instant, String> {

    @Override
    public String adaptToJson(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    @Override
    public Instant adaptFromJson(String text) {
        return parse(text);
    }

    public static Instant parse(String text) {
        TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parse(text.trim());
        Instant instant = parsed.isSupported(java.time.temporal.ChronoField.OFFSET_SECONDS)
                ? Instant.from(parsed)
                : LocalDateTime.from(parsed).toInstant(ZoneOffset.UTC);
        return instant.truncatedTo(ChronoUnit.MICROS);
    }
}
