package sensorhub.web.boundary;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import sensorhub.time.control.EpochMicros;

/**
 * Where the next page of a list starts, after the last item of this one by the list's key: a time (epoch
 * microseconds) and, for lists ordered by time and then id (sensors, latest values), that id; readings have
 * no id. Opaque to clients ({@code after=} of the {@code Link: rel="next"} target), so its form may change. A
 * cursor is taken only in the exact form this class writes (no sign, no leading zeros, a time in the years 1 to
 * 9999), so a forged one is refused instead of overflowing a comparison.
 */
public record Cursor(long micros, String id) {

    private static final int MAX_ID_LENGTH = 90;
    /** The longest cursor this class makes: 20 digits, a colon and 90 characters of up to 4 bytes, in base64. */
    private static final int MAX_LENGTH = 4 * (21 + 4 * MAX_ID_LENGTH) / 3 + 4;

    /** After the reading at this time. */
    public static Cursor after(long micros) {
        return new Cursor(micros, "");
    }

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain().getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException if the text is not a cursor this class made */
    public static Cursor decode(String text) {
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("too long for a cursor");
        }
        String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
        int colon = plain.indexOf(':');
        Cursor cursor = new Cursor(Long.parseLong(colon < 0 ? plain : plain.substring(0, colon)),
                colon < 0 ? "" : plain.substring(colon + 1));
        if (!EpochMicros.inRange(cursor.micros) || colon >= 0 && cursor.id.isEmpty()
                || cursor.id.length() > MAX_ID_LENGTH || !plain.equals(cursor.plain())) {
            throw new IllegalArgumentException("not a cursor");
        }
        return cursor;
    }

    private String plain() {
        return id.isEmpty() ? Long.toString(micros) : micros + ":" + id;
    }
}
