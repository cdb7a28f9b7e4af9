package sensorhub.meters.control;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The service's meters, each named here once, for every class that measures, CDI bean or not. They go to a
 * composite registry of this deployment: this class is loaded from the WAR, so two deployments in one JVM, or a
 * redeployment, never share it (Micrometer's {@code Metrics.globalRegistry} would be shared wherever a server
 * lends its own Micrometer). While no registry is {@link #add added} (before the application has started, in
 * unit tests) nothing is recorded or registered. Each meter costs a lookup or less per request or batch, never
 * per reading.
 */
public final class Meters {

    /** The route of a request that no resource method took: an unknown path, or one admission turned away. */
    public static final String UNMATCHED = "unmatched";

    private static final CompositeMeterRegistry REGISTRY = new CompositeMeterRegistry();
    private static final String PREFIX = "sensorhub.";

    /**
     * Latency buckets of requests, in milliseconds: a dozen around the README's targets (5 ms server time for a
     * repeated day, 100 ms for series, 2 s during an outage). Micrometer's percentile histogram would publish 61
     * buckets between 1 ms and 10 s, for each route and status.
     */
    private static final Duration[] REQUEST_BUCKETS = millis(2.5, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000,
            10_000);
    /** Key checks: 0.1 ms (the configured key) to a stored key's database round trip under load. */
    private static final Duration[] KEY_CHECK_BUCKETS = millis(0.1, 0.25, 0.5, 1, 2.5, 5, 10, 25, 100, 1000);
    /** Waits for a pooled connection: free at once (microseconds) up to the pool's 2 s wait. */
    private static final Duration[] CONNECTION_BUCKETS = millis(0.05, 0.1, 0.25, 0.5, 1, 5, 25, 100, 500, 1000,
            2000);

    /** Whether a reading of a batch was new, or stored already with the same value. */
    public enum Ingested { INSERTED, UNCHANGED }

    /** Where a day's statistics came from: a kept row, or the readings just now. */
    public enum StatisticsSource { KEPT, COMPUTED }

    /** Why admission turned a request away: too many waiting already, or no turn within the longest wait. */
    public enum AdmissionRefusal { QUEUE_FULL, WAIT_TIMEOUT }

    /**
     * What became of an MQTT message: stored, refused for good (its problem published to the error topic), dropped
     * (QoS 0 with no room to wait), or set aside for a failing database to be tried again.
     */
    public enum MqttOutcome { STORED, REFUSED, DROPPED, DEFERRED }

    /** How a key check ended: the key found, not found (401), or the lookup failed (the database, say). */
    public enum KeyCheck { KNOWN, UNKNOWN, FAILED }

    private Meters() {
    }

    /**
     * Starts recording into {@code registry}, and registers every meter whose labels are known beforehand at 0,
     * so that each series exists from the start.
     */
    public static void add(MeterRegistry registry, Enum<?>[] conflictKinds, Enum<?>[] rejections) {
        REGISTRY.add(registry);
        connectionWaitTimer();
        for (KeyCheck outcome : KeyCheck.values()) {
            keyCheckTimer(outcome);
        }
        for (Ingested outcome : Ingested.values()) {
            ingestedCounter(outcome);
        }
        for (Enum<?> reason : rejections) {
            rejectedCounter(reason);
        }
        for (StatisticsSource source : StatisticsSource.values()) {
            statisticsCounter(source);
        }
        for (AdmissionRefusal reason : AdmissionRefusal.values()) {
            refusedCounter(reason);
        }
        for (MqttOutcome outcome : MqttOutcome.values()) {
            mqttCounter(outcome);
        }
        for (Enum<?> kind : conflictKinds) {
            retriedCounter(kind);
        }
    }

    public static void remove(MeterRegistry registry) {
        REGISTRY.remove(registry);
        if (REGISTRY.getRegistries().isEmpty()) {
            REGISTRY.clear();
        }
    }

    /**
     * An HTTP request's answer: {@code route} is the JAX-RS path template ({@code /api/sensors/{id}}) or
     * {@link #UNMATCHED}, never the path as sent, so that the series stay few.
     */
    public static void request(String method, String route, int status, long nanos) {
        if (recording()) {
            Timer.builder(PREFIX + "http.requests")
                    .description("API requests by method, route template and status")
                    .tags("method", method, "route", route, "status", Integer.toString(status))
                    .serviceLevelObjectives(REQUEST_BUCKETS)
                    .register(REGISTRY)
                    .record(nanos, TimeUnit.NANOSECONDS);
        }
    }

    /** A stored batch's readings: new ones, and ones stored already with the same value. */
    public static void ingested(int inserted, int unchanged) {
        if (recording()) {
            ingestedCounter(Ingested.INSERTED).increment(inserted);
            ingestedCounter(Ingested.UNCHANGED).increment(unchanged);
        }
    }

    /** A readings batch refused as a whole, by the reason the client is told (400, 409, 422, 413). */
    public static void batchRejected(Enum<?> reason) {
        if (recording()) {
            rejectedCounter(reason).increment();
        }
    }

    /** Days of statistics answered from one source. */
    public static void statistics(StatisticsSource source, int days) {
        if (recording()) {
            statisticsCounter(source).increment(days);
        }
    }

    public static void mqttMessage(MqttOutcome outcome) {
        if (recording()) {
            mqttCounter(outcome).increment();
        }
    }

    public static void admissionRefused(AdmissionRefusal reason) {
        if (recording()) {
            refusedCounter(reason).increment();
        }
    }

    /** A transaction about to be tried again, by the kind of its transient failure. */
    public static void retried(Enum<?> conflictKind) {
        if (recording()) {
            retriedCounter(conflictKind).increment();
        }
    }

    /** A check of an API key against the configured and the stored ones. */
    public static void keyCheck(KeyCheck outcome, long nanos) {
        if (recording()) {
            keyCheckTimer(outcome).record(nanos, TimeUnit.NANOSECONDS);
        }
    }

    /** The time it took to obtain a JDBC connection. */
    public static void connectionWait(long nanos) {
        if (recording()) {
            connectionWaitTimer().record(nanos, TimeUnit.NANOSECONDS);
        }
    }

    private static boolean recording() {
        return !REGISTRY.getRegistries().isEmpty();
    }

    private static Timer keyCheckTimer(KeyCheck outcome) {
        return Timer.builder(PREFIX + "auth.key.check")
                .description("Time to look an API key up")
                .tag("outcome", label(outcome))
                .serviceLevelObjectives(KEY_CHECK_BUCKETS)
                .register(REGISTRY);
    }

    private static Timer connectionWaitTimer() {
        return Timer.builder(PREFIX + "db.connection.wait")
                .description("Time to obtain a JDBC connection from the server's pool")
                .serviceLevelObjectives(CONNECTION_BUCKETS)
                .register(REGISTRY);
    }

    private static Counter ingestedCounter(Ingested outcome) {
        return counter("readings.ingested", "Readings of stored batches: new, or stored already with the same value",
                "outcome", outcome);
    }

    private static Counter rejectedCounter(Enum<?> reason) {
        return counter("readings.batches.rejected", "Readings batches refused whole, nothing stored", "reason",
                reason);
    }

    private static Counter mqttCounter(MqttOutcome outcome) {
        return counter("mqtt.messages", "MQTT messages by what became of them", "outcome", outcome);
    }

    private static Counter statisticsCounter(StatisticsSource source) {
        return counter("statistics.days", "Days of daily statistics answered, from kept rows or computed", "source",
                source);
    }

    private static Counter refusedCounter(AdmissionRefusal reason) {
        return counter("admission.refused", "API requests admission answered 503 Service busy", "reason", reason);
    }

    private static Counter retriedCounter(Enum<?> kind) {
        return counter("db.conflicts.retried", "Transactions tried again after a transient database failure",
                "kind", kind);
    }

    private static Counter counter(String name, String description, String tag, Enum<?> label) {
        return Counter.builder(PREFIX + name).description(description).tag(tag, label(label)).register(REGISTRY);
    }

    private static String label(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static Duration[] millis(double... values) {
        Duration[] durations = new Duration[values.length];
        for (int i = 0; i < values.length; i++) {
            durations[i] = Duration.ofNanos(Math.round(values[i] * 1_000_000));
        }
        return durations;
    }
}
