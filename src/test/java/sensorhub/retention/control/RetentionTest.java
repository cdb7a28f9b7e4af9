package sensorhub.retention.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import sensorhub.time.control.EpochMicros;

class RetentionTest {

    private static final long NOW = EpochMicros.of(Instant.parse("2026-12-04T15:30:00Z"));

    @Test
    void refusesReadingsOlderThanNowMinusTheRetention() {
        assertEquals(EpochMicros.of(Instant.parse("2026-09-05T15:30:00Z")), Retention.parse("P90D").cutoff(NOW));
        assertEquals(EpochMicros.of(Instant.parse("2026-12-03T03:30:00Z")), Retention.parse("PT36H").cutoff(NOW));
    }

    @Test
    void sweepsToTheUtcMidnightADayBeforeTheCutoffsDay() {
        // cutoff 2026-12-01T15:30Z: every zone's day touching what is removed ends before it
        assertEquals(EpochMicros.of(Instant.parse("2026-11-30T00:00:00Z")), Retention.parse("P3D").sweptBefore(NOW));
    }

    @Test
    void takesTheSensorsOwnRetentionElseTheDefault() {
        assertEquals(Optional.of(Retention.parse("P7D")), Retention.of("P7D", Optional.of("P90D")));
        assertEquals(Optional.of(Retention.parse("P90D")), Retention.of(null, Optional.of("P90D")));
        assertEquals(Optional.empty(), Retention.of(null, Optional.empty()));
    }

    @Test
    void acceptsDurationsOfDaysToSecondsOnly() {
        Pattern pattern = Pattern.compile(Retention.PATTERN);
        for (String good : List.of("P90D", "PT36H", "P1DT12H", "PT90M", "PT3600S", "P999999D")) {
            assertTrue(pattern.matcher(good).matches(), good);
            Retention.parse(good);
        }
        for (String bad : List.of("P1Y", "P1M", "P", "PT", "P1.5D", "-P1D", "P1W", "90", "P1000000D")) {
            assertFalse(pattern.matcher(bad).matches(), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> Retention.parse("P1Y"));
    }

    @Test
    void keepsUtcAndTheListedZonesOnce() {
        List<ZoneId> zones = Expiry.keptZones(Optional.of(" Europe/Berlin,UTC,, Z"));

        assertEquals(List.of(ZoneId.of("Z"), ZoneId.of("Europe/Berlin")), zones);
        assertTrue(Expiry.kept(zones, ZoneId.of("UTC")));
        assertFalse(Expiry.kept(zones, ZoneId.of("America/New_York")));
    }
}
