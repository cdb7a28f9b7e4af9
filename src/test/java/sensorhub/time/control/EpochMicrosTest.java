package sensorhub.time.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EpochMicrosTest {

    @Test
    void makesTheEpochZero() {
        assertEquals(0, EpochMicros.of(Instant.EPOCH));
        assertEquals(Instant.EPOCH, EpochMicros.toInstant(0));
    }

    @Test
    void countsMicrosecondsSinceTheEpoch() {
        assertEquals(1_767_323_045_000_001L, EpochMicros.of(Instant.parse("2026-01-02T03:04:05.000001Z")));
    }

    @Test
    void countsBackwardsBefore1970() {
        assertEquals(-1, EpochMicros.of(Instant.parse("1969-12-31T23:59:59.999999Z")));
        assertEquals(Instant.parse("1969-12-31T23:59:59.999999Z"), EpochMicros.toInstant(-1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-01-02T03:04:05.123456Z", "1900-06-30T12:00:00.000001Z", "1970-01-01T00:00:00Z"})
    void roundTrips(String text) {
        Instant instant = Instant.parse(text);

        assertEquals(instant, EpochMicros.toInstant(EpochMicros.of(instant)));
    }

    @Test
    void coversTheYears1To9999() {
        assertEquals(253_402_300_799_999_999L, EpochMicros.of(Instant.parse("9999-12-31T23:59:59.999999Z")));
        assertEquals(-62_135_596_800_000_000L, EpochMicros.of(Instant.parse("0001-01-01T00:00:00Z")));
    }
}
