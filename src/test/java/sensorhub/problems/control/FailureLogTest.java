package sensorhub.problems.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FailureLogTest {

    private final List<LogRecord> records = new ArrayList<>();
    private final Logger logger = Logger.getAnonymousLogger();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final SteppedClock clock = new SteppedClock(Instant.parse("2026-12-04T10:00:00Z"));
    private final FailureLog log = new FailureLog(logger, clock, Duration.ofSeconds(10));

    @BeforeEach
    void capture() {
        logger.setUseParentHandlers(false);
        logger.addHandler(capture);
    }

    @AfterEach
    void release() {
        logger.removeHandler(capture);
    }

    @Test
    void logsTheFirstFailureOfEachKindWithItsTraceAndCountsTheRestOnceAnInterval() {
        RuntimeException down = new RuntimeException("Connection refused");
        RuntimeException busy = new RuntimeException("no connection came free");
        for (int i = 0; i < 1834; i++) {
            log.answered("database unreachable", down);
            if (i % 100 == 0) {
                log.answered("database connections exhausted", busy);
            }
            clock.step(Duration.ofMillis(5));
        }
        clock.step(Duration.ofMillis(10_000 - 1834 * 5));
        log.answered("database unreachable", down);

        assertEquals(List.of("database unreachable: answered 503; the stack trace of this first one follows, all "
                + "are counted every 10 s", "database connections exhausted: answered 503; the stack trace of this "
                + "first one follows, all are counted every 10 s", "database unreachable: 1,835 requests answered 503 "
                + "in the last 10 s", "database connections exhausted: 19 requests answered 503 in the last 10 s"),
                messages());
        assertSame(down, records.get(0).getThrown());
        assertSame(busy, records.get(1).getThrown());
        assertNull(records.get(2).getThrown());
    }

    @Test
    void reportsTheLastCountsWhenNoFurtherFailureComes() {
        log.answered("database unreachable", new RuntimeException());
        clock.step(Duration.ofSeconds(3));
        log.answered("database unreachable", new RuntimeException());
        log.report();
        clock.step(Duration.ofSeconds(7));
        log.report();
        log.report();

        assertEquals(List.of("database unreachable: 2 requests answered 503 in the last 10 s"),
                messages().subList(1, messages().size()));
    }

    @Test
    void writesNothingAfterTheLastReportWhileNothingFails() {
        log.answered("database failure", new RuntimeException());
        clock.step(Duration.ofSeconds(10));
        log.report();
        clock.step(Duration.ofMinutes(5));
        log.report();

        assertEquals(2, records.size());
    }

    @Test
    void logsTheTraceAgainForTheFirstFailureOfANewOutage() {
        log.answered("database unreachable", new RuntimeException("first outage"));
        clock.step(Duration.ofMinutes(9));
        log.answered("database unreachable", new RuntimeException("same outage, still"));
        clock.step(FailureLog.REARM_AFTER);
        log.answered("database unreachable", new RuntimeException("next outage"));

        assertEquals(List.of("first outage", "next outage"), records.stream().filter(r -> r.getThrown() != null)
                .map(r -> r.getThrown().getMessage()).toList());
    }

    private List<String> messages() {
        return records.stream().map(LogRecord::getMessage).toList();
    }

    /** A clock that stands still until the test moves it on. */
    static final class SteppedClock extends Clock {
        private Instant now;

        SteppedClock(Instant start) {
            now = start;
        }

        void step(Duration duration) {
            now = now.plus(duration);
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
            return this;
        }
    }
}
