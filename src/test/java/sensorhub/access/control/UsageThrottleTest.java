package sensorhub.access.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class UsageThrottleTest {

    static final Instant RECORDED = Instant.parse("2026-11-28T09:30:00Z");

    /** A clock that stands still until a test moves it on. */
    static final class AdvancingClock extends Clock {
        private Instant now;

        AdvancingClock(Instant start) {
            now = start;
        }

        void advance(Duration step) {
            now = now.plus(step);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void recordsTheFirstUseOfAKey() {
        assertTrue(new UsageThrottle(Clock.fixed(RECORDED, ZoneOffset.UTC)).isDue(null));
    }

    @Test
    void recordsNoUseWithinAMinuteOfTheLastRecordedOne() {
        AdvancingClock clock = new AdvancingClock(RECORDED);
        UsageThrottle throttle = new UsageThrottle(clock);

        assertFalse(throttle.isDue(RECORDED), "the same instant");
        clock.advance(Duration.ofSeconds(59));
        assertFalse(throttle.isDue(RECORDED), "59 s later");
        clock.advance(Duration.ofSeconds(1));
        assertFalse(throttle.isDue(RECORDED), "exactly a minute later");
    }

    @Test
    void recordsAUseOnceMoreThanAMinuteHasPassed() {
        AdvancingClock clock = new AdvancingClock(RECORDED);
        UsageThrottle throttle = new UsageThrottle(clock);

        clock.advance(Duration.ofMinutes(1).plusNanos(1_000));

        assertTrue(throttle.isDue(RECORDED));
    }

    @Test
    void waitsOutAUseRecordedAheadOfThisClock() {
        UsageThrottle throttle = new UsageThrottle(Clock.fixed(RECORDED, ZoneOffset.UTC));

        assertFalse(throttle.isDue(RECORDED.plus(Duration.ofHours(1))),
                "recorded by an instance whose clock runs ahead: kept until this clock is a minute past it");
    }
}
