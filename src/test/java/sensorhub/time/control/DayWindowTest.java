package sensorhub.time.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Expected boundaries are written out as UTC instants, so they do not lean on the code under test. */
class DayWindowTest {

    private static final long MICROS_PER_HOUR = 3_600_000_000L;

    @Test
    void coversTwentyFourHoursOfAUtcDay() {
        DayWindow window = DayWindow.of(LocalDate.of(2026, 11, 28), ZoneOffset.UTC);

        assertEquals(micros("2026-11-28T00:00:00Z"), window.startMicros());
        assertEquals(micros("2026-11-29T00:00:00Z"), window.endMicros());
        assertEquals(24 * MICROS_PER_HOUR, length(window));
    }

    @Test
    void lastsTwentyThreeHoursWhenBerlinSwitchesToSummerTime() {
        DayWindow window = DayWindow.of(LocalDate.of(2026, 3, 29), ZoneId.of("Europe/Berlin"));

        assertEquals(micros("2026-03-28T23:00:00Z"), window.startMicros());
        assertEquals(micros("2026-03-29T22:00:00Z"), window.endMicros());
        assertEquals(23 * MICROS_PER_HOUR, length(window));
    }

    @Test
    void lastsTwentyFiveHoursWhenBerlinSwitchesBackToWinterTime() {
        DayWindow window = DayWindow.of(LocalDate.of(2026, 10, 25), ZoneId.of("Europe/Berlin"));

        assertEquals(micros("2026-10-24T22:00:00Z"), window.startMicros());
        assertEquals(micros("2026-10-25T23:00:00Z"), window.endMicros());
        assertEquals(25 * MICROS_PER_HOUR, length(window));
    }

    @Test
    void lastsTwentyThreeHoursWhenNewYorkSwitchesToSummerTime() {
        DayWindow window = DayWindow.of(LocalDate.of(2026, 3, 8), ZoneId.of("America/New_York"));

        assertEquals(micros("2026-03-08T05:00:00Z"), window.startMicros());
        assertEquals(micros("2026-03-09T04:00:00Z"), window.endMicros());
    }

    @Test
    void lastsTwentyFiveHoursWhenNewYorkSwitchesBackToWinterTime() {
        DayWindow window = DayWindow.of(LocalDate.of(2026, 11, 1), ZoneId.of("America/New_York"));

        assertEquals(micros("2026-11-01T04:00:00Z"), window.startMicros());
        assertEquals(micros("2026-11-02T05:00:00Z"), window.endMicros());
    }

    @Test
    void startsAtOneInTheMorningWhereMidnightWasSkipped() {
        DayWindow window = DayWindow.of(LocalDate.of(2018, 11, 4), ZoneId.of("America/Sao_Paulo"));

        assertEquals(micros("2018-11-04T03:00:00Z"), window.startMicros());
        assertEquals(micros("2018-11-05T02:00:00Z"), window.endMicros());
    }

    @Test
    void nextStartsWhereTheDayEnds() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        DayWindow saturday = DayWindow.of(LocalDate.of(2026, 3, 28), berlin);

        DayWindow sunday = saturday.next();

        assertEquals(DayWindow.of(LocalDate.of(2026, 3, 29), berlin), sunday);
        assertEquals(saturday.endMicros(), sunday.startMicros());
    }

    @Test
    void coversDaysFarFromTheEpoch() {
        DayWindow window = DayWindow.of(LocalDate.of(2300, 1, 1), ZoneOffset.UTC);

        assertEquals(micros("2300-01-01T00:00:00Z"), window.startMicros());
    }

    private static long micros(String instant) {
        Instant parsed = Instant.parse(instant);
        return parsed.getEpochSecond() * 1_000_000L + parsed.getNano() / 1_000;
    }

    private static long length(DayWindow window) {
        return window.endMicros() - window.startMicros();
    }
}
