package sensorhub.sensors.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import sensorhub.testing.ParserContract;

/**
 * Fuzzes the decoding of the sensor list's {@code after} cursor: it ends, refuses only with
 * IllegalArgumentException, a decoded cursor encodes to one that decodes the same, and any cursor built from
 * the input's first eight bytes (the time) and the rest (the id) survives encode and decode.
 */
class SensorCursorFuzzTest {

    @FuzzTest(maxDuration = ParserContract.FUZZ_TIME)
    void decode(byte[] input) throws Exception {
        String text = new String(input, StandardCharsets.UTF_8);
        ParserContract.outcome(() -> SensorCursor.decode(text), IllegalArgumentException.class)
                .ifPresent(cursor -> assertEquals(cursor, SensorCursor.decode(cursor.encode()), text));
        if (input.length >= Long.BYTES) {
            var cursor = new SensorCursor(ByteBuffer.wrap(input).getLong(),
                    new String(Arrays.copyOfRange(input, Long.BYTES, input.length), StandardCharsets.UTF_8));
            assertEquals(cursor, ParserContract.outcome(() -> SensorCursor.decode(cursor.encode())).orElseThrow());
        }
    }
}
