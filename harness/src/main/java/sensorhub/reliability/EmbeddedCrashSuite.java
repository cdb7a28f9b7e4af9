package sensorhub.reliability;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import sensorhub.benchmark.PayaraServer;
import sensorhub.reliability.ApiTraffic.Answer;
import sensorhub.reliability.StoredReadings.Verdict;

/**
 * The crash check of the README's embedded run ({@code ./mvnw -Prun}: Payara Micro with
 * {@code hardening.asadmin}, {@code system.properties} and the H2 file of {@code h2-file.asadmin}): the server's
 * JVM is killed with SIGKILL while clients are writing readings, started again on the same file, and every
 * reading it had answered 201 must be read back. Three rounds, each killing the server at another moment; each
 * round's restart is checked before the next round writes on. Prints the table, writes it to
 * {@code target/crash.md}, and fails the build if an acknowledged reading is lost.
 *
 * <p>The server runs on port {@code crash.port} (28380) with its file under {@code target/embedded-crash}. It is
 * started as the run profile starts it, plus what every harness start adds ({@link PayaraServer#launch}: the
 * MySQL driver on the class path, an access log). Readings are read back over JDBC through the restarted server
 * (H2's AUTO_SERVER), so that the check sees the file as the server recovered it.
 *
 * <p>Run by {@code ./mvnw -f harness/pom.xml -Pcrash verify} after the WAR is packaged; the only argument is the
 * WAR project's directory.
 */
public final class EmbeddedCrashSuite {

    static final LocalDate FIRST_DAY = LocalDate.parse("2026-09-01");
    static final long START_MICROS = FIRST_DAY.atStartOfDay(ZoneOffset.UTC).toEpochSecond() * 1_000_000;
    private static final int SENSORS = 4;
    private static final int MIN_BATCH = 10;
    private static final int MAX_BATCH = 200;

    private final int clients = Integer.getInteger("crash.clients", 8);
    private final int rounds = Integer.getInteger("crash.rounds", 3);
    private final int port = Integer.getInteger("crash.port", 28380);
    /** Round {@code r} (from 1) kills the server this long after its clients start, plus r - 1 steps. */
    private final int firstKillMillis = Integer.getInteger("crash.firstKillMillis", 3000);
    private final int killStepMillis = Integer.getInteger("crash.killStepMillis", 2300);

    private final Path project;
    private final Path work;
    private final String adminKey;
    private final Report report;
    private final List<String> sensorIds = new ArrayList<>();
    private final List<Client> writers = new ArrayList<>();
    private ApiTraffic api;
    private PayaraServer server;
    private int starts;

    private EmbeddedCrashSuite(Path project, Report report) {
        this.project = project;
        this.work = project.resolve("target/embedded-crash");
        this.adminKey = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        this.report = report;
        for (int i = 0; i < SENSORS; i++) {
            sensorIds.add(String.format("crash-%02d", i));
        }
        for (int c = 0; c < clients; c++) {
            writers.add(new Client(c));
        }
    }

    public static void main(String[] args) throws Exception {
        Path project = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Report report = new Report();
        EmbeddedCrashSuite suite = new EmbeddedCrashSuite(project, report);
        report.complete("Crash check", project.resolve("target/crash.md"), new Report.Check() {
            @Override
            public void run() throws Exception {
                suite.run();
            }

            @Override
            public void stop() {
                suite.stopServer();
            }
        });
    }

    private void run() throws Exception {
        PayaraServer.deleteRecursively(work);
        startServer();
        report.setting(String.format(Locale.ROOT, "Crash run %s: %d cores, JDK %s; %s on port %d as `./mvnw -Prun` "
                        + "starts it (H2 file %s). %d clients send JSON or CSV batches of %d-%d readings to %d "
                        + "sensors; the server's JVM is killed (SIGKILL) %d times, round r after %.1f s + (r - 1) "
                        + "× %.1f s of ingest, and started again on the same file.",
                ZonedDateTime.now().withNano(0), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.runtime.version"), server.version(), port,
                project.relativize(h2File()), clients, MIN_BATCH, MAX_BATCH, SENSORS, rounds,
                firstKillMillis / 1e3, killStepMillis / 1e3));
        registerSensors();
        for (int round = 1; round <= rounds; round++) {
            long killAfter = firstKillMillis + (long) (round - 1) * killStepMillis;
            ingestUntilKilled(killAfter);
            startServer();
            verify(round, killAfter);
        }
        report.requests("crash", api.exchanges());
    }

    private Path h2File() {
        return work.resolve("data/sensorhub");
    }

    /** A start of the server on the same H2 file, in a folder of its own so that each start's log is kept. */
    private void startServer() throws IOException, InterruptedException {
        long started = System.nanoTime();
        server = PayaraServer.start(project, new PayaraServer.Launch(work.resolve("payara-" + starts), port,
                List.of(),
                List.of("--postbootcommandfile", project.resolve("server-config/payara/h2-file.asadmin").toString()),
                Map.of("SENSORS_ADMIN_KEY", adminKey, "SENSORS_H2_FILE", h2File().toString())));
        report.line((starts == 0 ? "first start" : "start after kill " + starts) + ": ready in "
                + Report.seconds(System.nanoTime() - started));
        starts++;
        if (api == null) {
            api = new ApiTraffic(ApiTraffic.newHttpClient(), server.base(), adminKey, Duration.ofSeconds(10));
        }
    }

    private void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private void registerSensors() {
        String json = sensorIds.stream()
                .map(id -> "{\"id\":\"" + id + "\",\"name\":\"crash " + id + "\",\"type\":\"temperature\","
                        + "\"unit\":\"°C\",\"location\":\"crash\"}")
                .collect(Collectors.joining(",", "[", "]"));
        Answer answer = api.post(Route.CREATE_SENSORS, "sensors", "application/json", json);
        if (answer.status() != 201) {
            throw new IllegalStateException("Registering the sensors failed: " + answer.status() + " "
                    + answer.body());
        }
    }

    /**
     * The clients write until the server is killed; a batch whose request the kill broke is filed as in doubt,
     * never sent again, so that only answers the dead server gave count as acknowledged.
     */
    private void ingestUntilKilled(long killAfterMillis) throws InterruptedException {
        Round round = new Round();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        writers.forEach(client -> pool.execute(() -> client.write(round)));
        pool.shutdown();
        Thread.sleep(killAfterMillis);
        server.kill();
        round.stopped = true;
        if (!pool.awaitTermination(60, TimeUnit.SECONDS)) {
            pool.shutdownNow();
            throw new IllegalStateException("Crash clients did not stop after the kill");
        }
        for (Client client : writers) {
            if (client.failure != null) {
                throw new IllegalStateException("A crash client failed", client.failure);
            }
        }
    }

    /** Every reading acknowledged so far, in every round, against the restarted server's file. */
    private void verify(int round, long killAfterMillis) throws Exception {
        Ledger ledger = Ledger.merged(writers.stream().map(c -> c.ledger).toList());
        Verdict verdict;
        try (Connection connection = DriverManager.getConnection("jdbc:h2:" + h2File() + ";AUTO_SERVER=TRUE", "",
                "")) {
            verdict = StoredReadings.check(connection, sensorIds, ledger.acknowledged, ledger.inDoubt,
                    ledger.refused);
        }
        long acknowledgedBatches = api.exchanges().stream().filter(e -> e.status() == 201)
                .filter(e -> e.route() == Route.POST_READINGS_JSON || e.route() == Route.POST_READINGS_CSV).count();
        String name = "round " + round + " (killed after " + Report.seconds(killAfterMillis * 1_000_000L) + ")";
        report.line(String.format(Locale.ROOT, "%s: %,d batches answered 201 so far holding %,d readings "
                        + "(acknowledged); found after the restart %,d; lost %,d. Readings in doubt (request broken by "
                        + "the kill, or a 5xx) %,d, of which stored %,d",
                name, acknowledgedBatches, verdict.acknowledged(), verdict.acknowledged() - verdict.missing(),
                verdict.missing(), ledger.inDoubt.size(), verdict.storedInDoubt()));
        report.check(verdict.missing() > 0, name + ": acknowledged readings lost: " + verdict.missing() + " of "
                + verdict.acknowledged());
        report.check(verdict.wrongValue() + verdict.duplicates() > 0, name + ": read back with another value "
                + verdict.wrongValue() + "; stored more than once " + verdict.duplicates());
        report.check(verdict.storedRefused() + verdict.unexpected() > 0, name + ": stored though refused "
                + verdict.storedRefused() + "; stored but never sent " + verdict.unexpected());
        report.check(ledger.wrongAcknowledgements() > 0, name + ": 201 answers whose inserted + unchanged is not "
                + "the batch size: " + ledger.wrongAcknowledgements());
    }

    /** One round of ingest, ended by the kill. */
    private static final class Round {
        volatile boolean stopped;
    }

    /** An ingest client; its ledger and its instants go on from round to round. */
    private final class Client {

        private final int index;
        private final Random random;
        private final Ledger ledger = new Ledger();
        private long seq;
        private volatile Throwable failure;

        Client(int index) {
            this.index = index;
            this.random = new Random(index);
        }

        void write(Round round) {
            BatchSender sender = new BatchSender(api, 100, () -> round.stopped);
            try {
                while (!round.stopped) {
                    int sensor = random.nextInt(SENSORS);
                    int size = MIN_BATCH + random.nextInt(MAX_BATCH - MIN_BATCH + 1);
                    Batch batch = Batch.next(sensor, sensorIds.get(sensor), size, START_MICROS, index, clients, seq,
                            random);
                    seq += size;
                    sender.send(batch, random.nextInt(4) == 0, ledger);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException | Error e) {
                failure = e;
            }
        }
    }
}
