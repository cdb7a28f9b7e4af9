package sensorhub.time.boundary;

import jakarta.json.bind.adapter.JsonbAdapter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import sensorhub.time.control.IsoTimestamps;

/**
 * JSON-B's way to the instants of request and response records: read as {@link IsoTimestamps#instant} reads
 * them, written with {@code Z}.
 */
public class IsoInstantAdapter implements JsonbAdapter<Instant, String> {

    @Override
    public String adaptToJson(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    @Override
    public Instant adaptFromJson(String text) {
        return IsoTimestamps.instant(text);
    }
}
