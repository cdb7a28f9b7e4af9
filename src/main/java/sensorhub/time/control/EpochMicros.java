package sensorhub.time.control;

import java.time.Instant;

/**
 * Converts between instants and the microseconds since the epoch the tables store. A {@code BIGINT} is exact
 * on H2, MySQL and MariaDB alike, where {@code DATETIME(6)} depends on the driver and on time zone settings.
 */
public final class EpochMicros {

    private static final long MICROS_PER_SECOND = 1_000_000L;
    /** The first and last microsecond of the years 1 to 9999 (UTC), the instants this service keeps. */
    public static final long EARLIEST = -62_135_596_800_000_000L;
    public static final long LATEST = 253_402_300_799_999_999L;

    private EpochMicros() {
    }

    public static long of(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), MICROS_PER_SECOND),
                instant.getNano() / 1000);
    }

    /** Whether the microseconds lie in the years 1 to 9999, as every stored instant does. */
    public static boolean inRange(long micros) {
        return micros >= EARLIEST && micros <= LATEST;
    }

    public static Instant toInstant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, MICROS_PER_SECOND),
                Math.floorMod(micros, MICROS_PER_SECOND) * 1000);
    }
}
