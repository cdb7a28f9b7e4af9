package sensorhub.reliability;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import sensorhub.benchmark.PayaraServer;
import sensorhub.reliability.ApiTraffic.Answer;

/**
 * The cluster check: three Galera nodes behind HAProxy ({@link GaleraCluster}), three Payara Micro instances of
 * the packaged WAR behind HAProxy's HTTP port, and the checks of DEPLOYING.md "Several instances": one instance
 * migrates while the others wait; keys and readings seen across instances at once; ingest through HAProxy while
 * an instance and then the writer node are killed with SIGKILL and come back ({@link FailoverPhase}); every
 * acknowledged reading stored once on every node; statistics answered during the failover against numpy; a
 * retention sweep under ingest whose lease moves when its holder is killed ({@link RetentionPhase}). Prints the
 * table and writes it to {@code target/cluster.md}; stops all it started; a failed criterion fails the build.
 *
 * <p>Every instance writes through HAProxy's write port (one writer node at a time) and reads through its read port.
 * {@code -Dcluster.multiWriter=true} has instance 3 write to node 3 itself instead, as a multi-writer deployment
 * would: a trial of what DEPLOYING.md advises against.
 *
 * <p>Run by {@code server-config/cluster/verify-cluster.sh}
 * ({@code ./mvnw -f harness/pom.xml -Pcluster verify}).
 */
public final class ClusterSuite {

    static final int INSTANCES = 3;
    static final int FIRST_INSTANCE_PORT = 18081;
    /**
     * Whether instance 3 writes to node 3 itself rather than through the write port, making two writer nodes: a
     * trial of what DEPLOYING.md "Several instances" advises against (it has lost acknowledged readings).
     */
    static final boolean MULTI_WRITER = Boolean.getBoolean("cluster.multiWriter");
    /** A line of the retried-conflicts counter in the Prometheus text: its kind and its value. */
    private static final Pattern RETRIED = Pattern.compile(
            "sensorhub_db_conflicts_retried_total\\{.*kind=\"([a-z_]+)\".*\\} ([0-9.eE+]+)");
    /** What {@code UnexpectedFailureMapper} logs with each 500. */
    private static final String INCIDENT = "Unexpected failure, incident";
    private static final int MAX_INCIDENTS_SHOWN = 3;
    private static final int MAX_LOG_LINES = 400;
    private static final Pattern EXCEPTION_LINE = Pattern.compile("^[\\w.$]+(Exception|Error)\\b");

    private final Path project;
    private final Report report;
    private final GaleraCluster cluster;
    private final String adminKey;
    private final PayaraServer[] instances = new PayaraServer[INSTANCES];
    private final HttpClient http = ApiTraffic.newHttpClient();

    private ClusterSuite(Path project, Report report, GaleraCluster cluster, String adminKey) {
        this.project = project;
        this.report = report;
        this.cluster = cluster;
        this.adminKey = adminKey;
    }

    public static void main(String[] args) throws Exception {
        Path project = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        String adminKey = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        Report report = new Report();
        long begin = System.nanoTime();
        ClusterSuite suite = null;
        try (GaleraCluster cluster = GaleraCluster.up(project)) {
            report.line("cluster up (3 Galera nodes synced, HAProxy): " + Report.seconds(System.nanoTime() - begin));
            suite = new ClusterSuite(project, report, cluster, adminKey);
            suite.run();
        } catch (Exception | Error e) {
            report.fail("the run could not complete: " + e);
            throw e;
        } finally {
            if (suite != null) {
                suite.stopInstances();
            }
            report.line("whole run, boots included: " + Report.seconds(System.nanoTime() - begin));
            System.out.println();
            System.out.println(report.markdown());
            report.writeTo(project.resolve("target/cluster.md"));
        }
        if (report.failed()) {
            throw new IllegalStateException("Cluster: " + report.failures().size()
                    + " criteria not met; see target/cluster.md");
        }
    }

    private void run() throws Exception {
        report.setting(String.format(Locale.ROOT, "Cluster run %s: %d cores, JDK %s. MariaDB Galera: 3 nodes on "
                        + "127.0.0.1:%d-%d; HAProxy: write port %d (one node at a time, node 1 first), read port %d "
                        + "(all synced nodes), HTTP %d over %d Payara Micro instances on %d-%d. %s; all read "
                        + "through the read port with wsrep_sync_wait=1; each sweeps retention every second and "
                        + "keeps daily statistics in UTC and %s.",
                ZonedDateTime.now().withNano(0), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.runtime.version"), GaleraCluster.nodePort(1), GaleraCluster.nodePort(3),
                GaleraCluster.WRITE_PORT, GaleraCluster.READ_PORT, GaleraCluster.HTTP_PORT, INSTANCES,
                FIRST_INSTANCE_PORT, FIRST_INSTANCE_PORT + INSTANCES - 1, MULTI_WRITER
                        ? "Instances 1 and 2 write through the write port, instance 3 to node 3 directly"
                        : "Every instance writes through the write port", RetentionPhase.BERLIN));
        migrationsFromOneInstance();
        keysAcrossInstances();
        readingsAcrossInstances();
        new FailoverPhase(report, cluster, this, adminKey).run();
        retriedConflicts();
        new RetentionPhase(report, cluster, this, adminKey).run();
        incidents();
    }

    /**
     * What lay behind each 500 (an "Unexpected failure, incident" in an instance's log): its exception and the
     * causes behind it, so that a rare failure seen once in CI tells what to fix without its logs.
     */
    private void incidents() throws IOException {
        for (int n = 1; n <= INSTANCES; n++) {
            List<String> lines = Files.readAllLines(instance(n).log());
            int shown = 0;
            for (int i = 0; i < lines.size() && shown < MAX_INCIDENTS_SHOWN; i++) {
                if (lines.get(i).contains(INCIDENT)) {
                    report.line("incident on instance " + n + ": " + exceptionChain(lines, i));
                    shown++;
                }
            }
        }
    }

    /** The lines after a logged incident that name an exception: its own, then each "Caused by". */
    private static String exceptionChain(List<String> lines, int incident) {
        List<String> chain = new ArrayList<>();
        for (int i = incident + 1; i < Math.min(lines.size(), incident + MAX_LOG_LINES)
                && !lines.get(i).contains(INCIDENT); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("Caused by: ") || chain.isEmpty() && EXCEPTION_LINE.matcher(line).find()) {
                chain.add(line.length() > 300 ? line.substring(0, 300) + "…" : line);
            }
        }
        return chain.isEmpty() ? "(no exception logged)" : String.join(" ← ", chain);
    }

    /**
     * The conflicts each instance retried, by kind, from its {@code /api/metrics} (since it started: instance 2
     * restarted during the failover). Certification failures count as {@code deadlock} (error 1213).
     */
    private void retriedConflicts() {
        List<String> perInstance = new ArrayList<>();
        for (int n = 1; n <= INSTANCES; n++) {
            Answer metrics = traffic(n, adminKey).get(Route.METRICS, "metrics");
            Map<String, Long> byKind = new TreeMap<>();
            for (String line : metrics.body().split("\n")) {
                Matcher retried = RETRIED.matcher(line);
                if (retried.matches()) {
                    byKind.merge(retried.group(1), (long) Double.parseDouble(retried.group(2)), Long::sum);
                }
            }
            perInstance.add("instance " + n + ": "
                    + (metrics.status() == 200 ? byKind : "metrics " + metrics.status()));
        }
        report.line("conflicts retried inside the service, by kind (sensorhub_db_conflicts_retried_total): "
                + String.join("; ", perInstance));
    }

    // ------------------------------------------------------------------ instances

    PayaraServer instance(int n) {
        return instances[n - 1];
    }

    URI base(int n) {
        return URI.create("http://127.0.0.1:" + (FIRST_INSTANCE_PORT + n - 1) + "/");
    }

    /** Starts instance {@code n} (1-based) and, if asked, waits until it is ready. */
    PayaraServer launch(int n, boolean awaitReady) throws IOException, InterruptedException {
        Path work = cluster.work().resolve("payara-" + n);
        int primary = n == 3 && MULTI_WRITER ? GaleraCluster.nodePort(3) : GaleraCluster.WRITE_PORT;
        PayaraServer.Launch launch = new PayaraServer.Launch(work, FIRST_INSTANCE_PORT + n - 1, List.of("-Xmx384m"),
                List.of("--postbootcommandfile", postBootCommands().toString()),
                Map.of("SENSORS_ADMIN_KEY", adminKey,
                        "SENSORS_DB_URL", GaleraCluster.url(primary),
                        "SENSORS_DB_USER", GaleraCluster.USER,
                        "SENSORS_DB_PASSWORD", GaleraCluster.PASSWORD,
                        "SENSORS_READS_DATASOURCE", "jdbc/sensorhub-reads",
                        "SENSORS_READS_DB_URL", GaleraCluster.url(GaleraCluster.READ_PORT),
                        "SENSORS_SCHEMA_MIGRATE", Boolean.toString(n == 1),
                        "SENSORS_RETENTION_SWEEP_EVERY", "PT1S",
                        "SENSORS_RETENTION_ZONES", RetentionPhase.BERLIN));
        PayaraServer server = awaitReady ? PayaraServer.start(project, launch) : PayaraServer.launch(project, launch);
        instances[n - 1] = server;
        return server;
    }

    /** The primary's pool and the reads pool: server-config/payara/mysql.asadmin followed by reads.asadmin. */
    private Path postBootCommands() throws IOException {
        Path file = cluster.work().resolve("galera.asadmin");
        if (!Files.exists(file)) {
            Path config = project.resolve("server-config/payara");
            Files.writeString(file, Files.readString(config.resolve("mysql.asadmin")) + "\n"
                    + Files.readString(config.resolve("reads.asadmin")));
        }
        return file;
    }

    void stopInstances() {
        for (PayaraServer instance : instances) {
            if (instance != null) {
                instance.close();
            }
        }
    }

    /** The status of {@code /health/ready} once the instance has deployed (its answer names the schema check). */
    private int readinessOnceDeployed(int n) throws IOException, InterruptedException {
        HttpRequest ready = HttpRequest.newBuilder(base(n).resolve("/health/ready")).timeout(Duration.ofSeconds(5))
                .build();
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                var answer = http.send(ready, BodyHandlers.ofString());
                if (answer.body().contains("\"schema\"")) {
                    return answer.statusCode();
                }
            } catch (IOException notListeningYet) {
                // the port opens some seconds after the JVM starts
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Instance " + n + " did not deploy within 4 minutes; see "
                + instance(n).log());
    }

    // ------------------------------------------------------------------ checks

    /**
     * Instances 2 and 3 (sensors.schema.migrate=false) start first, on an empty database: they must deploy, stay
     * not ready and leave the schema alone. Instance 1 then migrates; the others become ready by themselves.
     */
    private void migrationsFromOneInstance() throws Exception {
        launch(2, false);
        launch(3, false);
        int second = readinessOnceDeployed(2);
        int third = readinessOnceDeployed(3);
        long tables = scalar(2, "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '"
                + GaleraCluster.DATABASE + "'");
        report.check(second != 503 || third != 503 || tables != 0, "migrations: instances 2 and 3 (migrate=false) "
                + "deployed before any migration: /health/ready " + second + " and " + third + " (503 expected), "
                + "tables in the schema " + tables + " (0 expected)");
        long started = System.nanoTime();
        launch(1, true);
        long migrated = System.nanoTime();
        instance(2).awaitReady();
        instance(3).awaitReady();
        report.line("migrations: instance 1 started and migrated in " + Report.seconds(migrated - started)
                + "; instances 2 and 3 ready " + Report.seconds(System.nanoTime() - migrated) + " after");
        long applied = scalar(2, "SELECT COUNT(*) FROM flyway_schema_history WHERE success AND version IS NOT NULL");
        long distinct = scalar(3,
                "SELECT COUNT(DISTINCT version) FROM flyway_schema_history WHERE version IS NOT NULL");
        long failed = scalar(1, "SELECT COUNT(*) FROM flyway_schema_history WHERE NOT success");
        long notInnoDb = scalar(1, "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '"
                + GaleraCluster.DATABASE + "' AND engine <> 'InnoDB'");
        long withoutKey = scalar(1, "SELECT COUNT(*) FROM information_schema.tables t WHERE t.table_schema = '"
                + GaleraCluster.DATABASE + "' AND NOT EXISTS (SELECT 1 FROM information_schema.table_constraints c "
                + "WHERE c.table_schema = t.table_schema AND c.table_name = t.table_name "
                + "AND c.constraint_type = 'PRIMARY KEY')");
        report.check(applied == 0 || applied != distinct || failed != 0, "migrations: applied once each: " + applied
                + " versions, " + distinct + " distinct, " + failed + " failed");
        report.check(notInnoDb != 0 || withoutKey != 0, "Galera's rules: tables not InnoDB " + notInnoDb
                + ", tables without a primary key " + withoutKey);
    }

    /** A key made on instance 1 works on 2 and 3; revoked on 2, it fails at once on all three. */
    private void keysAcrossInstances() {
        ApiTraffic admin = traffic(1, adminKey);
        Answer created = admin.post(Route.CREATE_KEY, "api_keys", "application/json",
                "{\"name\":\"cluster-reader\",\"permissions\":[\"read\"]}");
        if (created.status() != 201) {
            report.fail("keys: creating a key on instance 1 answered " + created.status() + " " + created.body());
            return;
        }
        JsonObject key = created.object();
        String secret = key.getString("key");
        List<Integer> before = new ArrayList<>();
        for (int n = 1; n <= INSTANCES; n++) {
            before.add(traffic(n, secret).get(Route.LIST_SENSORS, "sensors?limit=1").status());
        }
        int revoked = traffic(2, adminKey).delete(Route.DELETE_KEY, "api_keys/" + key.get("id").toString()
                .replace("\"", "")).status();
        List<Integer> after = new ArrayList<>();
        for (int n = 1; n <= INSTANCES; n++) {
            after.add(traffic(n, secret).get(Route.LIST_SENSORS, "sensors?limit=1").status());
        }
        report.check(!before.equals(List.of(200, 200, 200)) || revoked != 204 || !after.equals(List.of(401, 401, 401)),
                "keys: made on instance 1, answers on instances 1-3 " + before + " (200 expected); revoked on "
                        + "instance 2 (" + revoked + "), at once on instances 1-3 " + after + " (401 expected)");
    }

    /** Each reading written through one instance shows in the very next aggregation read through another. */
    private void readingsAcrossInstances() {
        String sensor = "cluster-fresh";
        traffic(1, adminKey).post(Route.CREATE_SENSORS, "sensors", "application/json", "[{\"id\":\"" + sensor
                + "\",\"name\":\"fresh\",\"type\":\"t\",\"unit\":\"u\",\"location\":\"cluster\"}]");
        int rounds = 30;
        List<String> stale = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            int writer = 1 + i % INSTANCES;
            int reader = 1 + (i + 1) % INSTANCES;
            String at = "2026-04-01T00:00:" + String.format("%02d", i) + "Z";
            Answer written = traffic(writer, adminKey).post(Route.POST_READINGS_JSON, "sensor_values",
                    "application/json", "[{\"sensor_id\":\"" + sensor + "\",\"creation_date\":\"" + at
                            + "\",\"value\":" + i + "}]");
            Answer day = traffic(reader, adminKey).get(Route.DAY_AGGREGATION, "daily_aggregations/" + sensor
                    + "/2026-04-01");
            boolean fresh = written.status() == 201 && day.status() == 200
                    && day.object().getInt("count") == i + 1 && day.object().getJsonNumber("max_val").intValue() == i;
            if (!fresh) {
                stale.add("round " + i + " (write via " + writer + ": " + written.status() + ", read via " + reader
                        + ": " + day.status() + " " + day.body() + ")");
            }
        }
        report.check(!stale.isEmpty(), "freshness: a reading written through one instance, then the day's "
                + "aggregation through the next: " + (rounds - stale.size()) + " of " + rounds + " up to date"
                + (stale.isEmpty() ? "" : "; " + String.join("; ", stale)));
    }

    ApiTraffic traffic(int n, String key) {
        return new ApiTraffic(http, base(n), key, Duration.ofSeconds(30));
    }

    long scalar(int node, String sql) throws Exception {
        try (Connection connection = cluster.connect(node); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    static long startMicros(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toEpochSecond() * 1_000_000;
    }
}
