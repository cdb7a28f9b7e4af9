package sensorhub.readings.boundary;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where the next page of a sensor's readings starts: after this time. A reading inserted meanwhile lands
 * before or after it, never shifting the pages the way an offset would.
 */
public record ReadingCursor(long micros) {

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                Long.toString(micros).getBytes(StandardCharsets.US_ASCII));
    }

    /** @throws IllegalArgumentException if the text is not a cursor this class made */
    public static ReadingCursor decode(String text) {
        return new ReadingCursor(Long.parseLong(
                new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII)));
    }
}
