package sensorhub.time.control;

import java.time.Instant;

/**
 * Converts between instants and the microseconds since the epoch the tables store. A {@code BIGINT} is exact
 * on H2, MySQL and MariaDB alike, where {@code DATETIME(6)} depends on the driver and on time zone settings.
 */
public final class EpochMicros {

    private static final long MICROS_PER_SECOND = 1_000_000L;

    private EpochMicros() {
    }

    public static long of(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), MICROS_PER_SECOND),
                instant.getNano() / 1000);
    }

    public static Instant toInstant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, MICROS_PER_SECOND),
                Math.floorMod(micros, MICROS_PER_SECOND) * 1000);
    }
}
