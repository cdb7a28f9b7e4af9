package sensorhub.access.control;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Whether a key's use is worth writing down: {@code last_used_at} is kept to the minute, since a write on every
 * request would cost more than the answer.
 */
public final class UsageThrottle {

    /** How stale {@code last_used_at} may get. */
    public static final Duration RESOLUTION = Duration.ofMinutes(1);

    private final Clock clock;

    public UsageThrottle(Clock clock) {
        this.clock = clock;
    }

    /** @param lastRecorded the use written down last, null if none was */
    public boolean isDue(Instant lastRecorded) {
        return lastRecorded == null || lastRecorded.plus(RESOLUTION).isBefore(clock.instant());
    }
}
