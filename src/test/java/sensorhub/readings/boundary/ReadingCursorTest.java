package sensorhub.readings.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import sensorhub.time.control.EpochMicros;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReadingCursorTest {

    @ParameterizedTest
    @ValueSource(longs = {0, 1_767_323_045_000_001L, -1, EpochMicros.EARLIEST, EpochMicros.LATEST})
    void decodesWhatItEncodes(long micros) {
        ReadingCursor cursor = new ReadingCursor(micros);

        assertEquals(cursor, ReadingCursor.decode(cursor.encode()));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, Long.MIN_VALUE})
    void encodesIntoTextSafeInAUrl(long micros) {
        String encoded = new ReadingCursor(micros).encode();

        assertTrue(encoded.matches("[A-Za-z0-9_-]+"), encoded);
    }

    @ParameterizedTest
    @ValueSource(strings = {"!!!", "a b", "a"})
    void rejectsTextThatIsNotBase64(String text) {
        assertThrows(IllegalArgumentException.class, () -> ReadingCursor.decode(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not-a-number", "123:sensor", "1.5", "9223372036854775807", "-9223372036854775808",
        "253402300800000000", "+5", "007", "-0"})
    void rejectsBase64OfSomethingElse(String plain) {
        String text = Base64.getUrlEncoder().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));

        assertThrows(IllegalArgumentException.class, () -> ReadingCursor.decode(text));
    }
}
