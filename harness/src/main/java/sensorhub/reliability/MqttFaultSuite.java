package sensorhub.reliability;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3Client;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import sensorhub.benchmark.PayaraServer;
import sensorhub.reliability.ApiTraffic.Answer;
import sensorhub.reliability.StoredReadings.Verdict;

/**
 * The MQTT door under faults: a private MariaDB and Mosquitto, two instances of the service sharing the
 * subscription, and publishers sending readings at QoS 1 (a reading per message to {@code sensors/{id}/readings},
 * and batches to {@code sensors/readings}) while, in turn, one instance is killed (SIGKILL) and started again
 * under the same client id, the broker is restarted, and the database is killed and restarted. A reading counts as
 * acknowledged when the broker answered its PUBACK; when the broker is gone it is in doubt. After the faults, every
 * acknowledged reading must be stored exactly once with its value bit for bit, and nothing else; both instances
 * must have stored messages. Prints the table, writes {@code target/mqtt-faults.md}, fails the build on any
 * failed criterion.
 *
 * <p>Run by {@code ./mvnw -f harness/pom.xml -Pmqtt verify} after the WAR is packaged; the only argument is the
 * WAR project's directory. Ports: MariaDB 3417, Mosquitto 28883, the instances 28481 and 28482.
 */
public final class MqttFaultSuite {

    static final LocalDate FIRST_DAY = LocalDate.parse("2026-10-01");
    static final long START_MICROS = FIRST_DAY.atStartOfDay(ZoneOffset.UTC).toEpochSecond() * 1_000_000;
    private static final Pattern STORED = Pattern.compile(
            "sensorhub_mqtt_messages_total\\{[^}]*outcome=\"stored\"[^}]*\\}\\s+([0-9.eE+]+)");

    private final int publishers = Integer.getInteger("mqtt.publishers", 4);
    /**
     * Between a publisher's messages: about 300 messages a second from 4 publishers, which one instance stores as
     * they come; at 2 ms (1,700 a second) the instances fell minutes behind, and the check measured a backlog.
     */
    private final int pauseMillis = Integer.getInteger("mqtt.pauseMillis", 10);
    private final int phaseSeconds = Integer.getInteger("mqtt.phaseSeconds", 8);
    /** Which faults to make, in this order: any of instance, broker, database. */
    private final List<String> faults = List.of(System.getProperty("mqtt.faults", "instance broker database")
            .trim().split("\\s+"));
    /** The instances' SENSORS_MQTT_SHARE_GROUP: empty (the default), each subscribes on its own. */
    private final String shareGroup = System.getProperty("mqtt.shareGroup", "").trim();
    private final int databasePort = Integer.getInteger("mqtt.databasePort", 3417);
    private final int brokerPort = Integer.getInteger("mqtt.brokerPort", 28883);
    private final int[] ports = {Integer.getInteger("mqtt.portA", 28481), Integer.getInteger("mqtt.portB", 28482)};

    private final Path project;
    private final Path work;
    private final Report report;
    private final String adminKey = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
    private final List<String> sensorIds = new ArrayList<>();
    private final List<Publisher> clients = new ArrayList<>();
    private final PayaraServer[] instances = new PayaraServer[2];
    private PrivateMariaDb database;
    private PrivateMosquitto broker;
    private volatile boolean stopped;

    private MqttFaultSuite(Path project, Report report) {
        this.project = project;
        this.work = project.resolve("target/mqtt-faults");
        this.report = report;
        for (int i = 0; i < 2 * publishers; i++) {
            sensorIds.add(String.format("mqtt-fault-%02d", i));
        }
        for (int p = 0; p < publishers; p++) {
            clients.add(new Publisher(p));
        }
    }

    public static void main(String[] args) throws Exception {
        Path project = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Report report = new Report();
        MqttFaultSuite suite = new MqttFaultSuite(project, report);
        report.complete("MQTT faults", project.resolve("target/mqtt-faults.md"), new Report.Check() {
            @Override
            public void run() throws Exception {
                suite.run();
            }

            @Override
            public void stop() {
                suite.stopAll();
            }
        });
    }

    private void run() throws Exception {
        PayaraServer.deleteRecursively(work);
        database = PrivateMariaDb.start(project, databasePort);
        broker = PrivateMosquitto.start(work.resolve("broker"), brokerPort);
        startInstance(0);
        startInstance(1);
        report.setting(String.format(Locale.ROOT, "MQTT fault run %s: %d cores, JDK %s; %s twice (ports %d and %d, "
                        + "client ids mqtt-fault-a and -b, %s); private Mosquitto on %d "
                        + "(docs/mqtt.md's settings); private MariaDB %s on %d. %d publishers at QoS 1, each to its "
                        + "own 2 sensors: a reading per message, every tenth message a batch of 50; a phase of %d s "
                        + "between faults.",
                ZonedDateTime.now().withNano(0), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.runtime.version"), instances[0].version(), ports[0], ports[1],
                shareGroup.isEmpty() ? "each subscribed on its own, so both get every message"
                        : "sharing the subscription of group " + shareGroup, brokerPort,
                database.version(), databasePort, publishers, phaseSeconds));
        registerSensors();

        ExecutorService pool = Executors.newFixedThreadPool(publishers);
        clients.forEach(pool::execute);
        pool.shutdown();
        try {
            pause();
            if (faults.contains("instance")) {
                timed("instance a killed (SIGKILL) under publishing, b going on; a started again", () -> {
                    instances[0].kill();
                    pause();
                    startInstance(0);
                });
                pause();
            }
            if (faults.contains("broker")) {
                timed("broker restarted (SIGTERM, 3 s down)", () -> {
                    broker.stop();
                    Thread.sleep(3000);
                    broker.restart();
                });
                pause();
            }
            if (faults.contains("database")) {
                timed("database killed (SIGKILL), " + phaseSeconds + " s down, restarted", () -> {
                    database.kill();
                    pause();
                    database.restart();
                    database.awaitAccepting(120_000);
                });
                pause();
            }
        } finally {
            stopped = true;
            if (!pool.awaitTermination(60, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        }
        for (Publisher client : clients) {
            if (client.failure != null) {
                throw new IllegalStateException("A publisher failed", client.failure);
            }
        }
        verify();
    }

    private interface Fault {
        void run() throws Exception;
    }

    private void timed(String name, Fault fault) throws Exception {
        long start = System.nanoTime();
        fault.run();
        report.line(name + ": " + Report.seconds(System.nanoTime() - start));
    }

    private void pause() throws InterruptedException {
        Thread.sleep(phaseSeconds * 1000L);
    }

    private void startInstance(int index) throws IOException, InterruptedException {
        String name = index == 0 ? "a" : "b";
        long started = System.nanoTime();
        instances[index] = PayaraServer.start(project, new PayaraServer.Launch(work.resolve("payara-" + name),
                ports[index], List.of("-Xmx512m"),
                List.of("--postbootcommandfile", project.resolve("server-config/payara/mysql.asadmin").toString()),
                Map.of("SENSORS_ADMIN_KEY", adminKey,
                        "SENSORS_DB_URL", database.url(),
                        "SENSORS_DB_USER", database.user(),
                        "SENSORS_DB_PASSWORD", database.password(),
                        "SENSORS_MQTT_URL", broker.url(),
                        "SENSORS_MQTT_CLIENT_ID", "mqtt-fault-" + name,
                        "SENSORS_MQTT_SHARE_GROUP", shareGroup)));
        report.line("instance " + name + " ready in " + Report.seconds(System.nanoTime() - started));
    }

    private ApiTraffic api(int index) {
        return new ApiTraffic(ApiTraffic.newHttpClient(), instances[index].base(), adminKey, Duration.ofSeconds(30));
    }

    private void registerSensors() {
        String json = sensorIds.stream()
                .map(id -> "{\"id\":\"" + id + "\",\"name\":\"mqtt " + id + "\",\"type\":\"temperature\","
                        + "\"unit\":\"°C\",\"location\":\"mqtt-faults\"}")
                .collect(Collectors.joining(",", "[", "]"));
        Answer answer = api(0).post(Route.CREATE_SENSORS, "sensors", "application/json", json);
        if (answer.status() != 201) {
            throw new IllegalStateException("Registering the sensors failed: " + answer.status() + " "
                    + answer.body());
        }
    }

    /** Waits until every acknowledged reading is stored, or a minute passes without one more, then compares. */
    private void verify() throws Exception {
        ReadingLog acknowledged = ReadingLog.merged(clients.stream().map(c -> c.acknowledged).toList());
        ReadingLog inDoubt = ReadingLog.merged(clients.stream().map(c -> c.inDoubt).toList());
        long waitStart = System.nanoTime();
        long lastProgress = waitStart;
        long storedBefore = -1;
        Verdict verdict;
        while (true) {
            try (Connection connection = database.connect()) {
                verdict = StoredReadings.check(connection, sensorIds, acknowledged, inDoubt, new ReadingLog());
            }
            if (verdict.missing() == 0 || System.nanoTime() - lastProgress > TimeUnit.MINUTES.toNanos(1)) {
                break;
            }
            if (verdict.stored() > storedBefore) {
                storedBefore = verdict.stored();
                lastProgress = System.nanoTime();
            }
            Thread.sleep(1000);
        }
        if (verdict.missing() > 0) {
            threadDumps();
        }
        long messages = clients.stream().mapToLong(c -> c.messages).sum();
        report.line(String.format(Locale.ROOT, "%,d messages acknowledged by the broker holding %,d readings; %,d "
                        + "readings in doubt (the broker gone before its PUBACK), of which stored %,d; stored in all "
                        + "%,d; the last stored %s after publishing ended",
                messages, verdict.acknowledged(), inDoubt.size(), verdict.storedInDoubt(), verdict.stored(),
                Report.seconds(System.nanoTime() - waitStart)));
        report.check(verdict.missing() > 0, "acknowledged readings not stored: " + verdict.missing() + " of "
                + verdict.acknowledged());
        report.check(verdict.wrongValue() > 0, "stored with another value: " + verdict.wrongValue());
        report.check(verdict.duplicates() > 0, "stored more than once: " + verdict.duplicates());
        report.check(verdict.unexpected() > 0, "stored but never published: " + verdict.unexpected());
        for (int i = 0; i < 2; i++) {
            double messagesStored = storedMessages(i);
            report.line(String.format(Locale.ROOT, "instance %s stored %,.0f messages since its last start",
                    i == 0 ? "a" : "b", messagesStored));
            report.check(messagesStored < 1, "instance " + (i == 0 ? "a" : "b") + " stored no message"
                    + (shareGroup.isEmpty() ? "" : ": the load is not shared"));
        }
    }

    /** Where each instance's threads are when readings stay missing, for the report's reader. */
    private void threadDumps() throws IOException, InterruptedException {
        for (int i = 0; i < 2; i++) {
            Path dump = work.resolve("threads-" + (i == 0 ? "a" : "b") + ".txt");
            new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jstack").toString(),
                    Long.toString(instances[i].pid())).redirectErrorStream(true).redirectOutput(dump.toFile())
                    .start().waitFor(60, TimeUnit.SECONDS);
            report.line("threads of instance " + (i == 0 ? "a" : "b") + " while readings are missing: "
                    + project.relativize(dump) + "; its health: " + health(i));
        }
    }

    private String health(int index) throws IOException, InterruptedException {
        return ApiTraffic.newHttpClient().send(HttpRequest.newBuilder(instances[index].base().resolve("/health"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private double storedMessages(int index) {
        Answer metrics = api(index).get(Route.METRICS, "metrics");
        Matcher matcher = STORED.matcher(metrics.body());
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }

    private void stopAll() {
        for (PayaraServer instance : instances) {
            if (instance != null) {
                instance.close();
            }
        }
        if (broker != null) {
            broker.close();
        }
        if (database != null) {
            database.close();
        }
    }

    /**
     * A device publishing at QoS 1, a message at a time: a reading is acknowledged once the broker's PUBACK came.
     * When the connection breaks, the message is in doubt and the publisher connects again.
     */
    private final class Publisher implements Runnable {

        private final int index;
        private final Random random;
        private final ReadingLog acknowledged = new ReadingLog();
        private final ReadingLog inDoubt = new ReadingLog();
        private long micros = START_MICROS;
        private long messages;
        private volatile Throwable failure;

        Publisher(int index) {
            this.index = index;
            this.random = new Random(index);
        }

        @Override
        public void run() {
            Mqtt3BlockingClient client = Mqtt3Client.builder().identifier("fault-device-" + index + "-"
                    + UUID.randomUUID()).serverHost("127.0.0.1").serverPort(brokerPort).buildBlocking();
            try {
                while (!stopped) {
                    if (!client.getState().isConnected()) {
                        connect(client);
                        continue;
                    }
                    publishNext(client);
                    Thread.sleep(pauseMillis);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException | Error e) {
                failure = e;
            } finally {
                if (client.getState().isConnected()) {
                    client.disconnect();
                }
            }
        }

        private void connect(Mqtt3BlockingClient client) throws InterruptedException {
            try {
                client.connect();
            } catch (RuntimeException brokerDown) {
                Thread.sleep(200);
            }
        }

        private void publishNext(Mqtt3BlockingClient client) {
            int sensor = 2 * index + random.nextInt(2);
            boolean batch = messages % 10 == 9;
            int size = batch ? 50 : 1;
            long[] instants = new long[size];
            double[] values = new double[size];
            StringBuilder payload = new StringBuilder(batch ? "[" : "");
            for (int i = 0; i < size; i++) {
                micros += 1000 + random.nextInt(1000);
                instants[i] = micros;
                values[i] = random.nextInt(20) == 0 ? -0.0 : random.nextGaussian() * 20;
                if (batch) {
                    payload.append(i == 0 ? "" : ",").append("{\"sensor_id\":\"").append(sensorIds.get(sensor))
                            .append("\",\"creation_date\":\"").append(Batch.iso(instants[i]))
                            .append("\",\"value\":").append(values[i]).append('}');
                } else {
                    payload.append("{\"creation_date\":\"").append(Batch.iso(instants[i])).append("\",\"value\":")
                            .append(values[i]).append('}');
                }
            }
            String topic = batch ? "sensors/readings" : "sensors/" + sensorIds.get(sensor) + "/readings";
            ReadingLog log;
            try {
                client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE)
                        .payload(payload.append(batch ? "]" : "").toString().getBytes(StandardCharsets.UTF_8))
                        .send();
                log = acknowledged;
                messages++;
            } catch (RuntimeException brokenConnection) {
                log = inDoubt;
            }
            for (int i = 0; i < size; i++) {
                log.add(sensor, instants[i], values[i]);
            }
        }
    }
}
