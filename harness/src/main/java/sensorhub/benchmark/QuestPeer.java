package sensorhub.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import sensorhub.benchmark.ConcurrentBatches.Body;

/**
 * QuestDB as a peer, run from its jar on this JDK with its files under {@code target/benchmark/questdb}: the
 * workload written as InfluxDB line protocol to its HTTP {@code /write} ({@code precision=u}), the ingest path its
 * documentation recommends, into tables made beforehand with deduplication on (else a re-sent line is a second
 * row); the statistics asked over its PostgreSQL wire, which it recommends for queries. It answers a write once the
 * rows are in the table's write-ahead log, and they become queryable only when that log is applied to the table, so
 * each timed round lasts until its rows are counted back. Ingest, query and regular data go to three tables, so
 * that each table's folder holds exactly the readings whose bytes are counted. It has no exact percentile: its
 * median and quartiles come from {@code approx_percentile}, and {@link Peers} reports how far they are from the
 * service's.
 */
final class QuestPeer {

    private static final String INGEST = "readings_ingest";
    private static final String QUERIES = "readings_queries";
    private static final String REGULAR = "readings_regular";
    private static final Duration STARTUP = Duration.ofMinutes(1);
    private static final Duration VISIBLE = Duration.ofMinutes(5);
    /** Longer than the writer and WAL writer TTLs and the purge interval in {@link #config}. */
    private static final Duration QUIET = Duration.ofSeconds(5);

    private final BenchmarkSettings settings;
    private final Path home;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final Thread stopOnExit = new Thread(this::kill, "stop-questdb");
    private Process process;
    private Connection sql;

    private QuestPeer(BenchmarkSettings settings, Path home) {
        this.settings = settings;
        this.home = home;
    }

    /** Starts QuestDB on fresh files, runs the workload on it, stops it; its row of the peers table. */
    static PeerResult measure(Path project, BenchmarkSettings settings, Workload workload, ResultTable table)
            throws Exception {
        QuestPeer peer = new QuestPeer(settings, project.resolve("target/benchmark/questdb"));
        try {
            peer.prepare();
            peer.start();
            return peer.run(workload, table);
        } finally {
            peer.stop();
        }
    }

    /**
     * Loopback only, on the benchmark's ports; no minimal HTTP server, no line protocol over UDP or TCP, no
     * telemetry. Over TCP, which answers nothing, rows were queryable later than over HTTP in a trial (its
     * connections commit on a timer), so HTTP is the path measured. An idle table's writer is closed after 2 s
     * rather than 10 minutes, trimming the 16 MiB it allocates ahead per column file, and applied WAL segments are
     * purged each second, so that its folder settles soon after the last write; everything else is as shipped
     * (commits not fsynced).
     */
    private String config() {
        return """
                http.net.bind.to=127.0.0.1:%d
                pg.net.bind.to=127.0.0.1:%d
                http.min.enabled=false
                line.tcp.enabled=false
                line.udp.enabled=false
                telemetry.enabled=false
                cairo.idle.check.interval=1000
                cairo.inactive.writer.ttl=2000
                cairo.wal.inactive.writer.ttl=2000
                cairo.wal.purge.interval=1000
                """.formatted(settings.questHttpPort(), settings.questPgPort());
    }

    private void prepare() throws IOException {
        if (!Files.isRegularFile(Path.of(settings.questJar()))) {
            throw new IllegalStateException("no QuestDB jar at '" + settings.questJar() + "': the pom's benchmark "
                    + "profile fetches it");
        }
        InfluxServer.refuseIfTaken(settings.questHttpPort());
        InfluxServer.refuseIfTaken(settings.questPgPort());
        PayaraServer.deleteRecursively(home);
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/server.conf"), config());
    }

    private void start() throws IOException, InterruptedException, SQLException {
        Path log = home.resolve("questdb.log");
        process = new ProcessBuilder(PayaraServer.jdkBin().resolve("java").toString(), "-p", settings.questJar(),
                "-m", "io.questdb/io.questdb.ServerMain", "-d", home.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (sql == null) {
            try {
                sql = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + settings.questPgPort() + "/qdb",
                        "admin", "quest");
            } catch (SQLException notListeningYet) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("QuestDB did not start within " + STARTUP + "; see " + log,
                            notListeningYet);
                }
                Thread.sleep(200);
            }
        }
    }

    private void stop() throws SQLException, InterruptedException {
        if (sql != null) {
            sql.close();
            sql = null;
        }
        if (process != null) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting and the hook is running or has run
            }
        }
    }

    private void kill() {
        process.destroyForcibly();
    }

    private PeerResult run(Workload workload, ResultTable table) throws Exception {
        String version = version();
        for (String name : List.of(INGEST, QUERIES, REGULAR)) {
            execute("CREATE TABLE " + name + " (sensor_id SYMBOL, value DOUBLE, ts TIMESTAMP) TIMESTAMP(ts) "
                    + "PARTITION BY DAY WAL DEDUP UPSERT KEYS(ts, sensor_id)");
        }
        write(QUERIES, List.of(workload.warmup()));
        List<List<Body>> rounds = Body.ofRounds(workload.ingest(), settings.batchSize(), settings.ingestRounds(),
                slice -> slice.lineProtocol(INGEST));
        double cpu = ProcessCpu.seconds(process.pid());
        double client = ProcessCpu.client();
        ConcurrentBatches.Rounds ingest = ConcurrentBatches.sendInRounds(writer(), rounds,
                written -> awaitRows(INGEST, written));
        cpu = ProcessCpu.seconds(process.pid()) - cpu;
        client = ProcessCpu.client() - client;
        check(count(INGEST) == workload.ingestReadings(), table, "QuestDB holds " + count(INGEST)
                + " readings of the ingest, of " + workload.ingestReadings());

        write(QUERIES, List.of(workload.day(), workload.year()));
        write(REGULAR, workload.regular());
        // The line protocol's connections, kept alive by the client, hold their WAL writers and so the WAL files
        // they wrote: a restart closes them, as a quiet spell does with the connections.
        stop();
        start();
        StorageSize noisy = new StorageSize(settledBytes(INGEST, table), workload.ingestReadings());
        StorageSize regular = new StorageSize(settledBytes(REGULAR, table), workload.regularReadings());
        table.note(String.format(Locale.ROOT, "QuestDB: %s from Maven Central, run on the benchmark's JDK with its "
                + "own files (target/benchmark/questdb) and server.conf: loopback only, default settings (commits "
                + "not fsynced), idle writers closed after 2 s. Tables made with DEDUP UPSERT KEYS(ts, sensor_id), "
                + "partitioned by day; line protocol on HTTP /write, each batch answered once in the table's WAL, each "
                + "round timed until its rows are counted back (WAL applied). Statistics over its PostgreSQL wire, "
                + "SAMPLE BY 1d for the year, quartiles and median by approx_percentile at precision %d. Bytes: "
                + "blocks on disk (du) of the table's folder after a restart, once it stopped changing (writers "
                + "closed, applied WAL purged).", version, settings.questPrecision()));

        PeerQueries.Figures queries;
        try (PreparedStatement day = sql.prepareStatement("SELECT " + statistics() + " FROM " + QUERIES
                + " WHERE sensor_id = ? AND ts >= ? AND ts < ?");
                PreparedStatement year = sql.prepareStatement("SELECT ts, " + statistics() + " FROM " + QUERIES
                        + " WHERE sensor_id = ? AND ts >= ? AND ts < ? SAMPLE BY 1d")) {
            queries = PeerQueries.measure(settings, d -> day(day, d), () -> year(year));
        }
        return new PeerResult(version + ", HTTP line protocol; quartiles approximate", ingest, cpu,
                "its JVM, WAL applied within the round", client, queries, noisy, regular);
    }

    /** The line protocol's measurement names the table. */
    private List<ConcurrentBatches.Client<Body>> writer() {
        return ConcurrentBatches.posting(http, URI.create("http://127.0.0.1:" + settings.questHttpPort()
                + "/write?precision=u"), "QuestDB", settings.clients());
    }

    /** Writes the series into the table from {@code clients} clients and waits until they are queryable. */
    private void write(String name, List<ReadingSeries> series) throws Exception {
        long before = count(name);
        ConcurrentBatches.Sent sent = ConcurrentBatches.send(writer(),
                Body.of(series, settings.batchSize(), slice -> slice.lineProtocol(name)));
        awaitRows(name, before + sent.written());
    }

    /** Polls the table's count until it holds {@code rows}: its WAL applied that far. */
    private void awaitRows(String name, long rows) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + VISIBLE.toNanos();
        while (count(name) < rows) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("QuestDB's " + name + " held " + count(name) + " rows after "
                        + VISIBLE + ", of " + rows);
            }
            Thread.sleep(10);
        }
    }

    /** The blocks on disk of the table's folder once unchanged for {@link #QUIET}, at most two minutes. */
    private long settledBytes(String name, ResultTable table) throws Exception {
        Path folder = home.resolve("db").resolve(directory(name));
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        long bytes = StorageSize.onDisk(folder);
        long quietSince = System.nanoTime();
        while (System.nanoTime() - quietSince < QUIET.toNanos()) {
            if (System.nanoTime() > deadline) {
                check(false, table, "QuestDB's " + name + " was still changing when it was measured");
                break;
            }
            Thread.sleep(500);
            long now = StorageSize.onDisk(folder);
            if (now != bytes) {
                bytes = now;
                quietSince = System.nanoTime();
            }
        }
        return bytes;
    }

    private String statistics() {
        String quantile = "approx_percentile(value, %s, " + settings.questPrecision() + ")";
        return "count(), min(value), " + quantile.formatted("0.25") + ", " + quantile.formatted("0.5") + ", "
                + quantile.formatted("0.75") + ", max(value), avg(value)";
    }

    private DayStatistics day(PreparedStatement query, LocalDate day) throws SQLException {
        bind(query, Workload.day(settings), Workload.micros(day), Workload.micros(day.plusDays(1)));
        try (ResultSet row = query.executeQuery()) {
            row.next();
            return new DayStatistics(row.getLong(1), row.getDouble(2), row.getDouble(3), row.getDouble(4),
                    row.getDouble(5), row.getDouble(6), row.getDouble(7));
        }
    }

    private int year(PreparedStatement query) throws SQLException {
        bind(query, Workload.year(settings), Workload.micros(Workload.RANGE_START),
                Workload.micros(Workload.lastRangeDay(settings).plusDays(1)));
        int days = 0;
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                for (int column = 2; column <= 8; column++) {
                    rows.getDouble(column);
                }
                days++;
            }
        }
        return days;
    }

    /** The sensor and the span [from, to) in microseconds, which QuestDB takes for a TIMESTAMP column. */
    private static void bind(PreparedStatement query, ReadingSeries sensor, long from, long to) throws SQLException {
        query.setString(1, sensor.sensorId());
        query.setLong(2, from);
        query.setLong(3, to);
    }

    private long count(String name) throws SQLException {
        try (Statement statement = sql.createStatement();
                ResultSet row = statement.executeQuery("SELECT count() FROM " + name)) {
            row.next();
            return row.getLong(1);
        }
    }

    /** The table's folder under db/, which QuestDB names after the table and its id. */
    private String directory(String name) throws SQLException {
        try (PreparedStatement query = sql.prepareStatement(
                "SELECT directoryName FROM tables() WHERE table_name = ?")) {
            query.setString(1, name);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    /** "QuestDB 9.3.4", from build()'s "Build Information: QuestDB 9.3.4, JDK ..., Commit Hash ...". */
    private String version() throws SQLException {
        try (Statement statement = sql.createStatement(); ResultSet row = statement.executeQuery("SELECT build()")) {
            row.next();
            return row.getString(1).replaceFirst("^.*?(QuestDB [^,]+).*$", "$1");
        }
    }

    private void execute(String statement) throws SQLException {
        try (Statement ddl = sql.createStatement()) {
            ddl.execute(statement);
        }
    }

    private static void check(boolean holds, ResultTable table, String what) {
        if (!holds) {
            table.note("**check failed**: " + what);
        }
    }
}
