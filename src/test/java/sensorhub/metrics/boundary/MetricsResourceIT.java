package sensorhub.metrics.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sensorhub.testing.Fixtures.reading;
import static sensorhub.testing.Fixtures.readings;
import static sensorhub.testing.Fixtures.sensor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import sensorhub.testing.Api.Answer;
import sensorhub.testing.BlackBoxTest;
import sensorhub.testing.Deployments;
import sensorhub.testing.Fixtures;

/** {@code GET /api/metrics}: admin only, Prometheus text, and meters that move with what the service does. */
class MetricsResourceIT extends BlackBoxTest {

    private static final String REQUESTS = "sensorhub_http_requests_seconds_count";

    @Test
    void refusesARequestWithoutAKeyAnd403sAKeyWithoutAdmin() {
        Answer anonymous = api.as(null).get("metrics");
        Answer reader = api.as(key("read")).get("metrics");

        assertEquals(401, anonymous.status(), anonymous.body());
        assertEquals("ApiKey", anonymous.header("WWW-Authenticate"));
        assertEquals(403, reader.status(), reader.body());
    }

    @Test
    void servesPrometheusTextToAnAdminKey() {
        Answer answer = api.get("metrics");

        assertEquals(200, answer.status(), answer.body());
        assertTrue(answer.contentType().startsWith("text/plain"), answer.contentType());
        assertTrue(answer.contentType().replace(" ", "").contains("version=0.0.4"), answer.contentType());
        Scrape scrape = Scrape.of(answer.body());
        assertTrue(scrape.has("jvm_memory_used_bytes"), "JVM memory");
        assertTrue(scrape.has("process_uptime_seconds"), "uptime");
    }

    @Test
    void servesOpenMetricsWhenTheScraperAsksForIt() {
        Answer answer = api.get("metrics", "application/openmetrics-text; version=1.0.0");

        assertEquals(200, answer.status(), answer.body());
        assertTrue(answer.contentType().startsWith("application/openmetrics-text"), answer.contentType());
        assertTrue(answer.body().endsWith("# EOF\n"), "OpenMetrics ends with # EOF");
    }

    @Test
    void countsTheReadingsOfAStoredBatch() {
        String sensor = sensor(api, "C");
        String batch = Fixtures.series(sensor, Instant.parse("2026-03-01T00:00:00Z"),
                Instant.parse("2026-03-01T00:25:00Z"), 60);
        double before = scrape().value("sensorhub_readings_ingested_total", "outcome", "inserted");

        Answer stored = api.post("sensor_values", batch);

        assertEquals(201, stored.status(), stored.body());
        assertEquals(25, scrape().value("sensorhub_readings_ingested_total", "outcome", "inserted") - before);
    }

    @Test
    void countsAConflictingBatchUnderItsRouteTemplateAndStatus() {
        String sensor = sensor(api, "C");
        assertEquals(201, api.post("sensor_values", readings(reading(sensor, "2026-03-02T00:00:00Z", 1))).status());
        Scrape before = scrape();

        Answer conflict = api.post("sensor_values", readings(reading(sensor, "2026-03-02T00:00:00Z", 2)));

        assertEquals(409, conflict.status(), conflict.body());
        Scrape after = scrape();
        String[] route = {"method", "POST", "route", "/api/sensor_values", "status", "409"};
        assertEquals(1, after.value(REQUESTS, route) - before.value(REQUESTS, route));
        assertEquals(1, after.value("sensorhub_readings_batches_rejected_total", "reason", "conflict")
                - before.value("sensorhub_readings_batches_rejected_total", "reason", "conflict"));
    }

    @Test
    void labelsARequestWithItsRouteTemplateNeverItsSensorId() {
        String sensor = sensor(api, "C");
        String unknown = Deployments.unique("no-such-sensor");
        String[] found = {"method", "GET", "route", "/api/sensors/{id}", "status", "200"};
        String[] notFound = {"method", "GET", "route", "/api/sensors/{id}", "status", "404"};
        Scrape before = scrape();

        assertEquals(200, api.get("sensors/" + sensor).status());
        assertEquals(404, api.get("sensors/" + unknown).status());

        Answer answer = api.get("metrics");
        Scrape after = Scrape.of(answer.body());
        assertEquals(1, after.value(REQUESTS, found) - before.value(REQUESTS, found));
        assertEquals(1, after.value(REQUESTS, notFound) - before.value(REQUESTS, notFound));
        assertFalse(answer.body().contains(sensor), "a sensor id in the meters");
        assertFalse(answer.body().contains(unknown), "a requested id in the meters");
    }

    @Test
    void countsRequestsTheKeyCheckRefusedAndOnesNoRouteTook() {
        String[] refused = {"method", "GET", "route", "/api/sensors", "status", "401"};
        String[] unmatched = {"route", "unmatched", "status", "404"};
        Scrape before = scrape();

        assertEquals(401, api.as(null).get("sensors").status());
        assertEquals(404, api.get("no_such_route/" + Deployments.unique("x")).status());

        Scrape after = scrape();
        assertEquals(1, after.value(REQUESTS, refused) - before.value(REQUESTS, refused));
        assertEquals(1, after.value(REQUESTS, unmatched) - before.value(REQUESTS, unmatched));
    }

    @Test
    void hasACounterOfRetriedConflictsForEachKindFromTheStart() {
        Scrape scrape = scrape();

        for (String kind : List.of("deadlock", "lock_wait", "concurrent_write", "other")) {
            assertTrue(scrape.has("sensorhub_db_conflicts_retried_total", "kind", kind), kind);
        }
        assertTrue(scrape.has("sensorhub_db_connection_wait_seconds_count"), "connection waits");
        assertTrue(scrape.has("sensorhub_auth_key_check_seconds_count", "outcome", "known"), "key checks");
    }

    private Scrape scrape() {
        Answer answer = api.get("metrics");
        assertEquals(200, answer.status(), answer.body());
        return Scrape.of(answer.body());
    }

    private String key(String permission) {
        Answer created = api.post("api_keys", "{\"name\":\"%s\",\"permissions\":[\"%s\"]}"
                .formatted(Deployments.unique("metrics-" + permission), permission));
        assertEquals(201, created.status(), created.body());
        return created.object().getString("key");
    }

    /** The samples of a Prometheus text answer: name, labels and value of each line that is not a comment. */
    record Scrape(List<Sample> samples) {

        private static final Pattern LINE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)");
        private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

        record Sample(String name, Map<String, String> labels, double value) {
        }

        static Scrape of(String text) {
            List<Sample> samples = new ArrayList<>();
            for (String line : text.split("\n")) {
                Matcher sample = LINE.matcher(line);
                if (line.startsWith("#") || !sample.matches()) {
                    continue;
                }
                Map<String, String> labels = new HashMap<>();
                Matcher label = LABEL.matcher(sample.group(2) == null ? "" : sample.group(2));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
                samples.add(new Sample(sample.group(1), labels, Double.parseDouble(sample.group(3))));
            }
            return new Scrape(samples);
        }

        /** The sum over the samples of that name having these labels ({@code name, value, ...}); 0 if none. */
        double value(String name, String... labels) {
            return matching(name, labels).stream().mapToDouble(Sample::value).sum();
        }

        boolean has(String name, String... labels) {
            return !matching(name, labels).isEmpty();
        }

        private List<Sample> matching(String name, String... labels) {
            return samples.stream().filter(s -> s.name().equals(name)).filter(s -> {
                for (int i = 0; i < labels.length; i += 2) {
                    if (!labels[i + 1].equals(s.labels().get(labels[i]))) {
                        return false;
                    }
                }
                return true;
            }).toList();
        }
    }
}
