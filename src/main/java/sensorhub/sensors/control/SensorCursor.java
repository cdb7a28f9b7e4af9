package sensorhub.sensors.control;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where the next page of the sensor list starts: after this activation date (microseconds) and id, in the
 * list's order (newest first, then by id). Opaque to clients, so its form may change.
 */
public record SensorCursor(long activationMicros, String id) {

    public String encode() {
        String plain = activationMicros + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException if the text is not a cursor this class made */
    public static SensorCursor decode(String text) {
        String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
        int colon = plain.indexOf(':');
        if (colon < 1) {
            throw new IllegalArgumentException("not a sensor cursor");
        }
        return new SensorCursor(Long.parseLong(plain.substring(0, colon)), plain.substring(colon + 1));
    }
}
