package sensorhub.web.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import sensorhub.testing.ParserContract;
import sensorhub.time.control.EpochMicros;

/**
 * Fuzzes the decoding of a paged list's {@code after} cursor: it ends, refuses only with IllegalArgumentException,
 * a decoded cursor encodes to one that decodes the same, and any cursor built from the input's first eight bytes
 * (the time) and the rest (the id, none if empty) survives encode and decode.
 */
class CursorFuzzTest {

    @FuzzTest(maxDuration = ParserContract.FUZZ_TIME)
    void decode(byte[] input) throws Exception {
        String text = new String(input, StandardCharsets.UTF_8);
        ParserContract.outcome(() -> Cursor.decode(text), IllegalArgumentException.class)
                .ifPresent(cursor -> assertEquals(cursor, Cursor.decode(cursor.encode()), text));
        if (input.length >= Long.BYTES) {
            long micros = ByteBuffer.wrap(input).getLong();
            String id = new String(Arrays.copyOfRange(input, Long.BYTES, input.length), StandardCharsets.UTF_8);
            var cursor = new Cursor(micros, id);
            Optional<Cursor> decoded = ParserContract.outcome(() -> Cursor.decode(cursor.encode()),
                    IllegalArgumentException.class);
            if (!EpochMicros.inRange(micros)) {
                assertEquals(Optional.empty(), decoded, "a forgery: a time outside the years 1 to 9999");
            } else if (id.length() <= 90) {
                assertEquals(Optional.of(cursor), decoded);
            }
        }
    }
}
