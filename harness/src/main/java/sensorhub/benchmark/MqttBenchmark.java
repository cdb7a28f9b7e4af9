package sensorhub.benchmark;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3Client;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import sensorhub.reliability.PrivateMosquitto;

/**
 * MQTT ingest beside REST and beside the broker's own ceiling, in one run: 4 clients send the same number of
 * readings each way, and a way's time runs from the first message until the last reading is stored (counted by
 * the database from the blocks) or, for the ceiling, until a subscriber that stores nothing has received every
 * message. The ways: REST (JSON batches of 1,000), MQTT with 1,000 readings per message, MQTT with a reading per
 * message, and the ceiling (the same one-reading messages through the same broker to a bare subscriber). Each way is
 * warmed up first with a round's worth (untimed), then timed {@code mqttbench.rounds} times; the median round
 * counts. The service's CPU
 * seconds per million readings come from /proc. Prints the table and writes {@code target/mqtt-benchmark.md}.
 *
 * <p>MariaDB as the readings benchmark uses it (127.0.0.1:3306, root, a database made afresh); a private Mosquitto
 * on 28884 configured as docs/mqtt.md says; the service on {@code benchmark.port} (28080). Run by
 * {@code ./mvnw -f harness/pom.xml -Pmqtt-benchmark verify}.
 */
public final class MqttBenchmark {

    private static final int CLIENTS = 4;
    private static final int BATCH = 1000;
    /** QoS 1 messages a publisher keeps unacknowledged: enough to keep the broker busy, as a gateway would. */
    private static final int WINDOW = 1000;

    private final int readings = Integer.getInteger("mqttbench.readings", 200_000);
    private final int rounds = Integer.getInteger("mqttbench.rounds", 3);
    private final int brokerPort = Integer.getInteger("mqttbench.brokerPort", 28884);
    private final BenchmarkSettings settings = BenchmarkSettings.fromSystemProperties();
    private final String adminKey = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
    /** HTTP/1.1 as ServiceClient speaks it: the default's h2c upgrade offer on every request is not what clients send. */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Path project;
    private BenchmarkDatabase database;
    private PrivateMosquitto broker;
    private PayaraServer server;
    private long nextMicros = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli() * 1000;
    private int sensorsMade;

    private record Round(double seconds, double cpuSeconds, long readings) {
        double rate() {
            return readings / seconds;
        }

        double cpuPerMillion() {
            return cpuSeconds / readings * 1e6;
        }
    }

    private interface Way {
        /** Sends {@code perClient} readings from each of 4 clients to its own sensor; returns when all are in. */
        void send(List<String> sensors, int perClient) throws Exception;
    }

    private MqttBenchmark(Path project) {
        this.project = project;
    }

    public static void main(String[] args) throws Exception {
        Path project = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        MqttBenchmark benchmark = new MqttBenchmark(project);
        try {
            benchmark.run();
        } finally {
            benchmark.stop();
        }
    }

    private void run() throws Exception {
        database = BenchmarkDatabase.recreate(settings);
        broker = PrivateMosquitto.start(project.resolve("target/mqtt-benchmark/broker"), brokerPort);
        server = PayaraServer.start(project, new PayaraServer.Launch(project.resolve("target/mqtt-benchmark/payara"),
                settings.port(), Arrays.asList(settings.serverJvmOptions().trim().split("\\s+")),
                List.of("--postbootcommandfile", project.resolve("server-config/payara/mysql.asadmin").toString()),
                Map.of("SENSORS_ADMIN_KEY", adminKey, "SENSORS_DB_URL", database.url(),
                        "SENSORS_DB_USER", database.user(), "SENSORS_DB_PASSWORD", database.password(),
                        "SENSORS_MQTT_URL", broker.url(), "SENSORS_MQTT_CLIENT_ID", "mqtt-benchmark")));

        List<String> names = List.of("REST, JSON batches of 1,000", "MQTT, 1,000 readings a message",
                "MQTT, a reading a message", "broker ceiling, a reading a message");
        List<Way> ways = List.of(this::rest, (s, n) -> mqtt(s, n, BATCH), (s, n) -> mqtt(s, n, 1), this::ceiling);
        List<List<Round>> results = new ArrayList<>();
        for (Way way : ways) {
            // untimed: a round's worth, so that no way is timed while its code is still being compiled (with a
            // quarter round, REST came first and cold, at a third of its warm rate)
            timed(way, readings);
            List<Round> timed = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                timed.add(timed(way, readings));
            }
            results.add(timed);
        }
        report(names, results);
    }

    private Round timed(Way way, int total) throws Exception {
        List<String> sensors = registerSensors();
        double cpu = ProcessCpu.seconds(server.pid());
        long start = System.nanoTime();
        way.send(sensors, total / CLIENTS);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Round(seconds, ProcessCpu.seconds(server.pid()) - cpu, (long) (total / CLIENTS) * CLIENTS);
    }

    private List<String> registerSensors() throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            ids.add("mqtt-bench-" + sensorsMade++);
        }
        String json = ids.stream().map(id -> "{\"id\":\"" + id + "\",\"name\":\"n\",\"type\":\"t\",\"unit\":\"u\"}")
                .collect(Collectors.joining(",", "[", "]"));
        HttpResponse<String> answer = http.send(request("api/sensors").POST(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 201) {
            throw new IllegalStateException("Registering sensors: " + answer.statusCode() + " " + answer.body());
        }
        return ids;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(server.base().resolve(path)).header("X-API-KEY", adminKey)
                .timeout(Duration.ofMinutes(2));
    }

    /** The next {@code count} readings of one sensor, a millisecond apart, as JSON objects. */
    private synchronized List<String> readings(String sensorId, int count, boolean withId) {
        Random random = new Random(nextMicros);
        List<String> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            nextMicros += 1000;
            items.add("{" + (withId ? "\"sensor_id\":\"" + sensorId + "\"," : "") + "\"creation_date\":\""
                    + Instant.ofEpochSecond(0, nextMicros * 1000) + "\",\"value\":"
                    + Math.round(random.nextGaussian() * 2000) / 100.0 + "}");
        }
        return items;
    }

    private List<byte[]> payloads(String sensorId, int perClient, int perMessage, boolean withId) {
        List<String> items = readings(sensorId, perClient, withId);
        List<byte[]> messages = new ArrayList<>();
        for (int i = 0; i < items.size(); i += perMessage) {
            List<String> part = items.subList(i, Math.min(items.size(), i + perMessage));
            String text = perMessage == 1 && !withId ? part.get(0) : "[" + String.join(",", part) + "]";
            messages.add(text.getBytes(StandardCharsets.UTF_8));
        }
        return messages;
    }

    private void rest(List<String> sensors, int perClient) throws Exception {
        List<List<byte[]>> bodies = new ArrayList<>();
        for (String sensor : sensors) {
            bodies.add(payloads(sensor, perClient, BATCH, true));
        }
        parallel(client -> {
            for (byte[] body : bodies.get(client)) {
                HttpResponse<String> answer = http.send(request("api/sensor_values")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() != 201) {
                    throw new IllegalStateException("POST: " + answer.statusCode() + " " + answer.body());
                }
            }
        });
    }

    private void mqtt(List<String> sensors, int perClient, int perMessage) throws Exception {
        List<List<byte[]>> messages = new ArrayList<>();
        for (String sensor : sensors) {
            messages.add(payloads(sensor, perClient, perMessage, false));
        }
        publish(sensors.stream().map(s -> "sensors/" + s + "/readings").toList(), messages);
        awaitStored(sensors, (long) perClient * sensors.size());
    }

    private void ceiling(List<String> sensors, int perClient) throws Exception {
        List<List<byte[]>> messages = new ArrayList<>();
        for (String sensor : sensors) {
            messages.add(payloads(sensor, perClient, 1, false));
        }
        long expected = (long) perClient * sensors.size();
        AtomicLong received = new AtomicLong();
        CompletableFuture<Void> all = new CompletableFuture<>();
        Mqtt3AsyncClient subscriber = Mqtt3Client.builder().identifier("mqtt-bench-ceiling-" + sensorsMade)
                .serverHost("127.0.0.1").serverPort(brokerPort).buildAsync();
        subscriber.connect().join();
        subscriber.subscribeWith().topicFilter("ceiling/+/readings").qos(MqttQos.AT_LEAST_ONCE).callback(message -> {
            if (received.incrementAndGet() == expected) {
                all.complete(null);
            }
        }).send().join();
        try {
            publish(sensors.stream().map(s -> "ceiling/" + s + "/readings").toList(), messages);
            all.get(10, TimeUnit.MINUTES);
        } finally {
            subscriber.disconnect().join();
        }
    }

    /** Each client publishes its messages at QoS 1 with up to {@link #WINDOW} unacknowledged. */
    private void publish(List<String> topics, List<List<byte[]>> messages) throws Exception {
        parallel(client -> {
            Mqtt3AsyncClient device = Mqtt3Client.builder().identifier("mqtt-bench-device-" + client + "-"
                    + sensorsMade).serverHost("127.0.0.1").serverPort(brokerPort).buildAsync();
            device.connect().join();
            Semaphore window = new Semaphore(WINDOW);
            try {
                for (byte[] payload : messages.get(client)) {
                    window.acquire();
                    device.publishWith().topic(topics.get(client)).qos(MqttQos.AT_LEAST_ONCE).payload(payload).send()
                            .whenComplete((ack, failure) -> window.release());
                }
                window.acquire(WINDOW);
            } finally {
                device.disconnect().join();
            }
        });
    }

    private void awaitStored(List<String> sensors, long expected) throws Exception {
        Collection<Long> keys = database.sensorKeys(sensors).values();
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (database.countReadings(keys) < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Not all readings stored: " + database.countReadings(keys) + " of "
                        + expected);
            }
            Thread.sleep(20);
        }
    }

    private interface ClientWork {
        void run(int client) throws Exception;
    }

    private static void parallel(ClientWork work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<Object>> done = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                done.add(pool.submit(() -> {
                    work.run(client);
                    return null;
                }));
            }
            for (Future<Object> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void report(List<String> names, List<List<Round>> results) throws IOException, SQLException {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "MQTT benchmark %s: %d cores, JDK %s; %s "
                        + "on MariaDB %s; private Mosquitto (docs/mqtt.md's settings); %d clients, %,d readings a "
                        + "round, median of %d rounds after a warm-up.%n%n",
                ZonedDateTime.now().withNano(0), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.runtime.version"), server.version(), database.version(), CLIENTS, readings,
                rounds));
        table.append("| way | readings/s (rounds) | service CPU s per million readings |\n| --- | --- | --- |\n");
        List<Double> medians = new ArrayList<>();
        for (int w = 0; w < names.size(); w++) {
            List<Round> timed = new ArrayList<>(results.get(w));
            timed.sort((a, b) -> Double.compare(a.rate(), b.rate()));
            Round median = timed.get(timed.size() / 2);
            medians.add(median.rate());
            table.append(String.format(Locale.ROOT, "| %s | %,.0f (%s) | %.2f |%n", names.get(w), median.rate(),
                    timed.stream().map(r -> String.format(Locale.ROOT, "%,.0f", r.rate()))
                            .collect(Collectors.joining(", ")),
                    w == 3 ? 0.0 : median.cpuPerMillion()));
        }
        table.append(String.format(Locale.ROOT, "%nMQTT with 1,000 readings a message / REST: **%.2f**; MQTT with a "
                        + "reading a message / the broker's ceiling: **%.2f**.%n",
                medians.get(1) / medians.get(0), medians.get(2) / medians.get(3)));
        System.out.println();
        System.out.println(table);
        Files.createDirectories(project.resolve("target"));
        Files.writeString(project.resolve("target/mqtt-benchmark.md"), table);
    }

    private void stop() {
        if (server != null) {
            server.close();
        }
        if (broker != null) {
            broker.close();
        }
    }
}
