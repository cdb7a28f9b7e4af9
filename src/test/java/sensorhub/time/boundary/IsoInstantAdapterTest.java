package sensorhub.time.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sensorhub.time.control.IsoTimestamps;

class IsoInstantAdapterTest {

    @Test
    void parsesUtcWithZ() {
        assertEquals(Instant.parse("2026-01-02T03:04:05Z"), IsoTimestamps.instant("2026-01-02T03:04:05Z"));
    }

    @Test
    void convertsAnOffsetToUtc() {
        assertEquals(Instant.parse("2026-01-02T03:04:05Z"), IsoTimestamps.instant("2026-01-02T05:04:05+02:00"));
    }

    @Test
    void takesATimestampWithoutOffsetAsUtc() {
        assertEquals(Instant.parse("2026-01-02T03:04:05Z"), IsoTimestamps.instant("2026-01-02T03:04:05"));
    }

    @Test
    void keepsMicroseconds() {
        assertEquals(Instant.parse("2026-01-02T03:04:05.000001Z"),
                IsoTimestamps.instant("2026-01-02T03:04:05.000001Z"));
    }

    @Test
    void cutsOffDigitsBeyondTheMicrosecond() {
        assertEquals(Instant.parse("2026-01-02T03:04:05.123456Z"),
                IsoTimestamps.instant("2026-01-02T03:04:05.123456789Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "2026-01-02", "2026-01-02 03:04:05Z", "2026-02-30T00:00:00Z",
            "1767323045"})
    void rejectsTextThatIsNotAnIsoTimestamp(String text) {
        assertThrows(DateTimeParseException.class, () -> IsoTimestamps.instant(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0000-12-31T23:59:59Z", "-0001-01-01T00:00:00Z", "+10000-01-01T00:00:00Z",
            "0001-01-01T00:30:00+01:00"})
    void rejectsInstantsOutsideTheYears1To9999(String text) {
        assertThrows(DateTimeParseException.class, () -> IsoTimestamps.instant(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999Z"})
    void acceptsTheFirstAndLastMicrosecondOfTheRange(String text) {
        assertEquals(Instant.parse(text), IsoTimestamps.instant(text));
    }

    @Test
    void writesUtcWithZAndTheMicrosecond() {
        assertEquals("2026-01-02T03:04:05.000001Z",
                new IsoInstantAdapter().adaptToJson(Instant.parse("2026-01-02T03:04:05.000001Z")));
    }

    @Test
    void writesWholeSecondsWithoutFraction() {
        assertEquals("2026-11-28T09:30:00Z",
                new IsoInstantAdapter().adaptToJson(Instant.parse("2026-11-28T09:30:00Z")));
    }

    @Test
    void readsWhatItWrites() {
        IsoInstantAdapter adapter = new IsoInstantAdapter();
        Instant instant = Instant.parse("1999-12-31T23:59:59.999999Z");

        assertEquals(instant, adapter.adaptFromJson(adapter.adaptToJson(instant)));
    }
}
