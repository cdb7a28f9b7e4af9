package sensorhub.readings.boundary;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import sensorhub.time.control.EpochMicros;

/**
 * Where the next page of a sensor's readings starts: after this time. A reading inserted meanwhile lands
 * before or after it, never shifting the pages the way an offset would. Only a time in the years 1 to 9999, in
 * the form this class writes, is taken: a forged {@code Long.MAX_VALUE} would overflow the next page's start.
 */
public record ReadingCursor(long micros) {

    /** A long takes at most 20 characters, 28 in base64. */
    private static final int MAX_LENGTH = 28;

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                Long.toString(micros).getBytes(StandardCharsets.US_ASCII));
    }

    /** @throws IllegalArgumentException if the text is not a cursor this class made */
    public static ReadingCursor decode(String text) {
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("too long for a reading cursor");
        }
        String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII);
        long micros = Long.parseLong(plain);
        if (!EpochMicros.inRange(micros) || !plain.equals(Long.toString(micros))) {
            throw new IllegalArgumentException("not a reading cursor");
        }
        return new ReadingCursor(micros);
    }
}
