package sensorhub.time.control;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Converts between instants and the microseconds since the epoch the tables store. A {@code BIGINT} is exact
 * on H2, MySQL and MariaDB alike, where {@code DATETIME(6)} depends on the driver and on time zone settings.
 */
public final class EpochMicros {

    private EpochMicros() {
    }

    public static long of(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    public static Instant toInstant(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }
}
