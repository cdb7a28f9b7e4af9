package sensorhub.web.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sensorhub.time.control.EpochMicros;

class CursorTest {

    @ParameterizedTest
    @ValueSource(strings = {"kitchen-1", "a:b:c", ":", "Küche/温度 🌡"})
    void decodesACursorWithAnIdAsItEncodedIt(String id) {
        Cursor cursor = new Cursor(1_767_323_045_000_001L, id);

        assertEquals(cursor, Cursor.decode(cursor.encode()));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1_767_323_045_000_001L, -1, -86_400_000_000L, EpochMicros.EARLIEST, EpochMicros.LATEST})
    void decodesACursorOfATimeAloneAsItEncodedIt(long micros) {
        Cursor cursor = Cursor.after(micros);

        assertEquals(cursor, Cursor.decode(cursor.encode()));
    }

    @Test
    void encodesIntoTextSafeInAUrl() {
        assertTrue(new Cursor(42, "a/b?c=d&e+f").encode().matches("[A-Za-z0-9_-]+"));
        assertTrue(Cursor.after(Long.MIN_VALUE).encode().matches("[A-Za-z0-9_-]+"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"!!!", "a b", "a"})
    void rejectsTextThatIsNotBase64(String text) {
        assertThrows(IllegalArgumentException.class, () -> Cursor.decode(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "no-colon", ":sensor", "yesterday:sensor", "-9223372036854775808:",
        "-9223372036854775808:s", "9223372036854775807:s", "+1:s", "01:s", "1:", "not-a-number", "1.5",
        "9223372036854775807", "-9223372036854775808", "253402300800000000", "+5", "007", "-0"})
    void rejectsBase64OfSomethingElse(String plain) {
        String text = Base64.getUrlEncoder().encodeToString(plain.getBytes(StandardCharsets.UTF_8));

        assertThrows(IllegalArgumentException.class, () -> Cursor.decode(text));
    }
}
