package sensorhub.influxql.control;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Expected texts are ones InfluxDB 1.6.7~rc0 answered, or Go's strconv and time formats. */
class GoTextTest {

    private static final long T0 = 1_776_672_000_000_000_000L;
    private static final double MEAN = 19.779411764705884;

    private static long nanos(String instant) {
        Instant i = Instant.parse(instant);
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    @Test
    void writesIntegralFloatsWithoutAFraction() {
        assertEquals("21", GoText.number(21));
        assertEquals("15", GoText.number(15.0));
        assertEquals("-1", GoText.number(-1.0));
        assertEquals("358000000000000", GoText.number(358.0 * 1_000_000_000_000L));
    }

    @Test
    void writesFractionsInTheirShortestDecimalForm() {
        assertEquals("21.5", GoText.number(21.5));
        assertEquals("18.5625", GoText.number(18.5625));
        assertEquals("21.416666666666668", GoText.number(128.5 / 6));
        assertEquals("-1.5", GoText.number(-1.5));
    }

    @Test
    void writesPlainDecimalsFromOneMillionthUpToButExcluding1e21() {
        assertEquals("0.000001", GoText.number(1e-6));
        assertEquals("0.000019779411764705884", GoText.number(MEAN / 1_000_000.0));
        assertEquals("19779411.764705885", GoText.number(MEAN * 1_000_000.0));
        assertEquals("100000000000000000000", GoText.number(1e20));
    }

    @Test
    void writesAnExponentWithSignAndNoZeroPaddingOutsideThatRange() {
        assertEquals("1e+21", GoText.number(1e21));
        assertEquals("1.5e-7", GoText.number(1.5e-7));
        assertEquals("-1.5e-7", GoText.number(-1.5e-7));
        assertEquals("1.9779411764705882e+24", GoText.number(MEAN * 100000000000000000000000.0));
        assertEquals("1.9779411764705884e-9", GoText.number(MEAN / 10000000000.0));
    }

    @Test
    void writesZeroAndNegativeZeroAsGoDoes() {
        assertEquals("0", GoText.number(0.0));
        assertEquals("-0", GoText.number(-0.0));
    }

    /** Go writes the shortest digits that read back as the same double (strconv's tests: 1e23 is "1e+23"). */
    @Test
    void writesTheShortestDigitsThatReadBackAsTheSameDouble() {
        assertAll(
                () -> assertEquals("1e+23", GoText.number(1e23)),
                () -> assertEquals("5e-324", GoText.number(Double.MIN_VALUE)),
                () -> assertEquals("282879384806159000", GoText.number(2.82879384806159E17)),
                () -> assertEquals("5.684341886080802e-14", GoText.number(5.684341886080802E-14)));
    }

    @Test
    void writesWholeSecondsInUtcWithoutAFraction() {
        assertEquals("2026-04-20T08:00:00Z", GoText.time(T0, Optional.empty()));
        assertEquals("1970-01-01T00:00:00Z", GoText.time(0, Optional.empty()));
    }

    @Test
    void writesNanosecondsWithTrailingZerosCut() {
        assertEquals("2026-04-20T08:00:00.5Z", GoText.time(T0 + 500_000_000, Optional.empty()));
        assertEquals("1970-01-01T00:00:01.776672Z", GoText.time(1_776_672_000L, Optional.empty()));
        assertEquals("2016-12-06T19:53:17.786882652Z", GoText.time(nanos("2016-12-06T19:53:17.786882652Z"),
                Optional.empty()));
        assertEquals("2026-04-20T08:00:00.000000001Z", GoText.time(T0 + 1, Optional.empty()));
    }

    @Test
    void writesInstantsBeforeTheEpoch() {
        assertEquals("1969-12-31T23:59:59.999999999Z", GoText.time(-1, Optional.empty()));
    }

    @Test
    void writesTheZonesOffsetAtThatInstant() {
        assertEquals("2026-04-20T10:00:00+02:00", GoText.time(T0, Optional.of(ZoneId.of("Europe/Berlin"))));
        assertEquals("2026-01-15T13:00:00+01:00", GoText.time(nanos("2026-01-15T12:00:00Z"),
                Optional.of(ZoneId.of("Europe/Berlin"))));
        assertEquals("2026-04-18T00:00:00-04:00", GoText.time(1_776_484_800_000_000_000L,
                Optional.of(ZoneId.of("America/New_York"))));
        assertEquals("2026-04-20T13:30:00+05:30", GoText.time(T0, Optional.of(ZoneId.of("Asia/Kolkata"))));
    }

    @Test
    void writesFractionsBeforeTheOffset() {
        assertEquals("2026-04-20T04:00:00.25-04:00", GoText.time(T0 + 250_000_000,
                Optional.of(ZoneId.of("America/New_York"))));
    }

    @Test
    void writesZForAZoneWhoseOffsetIsZeroThen() {
        assertEquals("2026-01-15T12:00:00Z", GoText.time(nanos("2026-01-15T12:00:00Z"),
                Optional.of(ZoneId.of("Europe/London"))));
        assertEquals("2026-04-20T09:00:00+01:00", GoText.time(T0, Optional.of(ZoneId.of("Europe/London"))));
    }
}
