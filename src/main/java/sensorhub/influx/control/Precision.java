package sensorhub.influx.control;

import java.util.Locale;
import java.util.Optional;

/**
 * The unit of a body's timestamps ({@code precision=}), nanoseconds unless named. Readings keep microseconds, so
 * finer digits are cut off (towards the past, so that order is kept); a time beyond what a reading may have is the
 * line's refusal, not this class's.
 */
public enum Precision {
    NANOSECONDS(1, 1000), MICROSECONDS(1, 1), MILLISECONDS(1000, 1), SECONDS(1_000_000, 1),
    MINUTES(60_000_000, 1), HOURS(3_600_000_000L, 1);

    private final long microsPerUnit;
    private final long unitsPerMicro;

    Precision(long microsPerUnit, long unitsPerMicro) {
        this.microsPerUnit = microsPerUnit;
        this.unitsPerMicro = unitsPerMicro;
    }

    /** InfluxDB 1.x's names ({@code /write}): n, ns, u, µ, us, ms, s, m, h; none means nanoseconds. */
    public static Optional<Precision> ofV1(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of(NANOSECONDS);
        }
        return Optional.ofNullable(switch (name) {
            case "n", "ns" -> NANOSECONDS;
            case "u", "µ", "us" -> MICROSECONDS;
            case "ms" -> MILLISECONDS;
            case "s" -> SECONDS;
            case "m" -> MINUTES;
            case "h" -> HOURS;
            default -> null;
        });
    }

    /** InfluxDB 2.x's names ({@code /api/v2/write}): ns, us, ms, s; none means nanoseconds. */
    public static Optional<Precision> ofV2(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of(NANOSECONDS);
        }
        return Optional.ofNullable(switch (name.toLowerCase(Locale.ROOT)) {
            case "ns" -> NANOSECONDS;
            case "us" -> MICROSECONDS;
            case "ms" -> MILLISECONDS;
            case "s" -> SECONDS;
            default -> null;
        });
    }

    /** The timestamp in microseconds; {@link Long#MIN_VALUE} where it does not fit in a long. */
    public long toMicros(long timestamp) {
        if (unitsPerMicro > 1) {
            return Math.floorDiv(timestamp, unitsPerMicro);
        }
        long high = Math.multiplyHigh(timestamp, microsPerUnit);
        long micros = timestamp * microsPerUnit;
        return (high == 0 && micros >= 0) || (high == -1 && micros < 0) ? micros : Long.MIN_VALUE;
    }

    /** The instant {@code micros} as a timestamp in this unit, cut off towards the past. */
    public long fromMicros(long micros) {
        return unitsPerMicro > 1 ? micros * unitsPerMicro : Math.floorDiv(micros, microsPerUnit);
    }
}
