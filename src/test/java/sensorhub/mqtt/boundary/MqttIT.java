package sensorhub.mqtt.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3Client;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sensorhub.testing.Api;
import sensorhub.testing.BlackBoxTest;
import sensorhub.testing.Fixtures;
import sensorhub.testing.Prerequisites;
import sensorhub.testing.PrivateBroker;

/**
 * Readings published to the tests' own Mosquitto ({@link sensorhub.testing.BrokerForTheRun}), which the service
 * under test subscribes to: every payload form stored as REST stores it, every refusal on the error topic with
 * nothing written and the subscription alive afterwards.
 */
class MqttIT extends BlackBoxTest {

    static final Duration PATIENCE = Duration.ofSeconds(90);
    static final String START = "2026-03-01T00:00:00Z";

    private Mqtt3BlockingClient device;
    private final BlockingQueue<JsonObject> refusals = new LinkedBlockingQueue<>();

    @BeforeEach
    void connectAsADevice() throws InterruptedException {
        String broker = System.getProperty("it.mqtt.url", "");
        Prerequisites.need(PrivateBroker.unavailable().map(why -> "MQTT's tests need a broker: " + why)
                .or(() -> broker.isBlank() ? Optional.of("MQTT's tests need a broker: none for this run (it.mqtt.url)")
                        : Optional.empty()));
        URI url = URI.create(broker);
        device = Mqtt3Client.builder().identifier("it-device-" + UUID.randomUUID()).serverHost(url.getHost())
                .serverPort(url.getPort()).buildBlocking();
        device.connect();
        device.toAsync().subscribeWith().topicFilter("sensors/errors").qos(MqttQos.AT_LEAST_ONCE)
                .callback(message -> refusals.add(Json.createReader(new StringReader(
                        new String(message.getPayloadAsBytes(), StandardCharsets.UTF_8))).readObject()))
                .send().join();
        awaitSubscribed();
    }

    @AfterEach
    void disconnect() {
        if (device != null) {
            device.disconnect();
        }
    }

    /** Until the service's health names its broker connection as connected: it reconnects with a backoff. */
    private void awaitSubscribed() throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            String health = api.as(null).follow(api.health("ready")).body();
            if (health.contains("\"broker\":\"connected\"")) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the service never connected to the tests' broker");
    }

    private void publish(String topic, String payload, MqttQos qos) {
        device.publishWith().topic(topic).qos(qos).payload(payload.getBytes(StandardCharsets.UTF_8)).send();
    }

    private void publish(String topic, String payload) {
        publish(topic, payload, MqttQos.AT_LEAST_ONCE);
    }

    /** The sensor's stored readings once there are {@code count}, as {@code creation_date=value} lines. */
    private List<String> awaitReadings(String sensorId, int count) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        List<String> readings = List.of();
        while (System.nanoTime() < deadline) {
            Api.Answer answer = api.get("sensors/" + Api.segment(sensorId)
                    + "/values?from=0001-01-01T00:00:00Z&to=9999-12-31T00:00:00Z&limit=10000");
            assertEquals(200, answer.status(), answer.body());
            readings = answer.array().stream().map(JsonObject.class::cast)
                    .map(r -> r.getString("creation_date") + "=" + r.get("value")).toList();
            if (readings.size() >= count) {
                assertEquals(count, readings.size(), readings.toString());
                return readings;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(sensorId + " has " + readings.size() + " of " + count + " readings: " + readings);
    }

    private JsonObject awaitRefusal(String topic) throws InterruptedException {
        for (JsonObject refusal = refusals.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS); refusal != null;
                refusal = refusals.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
            if (refusal.getString("topic").equals(topic)) {
                return refusal;
            }
        }
        throw new AssertionError("no refusal for " + topic + " on sensors/errors");
    }

    private static String at(int second) {
        return Instant.parse(START).plusSeconds(second).toString();
    }

    @Test
    void storesEveryFormOfASensorsMessageAtQosZeroAndOne() throws Exception {
        String id = Fixtures.sensor(api, "°C");
        String topic = "sensors/" + id + "/readings";
        Instant before = Instant.now();

        publish(topic, "21.5");
        publish(topic, "{\"creation_date\": \"" + at(1) + "\", \"value\": 1.25}");
        publish(topic, "[{\"creation_date\": \"" + at(2) + "\", \"value\": 2}, {\"creation_date\": \"" + at(3)
                + "\", \"value\": 3}]", MqttQos.AT_MOST_ONCE);

        List<String> stored = awaitReadings(id, 4);
        assertEquals(List.of(at(1) + "=1.25", at(2) + "=2.0", at(3) + "=3.0"), stored.subList(0, 3));
        Instant received = Instant.parse(stored.get(3).split("=")[0]);
        assertTrue(!received.isBefore(before.minusSeconds(5)), "a bare number is a reading at its arrival");
        assertEquals("21.5", stored.get(3).split("=")[1]);
    }

    @Test
    void keepsTheSignOfZeroBitForBit() throws Exception {
        String id = Fixtures.sensor(api, "°C");

        publish("sensors/" + id + "/readings", "{\"creation_date\": \"" + at(0) + "\", \"value\": -0.0}");
        publish("sensors/readings", Fixtures.readings(Fixtures.reading(id, at(1), -0.0)));
        awaitReadings(id, 2);

        String stored = api.get("sensors/" + Api.segment(id) + "/values?from=" + START + "&to=9999-12-31T00:00:00Z")
                .body();
        assertEquals(2, stored.split("\"value\":-0\\.0", -1).length - 1, stored);
    }

    @Test
    void storesBatchesOfAnySensorsAsJsonOrCsvWithIdsThatNeedEscaping() throws Exception {
        String plain = Fixtures.sensor(api, "°C");
        String escaped = plain + "+é";
        assertEquals(201, api.post("sensors", "[{\"id\":\"" + escaped + "\",\"name\":\"n\",\"type\":\"t\","
                + "\"unit\":\"°C\"}]").status());

        publish("sensors/readings", Fixtures.readings(Fixtures.reading(plain, at(0), 1),
                Fixtures.reading(escaped, at(0), 2)));
        publish("sensors/readings", "sensor_id,creation_date,value\n\"" + escaped + "\"," + at(1) + ",3\n");
        publish("sensors/" + plain + "%2Bé/readings", "{\"creation_date\": \"" + at(2) + "\", \"value\": 4}");

        assertEquals(List.of(at(0) + "=1.0"), awaitReadings(plain, 1));
        assertEquals(List.of(at(0) + "=2.0", at(1) + "=3.0", at(2) + "=4.0"), awaitReadings(escaped, 3));
    }

    @Test
    void storesAMessageOfTenThousandReadingsWhole() throws Exception {
        String id = Fixtures.sensor(api, "°C");

        publish("sensors/" + id + "/readings", IntStream.range(0, 10_000).mapToObj(i -> "{\"creation_date\": \""
                + at(i) + "\", \"value\": " + i + "}").collect(Collectors.joining(",", "[", "]")));

        assertEquals(10_000, awaitReadings(id, 10_000).size());
    }

    @Test
    void refusesForGoodOnTheErrorTopicWritesNothingAndStaysSubscribed() throws Exception {
        String id = Fixtures.sensor(api, "°C");
        String topic = "sensors/" + id + "/readings";
        publish(topic, "{\"creation_date\": \"" + at(0) + "\", \"value\": 1}");
        awaitReadings(id, 1);

        List<String[]> refused = List.of(
                new String[] {topic, "not json", "400"},
                new String[] {topic, "[".repeat(100) + "]".repeat(100), "400"},
                new String[] {topic, "{\"a\":".repeat(2000) + "1" + "}".repeat(2000), "400"},
                new String[] {topic, "", "400"},
                new String[] {topic, "{\"creation_date\": \"" + at(1) + "\", \"value\": 1, \"value\": 2}", "400"},
                new String[] {topic, "{\"creation_date\": \"yesterday\", \"value\": 1}", "400"},
                new String[] {topic, "{\"creation_date\": \"" + at(1) + "\", \"value\": \"1\"}", "400"},
                new String[] {topic, "{\"creation_date\": \"" + at(0) + "\", \"value\": 2}", "409"},
                new String[] {"sensors/no-such-" + id + "/readings", "1", "422"},
                new String[] {"sensors/%ZZ/readings", "1", "400"},
                new String[] {"sensors/readings", "sensor_id,creation_date\n", "400"},
                new String[] {"sensors/readings", IntStream.range(0, 100_001).mapToObj(i -> Fixtures.reading(id,
                        at(10 + i), i)).collect(Collectors.joining(",", "[", "]")), "413"});
        for (String[] message : refused) {
            publish(message[0], message[1]);
            JsonObject refusal = awaitRefusal(message[0]);
            assertEquals(Integer.parseInt(message[2]), refusal.getInt("status"), refusal.toString());
            assertNotNull(refusal.getString("detail"));
        }
        device.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(new byte[] {'{', (byte) 0xC3, '(', '}'})
                .send();
        assertEquals(400, awaitRefusal(topic).getInt("status"), "a payload that is not UTF-8");
        publish("sensors/" + id + "/extra/readings", "5");
        publish(topic, "{\"creation_date\": \"" + at(2) + "\", \"value\": 3}");

        assertEquals(List.of(at(0) + "=1.0", at(2) + "=3.0"), awaitReadings(id, 2));
    }
}
