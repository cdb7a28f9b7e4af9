package sensorhub.time.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoTimestampsTest {

    /** What the general parser makes of a text: its microseconds, or null where it refuses the text. */
    private static Long general(String text) {
        try {
            return EpochMicros.of(IsoTimestamps.instant(text));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Long fast(String text) {
        try {
            return IsoTimestamps.micros(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Test
    void readsTheUsualShapeWithoutFallingBack() {
        assertEquals(1_767_323_045_123_456L, IsoTimestamps.usualShape("2026-01-02T03:04:05.123456Z"));
        assertEquals(1_767_323_045_000_000L, IsoTimestamps.usualShape("2026-01-02T03:04:05"));
        assertEquals(1_767_323_045_500_000L, IsoTimestamps.usualShape("2026-01-02T05:04:05.5+02:00"));
        assertEquals(1_767_323_045_999_999L, IsoTimestamps.usualShape("2026-01-02T03:04:05.999999999Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-01-02T03:04:05.123456Z", "2026-01-02T03:04:05", "2026-01-02T03:04:05-09:30",
        "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999Z", "2024-02-29T12:00:00Z", "1969-12-31T23:59:59.9Z",
        "2026-01-02t03:04:05Z", "2026-01-02T03:04Z", " 2026-01-02T03:04:05Z ", "2026-01-02T03:04:05+02:00:30",
        "2026-01-02T03:04:05.1234567891Z", "2026-02-29T00:00:00Z", "2026-01-02T24:00:00Z", "0000-01-01T00:00:00Z",
        "2026-01-02T03:04:05.Z", "2026-01-02T03:04:05+19:00", "2026-13-02T03:04:05Z", "2026-01-02 03:04:05",
        "+12026-01-02T03:04:05Z", "2026-01-02T03:04:05Europe/Berlin", "2026-01-02T03:04:60Z", "garbage", ""})
    void agreesWithTheGeneralParserOnEveryText(String text) {
        assertEquals(general(text), fast(text), text);
    }

    @Test
    void agreesWithTheGeneralParserOnRandomTimestamps() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            String text = "%04d-%02d-%02dT%02d:%02d:%02d%s%s".formatted(random.nextInt(10_000), random.nextInt(14),
                    random.nextInt(33), random.nextInt(25), random.nextInt(61), random.nextInt(61),
                    random.nextBoolean() ? "" : "." + "123456789".substring(0, 1 + random.nextInt(9)),
                    switch (random.nextInt(4)) {
                        case 0 -> "";
                        case 1 -> "Z";
                        default -> "%s%02d:%02d".formatted(random.nextBoolean() ? "+" : "-", random.nextInt(20),
                                random.nextInt(60));
                    });
            assertEquals(general(text), fast(text), text);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-01-02T03:04:05Z\u0000", "\u00002026-01-02T03:04:05Z", "2026-01-02T03:04:05Z\n",
        "\r\n2026-01-02T03:04:05Z", "2026-01-02T03:04:05Z\u000b", "2026-01-02T03:04:05Z\u001f",
        "2026-01-02T03:04:05\u0000", "2026-01-02T03:04:05Z \u0000"})
    void refusesControlCharactersAroundATimestamp(String text) {
        assertThrows(DateTimeParseException.class, () -> IsoTimestamps.micros(text));
        assertThrows(DateTimeParseException.class, () -> IsoTimestamps.instant(text));
    }

    @Test
    void passesOverSpacesAndTabsAroundATimestamp() {
        assertEquals(1_767_323_045_000_000L, IsoTimestamps.micros(" \t2026-01-02T03:04:05Z\t "));
        assertEquals(1_767_323_045_000_000L, EpochMicros.of(IsoTimestamps.instant("\t2026-01-02T03:04:05 ")));
    }

    @Test
    void takesTheEndOfTheYearsKeptAsABoundOnly() {
        for (String end : List.of("+10000-01-01T00:00:00Z", "+10000-01-01T01:00:00+01:00", "+10000-01-01T00:00:00")) {
            assertEquals(EpochMicros.LATEST + 1, EpochMicros.of(IsoTimestamps.bound(end)), end);
            assertThrows(DateTimeParseException.class, () -> IsoTimestamps.instant(end), end);
            assertThrows(DateTimeParseException.class, () -> IsoTimestamps.micros(end), end);
        }
        assertEquals(EpochMicros.EARLIEST, EpochMicros.of(IsoTimestamps.bound("0001-01-01T00:00:00Z")));
        assertEquals(EpochMicros.LATEST, EpochMicros.of(IsoTimestamps.bound("9999-12-31T23:59:59.999999Z")));
        for (String beyond : List.of("+10000-01-01T00:00:00.000001Z", "0000-12-31T23:59:59.999999Z",
                "10000-01-01T00:00:00Z")) {
            assertThrows(DateTimeParseException.class, () -> IsoTimestamps.bound(beyond), beyond);
        }
    }

    @Test
    void refusesDaysThatTheCalendarLacks() {
        assertThrows(DateTimeParseException.class, () -> IsoTimestamps.micros("2026-02-29T00:00:00Z"));
    }
}
