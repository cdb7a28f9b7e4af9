package sensorhub.problems.control;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The log of requests answered 503, kept readable while the database is down: the first failure of each kind is
 * logged with its stack trace, the others are counted and reported as one line per kind per interval
 * ("database unreachable: 1,834 requests answered 503 in the last 10 s"). Logged one by one, a 10 s outage under
 * load wrote about a million lines. A kind that has been quiet for {@link #REARM_AFTER} logs its next first
 * failure with its trace again: another outage, perhaps for another reason.
 */
public final class FailureLog {

    /** How long a kind must stay quiet before its next failure counts as the first of a new outage. */
    public static final Duration REARM_AFTER = Duration.ofMinutes(10);

    private final Logger log;
    private final Clock clock;
    private final Duration interval;
    private final Map<String, Kind> kinds = new LinkedHashMap<>();
    /** When the failures counted and not yet reported began; null when none are. */
    private Instant counting;

    /** What is known of one kind of failure. */
    private static final class Kind {
        long count;
        Instant last;
    }

    public FailureLog(Logger log, Clock clock, Duration interval) {
        this.log = log;
        this.clock = clock;
        this.interval = interval;
    }

    /**
     * Counts one request answered 503 for a failure of the kind, logging it with its trace if it is the first of
     * an outage, then reports the counts if an interval has passed.
     */
    public void answered(String kind, Throwable failure) {
        Instant now = clock.instant();
        boolean first;
        synchronized (this) {
            Kind known = kinds.computeIfAbsent(kind, k -> new Kind());
            first = known.last == null || Duration.between(known.last, now).compareTo(REARM_AFTER) >= 0;
            known.last = now;
            known.count++;
            if (counting == null) {
                counting = now;
            }
        }
        if (first) {
            log.log(Level.WARNING, kind + ": answered 503; the stack trace of this first one follows, all are "
                    + "counted every " + interval.toSeconds() + " s", failure);
        }
        report();
    }

    /**
     * Logs one line per kind with the count of its failures, once an interval has passed since the first of them
     * not yet reported; called with every failure and by a timer, so that an outage's last seconds are reported
     * too.
     */
    public void report() {
        Instant now = clock.instant();
        Map<String, Long> counts = new LinkedHashMap<>();
        long seconds;
        synchronized (this) {
            if (counting == null || Duration.between(counting, now).compareTo(interval) < 0) {
                return;
            }
            seconds = Duration.between(counting, now).toSeconds();
            counting = null;
            kinds.forEach((kind, known) -> {
                if (known.count > 0) {
                    counts.put(kind, known.count);
                    known.count = 0;
                }
            });
        }
        for (Map.Entry<String, Long> count : counts.entrySet()) {
            log.warning(String.format(Locale.ROOT, "%s: %,d %s answered 503 in the last %d s", count.getKey(),
                    count.getValue(), count.getValue() == 1 ? "request" : "requests", seconds));
        }
    }
}
