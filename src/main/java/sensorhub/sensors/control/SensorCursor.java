package sensorhub.sensors.control;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import sensorhub.time.control.EpochMicros;

/**
 * Where the next page of the sensor list starts: after this activation date (microseconds) and id, in the
 * list's order (newest first, then by id). Opaque to clients, so its form may change. A cursor is taken only in
 * the exact form this class writes (no sign, no leading zeros, a time in the years 1 to 9999), so a forged one
 * is refused instead of overflowing a comparison.
 */
public record SensorCursor(long activationMicros, String id) {

    /** The longest cursor this class makes: 20 digits, a colon and 90 characters of up to 4 bytes, in base64. */
    private static final int MAX_ID_LENGTH = 90;
    private static final int MAX_LENGTH = 4 * (21 + 4 * MAX_ID_LENGTH) / 3 + 4;

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain().getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException if the text is not a cursor this class made */
    public static SensorCursor decode(String text) {
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("too long for a sensor cursor");
        }
        String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
        int colon = plain.indexOf(':');
        if (colon < 1) {
            throw new IllegalArgumentException("not a sensor cursor");
        }
        long micros = Long.parseLong(plain.substring(0, colon));
        String id = plain.substring(colon + 1);
        if (!EpochMicros.inRange(micros) || id.isEmpty() || id.length() > MAX_ID_LENGTH
                || !plain.equals(new SensorCursor(micros, id).plain())) {
            throw new IllegalArgumentException("not a sensor cursor");
        }
        return new SensorCursor(micros, id);
    }

    private String plain() {
        return activationMicros + ":" + id;
    }
}
