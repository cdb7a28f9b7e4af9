package sensorhub.sensors.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SensorCursorTest {

    @ParameterizedTest
    @ValueSource(strings = {"kitchen-1", "a:b:c", ":", "Küche/温度 🌡"})
    void decodesWhatItEncodes(String id) {
        SensorCursor cursor = new SensorCursor(1_767_323_045_000_001L, id);

        assertEquals(cursor, SensorCursor.decode(cursor.encode()));
    }

    @Test
    void decodesActivationDatesBefore1970() {
        SensorCursor cursor = new SensorCursor(-86_400_000_000L, "old");

        assertEquals(cursor, SensorCursor.decode(cursor.encode()));
    }

    @Test
    void encodesIntoTextSafeInAUrl() {
        String encoded = new SensorCursor(42, "a/b?c=d&e+f").encode();

        assertTrue(encoded.matches("[A-Za-z0-9_-]+"), encoded);
    }

    @ParameterizedTest
    @ValueSource(strings = {"!!!", "a b", "a"})
    void rejectsTextThatIsNotBase64(String text) {
        assertThrows(IllegalArgumentException.class, () -> SensorCursor.decode(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "no-colon", ":sensor", "yesterday:sensor", "-9223372036854775808:", "-9223372036854775808:s",
        "9223372036854775807:s", "+1:s", "01:s", "1:"})
    void rejectsBase64OfSomethingElse(String plain) {
        String text = Base64.getUrlEncoder().encodeToString(plain.getBytes(StandardCharsets.UTF_8));

        assertThrows(IllegalArgumentException.class, () -> SensorCursor.decode(text));
    }
}
