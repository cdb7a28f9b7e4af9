package sensorhub.readings.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import sensorhub.testing.ParserContract;

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
            var cursor = new ReadingCursor(ByteBuffer.wrap(input).getLong());
            assertEquals(cursor, ParserContract.outcome(() -> ReadingCursor.decode(cursor.encode())).orElseThrow());
        }
    }
}
