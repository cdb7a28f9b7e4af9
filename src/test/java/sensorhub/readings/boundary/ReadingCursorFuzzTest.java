package sensorhub.readings.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import sensorhub.testing.ParserContract;
import sensorhub.time.control.EpochMicros;

/**
 * Fuzzes the decoding of the readings page's {@code after} cursor: it ends, refuses only with
 * IllegalArgumentException, a decoded cursor encodes to one that decodes the same, and a cursor of any time
 * (the input's first eight bytes) survives encode and decode.
 */
class ReadingCursorFuzzTest {

    @FuzzTest(maxDuration = ParserContract.FUZZ_TIME)
    void decode(byte[] input) throws Exception {
        String text = new String(input, StandardCharsets.UTF_8);
        ParserContract.outcome(() -> ReadingCursor.decode(text), IllegalArgumentException.class)
                .ifPresent(cursor -> assertEquals(cursor, ReadingCursor.decode(cursor.encode()), text));
        if (input.length >= Long.BYTES) {
            long micros = ByteBuffer.wrap(input).getLong();
            var cursor = new ReadingCursor(micros);
            // only times in the years 1 to 9999 come back; any other is a forgery
            assertEquals(EpochMicros.inRange(micros) ? Optional.of(cursor) : Optional.empty(),
                    ParserContract.outcome(() -> ReadingCursor.decode(cursor.encode()), IllegalArgumentException.class));
        }
    }
}
