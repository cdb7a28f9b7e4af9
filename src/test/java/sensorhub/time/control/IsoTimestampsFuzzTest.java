package sensorhub.time.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalLong;
import sensorhub.testing.ParserContract;

/**
 * Fuzzes the hand-written timestamp parser: it ends, throws only DateTimeParseException, and agrees with
 * {@link IsoReference}.
 */
class IsoTimestampsFuzzTest {

    @FuzzTest(maxDuration = ParserContract.FUZZ_TIME)
    void micros(byte[] input) throws Exception {
        String text = new String(input, StandardCharsets.UTF_8);
        Optional<Long> fast = ParserContract.outcome(() -> IsoTimestamps.micros(text), DateTimeParseException.class);
        OptionalLong reference = IsoReference.micros(text);
        assertEquals(reference, fast.map(OptionalLong::of).orElse(OptionalLong.empty()), text);
    }
}
