package sensorhub.retention.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sensorhub.testing.Fixtures.reading;
import static sensorhub.testing.Fixtures.readings;
import static sensorhub.testing.Fixtures.sensor;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import sensorhub.testing.Api.Answer;
import sensorhub.testing.BlackBoxTest;

/**
 * Retention as a client sees it, with the suite's sweep every second (pom.xml) and Berlin's daily statistics
 * kept besides UTC's: readings aged past a sensor's retention are removed, what they summarise answers as before,
 * what needs them is 410, and older readings are refused.
 */
class RetentionIT extends BlackBoxTest {

    /** The sweep runs every second, but a lease a redeployment's predecessor did not let go lasts a minute. */
    private static final Duration SWEEP_WAIT = Duration.ofSeconds(150);

    @Test
    void removesAgedReadingsUnderIngestKeepingTheirDailyStatisticsAndHourlySeries() throws InterruptedException {
        String sensor = sensor(api, "C");
        Instant first = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(10));
        List<String> hourly = new ArrayList<>();
        for (int hour = 0; hour < 9 * 24; hour++) {
            hourly.add(reading(sensor, first.plus(Duration.ofHours(hour)).plusSeconds(90).toString(),
                    hour * 7 % 23 - 5.5));
        }
        assertEquals(201, api.post("sensor_values", readings(hourly.toArray(String[]::new))).status());
        LocalDate day = LocalDate.ofInstant(first, ZoneOffset.UTC).plusDays(1);
        String utcDay = "daily_aggregations/" + sensor + "/" + day;
        String berlinDay = utcDay + "?zone=Europe/Berlin";
        String range = "from=" + first + "&to=" + first.plus(Duration.ofDays(2));
        String hours = "sensors/" + sensor + "/series?" + range + "&bucket=PT1H";
        String days = "sensors/" + sensor + "/series?" + range + "&bucket=P1D&zone=Europe/Berlin";
        List<String> before = List.of(api.get(utcDay).body(), api.get(berlinDay).body(), api.get(hours).body(),
                api.get(days).body());

        Answer patched = api.patch("sensors/" + sensor, "{\"retention\":\"P3D\"}");
        assertEquals(200, patched.status(), patched.body());
        assertEquals("P3D", patched.object().getString("retention"));
        Instant recent = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(2));
        AtomicInteger stored = new AtomicInteger();
        AtomicBoolean swept = new AtomicBoolean();
        CompletableFuture<Void> ingest = CompletableFuture.runAsync(() -> {
            // ingest goes on while the sweep removes: a batch of ten readings a second apart, as long as it runs
            for (int batch = 0; !swept.get() && batch < 500; batch++) {
                List<String> items = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    items.add(reading(sensor, recent.plusSeconds(10L * batch + i).toString(), batch));
                }
                Answer answer = api.post("sensor_values", readings(items.toArray(String[]::new)));
                assertEquals(201, answer.status(), answer.body());
                stored.addAndGet(10);
            }
        });
        Instant oldest = awaitSweptPast(sensor, first.plus(Duration.ofDays(3)));
        swept.set(true);
        ingest.join();
        Answer ingested = api.get("sensors/" + sensor + "/values?from=" + recent + "&to=" + Instant.now()
                + "&limit=10000");
        assertEquals(stored.get(), ingested.array().size(), "every reading stored during the sweep is there");

        assertEquals(before, List.of(api.get(utcDay).body(), api.get(berlinDay).body(), api.get(hours).body(),
                api.get(days).body()));
        assertTrue(oldest.isAfter(first.plus(Duration.ofDays(3))), oldest.toString());
        for (String needsReadings : List.of(utcDay + "?zone=America/New_York", "sensors/" + sensor + "/values?"
                + range, "sensors/" + sensor + "/statistics?" + range, "sensor_values/" + sensor + "/" + day,
                "sensors/" + sensor + "/series?" + range + "&bucket=PT1M",
                hours + "&percentiles=50")) {
            Answer gone = api.get(needsReadings);
            assertEquals(410, gone.status(), needsReadings + ": " + gone.body());
            assertTrue(gone.body().contains("retention removed"), gone.body());
        }
    }

    @Test
    void refusesReadingsOlderThanTheRetentionAndTellsTheStorage() {
        String sensor = sensor(api, "C");
        assertEquals(200, api.patch("sensors/" + sensor, "{\"retention\":\"PT36H\"}").status());
        Instant now = Instant.now();

        Answer old = api.post("sensor_values", readings(reading(sensor, now.minus(Duration.ofHours(1)).toString(), 1),
                reading(sensor, now.minus(Duration.ofHours(37)).toString(), 2)));
        Answer recent = api.post("sensor_values", readings(reading(sensor, now.minus(Duration.ofHours(1))
                .toString(), 1)));
        Answer storage = api.get("sensors/" + sensor + "/storage");

        assertEquals(422, old.status(), old.body());
        assertEquals("[1].creation_date", old.object().getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals(201, recent.status(), recent.body());
        assertEquals(200, storage.status(), storage.body());
        assertEquals(1, storage.object().getInt("readings"));
        assertEquals("PT36H", storage.object().getString("retention"));
        Instant expires = Instant.parse(storage.object().getString("expires_before"));
        assertTrue(Duration.between(expires, now.minus(Duration.ofHours(36))).abs().getSeconds() < 60,
                expires.toString());
    }

    @Test
    void refusesARetentionThatIsNotADuration() {
        String sensor = sensor(api, "C");

        for (String bad : List.of("\"90 days\"", "\"P1Y\"", "\"P\"", "\"PT\"", "90")) {
            Answer refused = api.patch("sensors/" + sensor, "{\"retention\":" + bad + "}");

            assertEquals(400, refused.status(), bad + ": " + refused.body());
        }
        Answer forever = api.patch("sensors/" + sensor, "{\"retention\":null}");
        assertEquals(200, forever.status(), forever.body());
        assertTrue(forever.object().isNull("retention"));
    }

    /** Waits for the sweep to remove the sensor's readings before {@code past}; the oldest reading left. */
    private Instant awaitSweptPast(String sensor, Instant past) throws InterruptedException {
        long deadline = System.nanoTime() + SWEEP_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Answer storage = api.get("sensors/" + sensor + "/storage");
            assertEquals(200, storage.status(), storage.body());
            Instant oldest = Instant.parse(storage.object().getString("oldest"));
            if (oldest.isAfter(past)) {
                return oldest;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("The sweep did not remove the readings before " + past + " within " + SWEEP_WAIT);
    }
}
