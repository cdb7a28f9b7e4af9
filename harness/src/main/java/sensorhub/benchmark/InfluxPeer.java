package sensorhub.benchmark;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import sensorhub.benchmark.ConcurrentBatches.Body;

/**
 * InfluxDB 1.6 as a peer: the workload written by HTTP {@code POST /write} in line protocol ({@code precision=u}),
 * one measurement {@code readings} with the sensor as tag and the value as field, and the statistics asked in
 * InfluxQL. Ingest, query and regular data go to three databases, so that each database's files hold exactly the
 * readings whose bytes are counted; Grafana's panel ({@link GrafanaPanel}) reads its day from the query database.
 * InfluxQL's {@code percentile} is nearest-rank, not interpolated: its quartiles differ from the service's and
 * PostgreSQL's (its {@code median} is exact).
 */
final class InfluxPeer {

    static final String MEASUREMENT = "readings";
    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    private static final String STATISTICS = "SELECT count(value), min(value), percentile(value, 25), median(value), "
            + "percentile(value, 75), max(value), mean(value) FROM " + MEASUREMENT;

    private final BenchmarkSettings settings;
    private final InfluxServer server;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String ingestDb;
    private final String queryDb;
    private final String regularDb;

    private InfluxPeer(BenchmarkSettings settings, InfluxServer server) {
        this.settings = settings;
        this.server = server;
        this.ingestDb = settings.database();
        this.queryDb = settings.database() + "_queries";
        this.regularDb = settings.database() + "_regular";
    }

    /** Starts influxd, runs the workload on it, stops it; its row of the peers table. */
    static PeerResult measure(Path project, BenchmarkSettings settings, Workload workload,
            ResultTable table, GrafanaPanel grafana) throws Exception {
        try (InfluxServer server = InfluxServer.start(project, settings)) {
            return new InfluxPeer(settings, server).run(workload, table, grafana);
        }
    }

    private PeerResult run(Workload workload, ResultTable table, GrafanaPanel grafana) throws Exception {
        table.note("InfluxDB: " + server.version() + " (Debian), influxd with the benchmark's own config "
                + "(target/benchmark/influxdb/influxdb.conf: default engine and inmem index, 7-day shards, "
                + "WAL fsync on each write; no monitoring store, no request log).");
        for (String db : List.of(ingestDb, queryDb, regularDb)) {
            query(db, "CREATE DATABASE " + db, "POST");
        }
        write(queryDb, bodies(List.of(workload.warmup())));
        List<List<Body>> rounds = Body.ofRounds(workload.ingest(), settings.batchSize(), settings.ingestRounds(),
                InfluxPeer::lineProtocol);
        double cpu = ProcessCpu.seconds(server.pid());
        double client = ProcessCpu.client();
        ConcurrentBatches.Rounds ingest = ConcurrentBatches.sendInRounds(writer(ingestDb), rounds);
        double afterIngest = ProcessCpu.seconds(server.pid());
        cpu = afterIngest - cpu;
        client = ProcessCpu.client() - client;
        check(ingest.written() == workload.ingestReadings(), table, "InfluxDB took " + ingest.written()
                + " readings of " + workload.ingestReadings());
        // Unlike MariaDB and PostgreSQL, influxd defers most of its storing work (compressing into TSM files).
        boolean written = server.awaitSettled(List.of(ingestDb), Duration.ofMinutes(3));
        double deferred = ProcessCpu.seconds(server.pid()) - afterIngest;
        String parts = String.format(Locale.ROOT, "influxd; %s%.1f s more writing its TSM files after",
                written ? "" : "not settled: ", deferred * 1e6 / ingest.written());

        write(queryDb, bodies(List.of(workload.day(), workload.year())));
        write(queryDb, grafana.day());
        write(regularDb, bodies(workload.regular()));
        List<String> all = List.of(ingestDb, queryDb, regularDb);
        boolean settled = server.awaitSettled(all, Duration.ofMinutes(3));
        server.restart();
        settled &= server.awaitSettled(all, Duration.ofMinutes(1));
        check(settled, table, "InfluxDB's files were still changing when they were measured");
        StorageSize noisy = new StorageSize(StorageSize.onDisk(server.dataOf(ingestDb)), workload.ingestReadings());
        StorageSize regular = new StorageSize(StorageSize.onDisk(server.dataOf(regularDb)),
                workload.regularReadings());
        long wal = StorageSize.fileLengths(server.walOf(ingestDb)) + StorageSize.fileLengths(server.walOf(regularDb));
        long stored = count(ingestDb);
        check(stored == workload.ingestReadings(), table, "InfluxDB holds " + stored + " readings of the ingest, of "
                + workload.ingestReadings());
        table.note(String.format(Locale.ROOT, "InfluxDB's bytes: blocks on disk (du) of data/<database> after its "
                        + "cache was written into TSM files and influxd was restarted; the database's series file "
                        + "is sparse (%,d bytes long, %,d on disk in the ingest database). WAL files left: %,d "
                        + "bytes%s.",
                StorageSize.fileLengths(server.dataOf(ingestDb).resolve("_series")),
                StorageSize.onDisk(server.dataOf(ingestDb).resolve("_series")), wal,
                wal == 0 ? "" : " (not counted)"));

        PeerQueries.Figures queries = PeerQueries.measure(settings, this::day, this::year);
        grafana.time(List.of(new GrafanaPanel.Panel("InfluxDB 1.6, InfluxQL on /query", GrafanaPanel.Format.INFLUXQL,
                () -> answer(queryDb, "ms", grafana.influxQl(), "GET"))));
        return new PeerResult("InfluxDB 1.6 (Debian), HTTP line protocol; quartiles nearest-rank", ingest, cpu,
                parts, client, queries, noisy, regular);
    }

    private List<Body> bodies(List<ReadingSeries> series) {
        return Body.of(series, settings.batchSize(), InfluxPeer::lineProtocol);
    }

    private static byte[] lineProtocol(ReadingSeries.Slice slice) {
        return slice.lineProtocol(MEASUREMENT);
    }

    /** Writes the bodies from {@code clients} clients, each batch one request answered 204 once stored. */
    private ConcurrentBatches.Sent write(String db, List<Body> bodies) throws Exception {
        return ConcurrentBatches.send(writer(db), bodies);
    }

    /** {@code clients} clients writing into {@code db}. */
    private List<ConcurrentBatches.Client<Body>> writer(String db) {
        return ConcurrentBatches.posting(http, server.base().resolve("/write?db=" + db + "&precision=u"), "InfluxDB",
                settings.clients());
    }

    private DayStatistics day(LocalDate day) throws Exception {
        JsonArray values = series(query(queryDb, STATISTICS + " WHERE sensor_id='bench-day'"
                + " AND time >= " + Workload.micros(day) + "u AND time < " + Workload.micros(day.plusDays(1)) + "u",
                "GET")).getJsonArray(0);
        return new DayStatistics(values.getJsonNumber(1).longValue(), number(values, 2), number(values, 3),
                number(values, 4), number(values, 5), number(values, 6), number(values, 7));
    }

    private int year() throws Exception {
        LocalDate end = Workload.lastRangeDay(settings).plusDays(1);
        return series(query(queryDb, STATISTICS + " WHERE sensor_id='bench-year' AND time >= "
                + Workload.micros(Workload.RANGE_START) + "u AND time < " + Workload.micros(end)
                + "u GROUP BY time(1d)", "GET")).size();
    }

    private long count(String db) throws Exception {
        JsonArray values = series(query(db, "SELECT count(value) FROM " + MEASUREMENT, "GET"));
        return values.isEmpty() ? 0 : values.getJsonArray(0).getJsonNumber(1).longValue();
    }

    /** The values of the answer's one series; an empty array when it has none. */
    private static JsonArray series(JsonObject answer) {
        JsonObject result = answer.getJsonArray("results").getJsonObject(0);
        if (result.containsKey("error")) {
            throw new IllegalStateException("InfluxQL error: " + result.getString("error"));
        }
        return result.containsKey("series")
                ? result.getJsonArray("series").getJsonObject(0).getJsonArray("values")
                : Json.createArrayBuilder().build();
    }

    private JsonObject query(String db, String influxql, String method) throws IOException, InterruptedException {
        return Json.createReader(new StringReader(answer(db, "u", influxql, method))).readObject();
    }

    /** The answer's body as read, times in the {@code epoch} unit. */
    private String answer(String db, String epoch, String influxql, String method)
            throws IOException, InterruptedException {
        String form = "db=" + db + "&epoch=" + epoch + "&q=" + URLEncoder.encode(influxql, StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder().timeout(TIMEOUT);
        if (method.equals("POST")) {
            request.uri(server.base().resolve("/query")).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(BodyPublishers.ofString(form));
        } else {
            request.uri(server.base().resolve("/query?" + form)).GET();
        }
        HttpResponse<String> answer = http.send(request.build(), BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("InfluxDB answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer.body();
    }

    private static double number(JsonArray values, int index) {
        return values.isNull(index) ? Double.NaN : values.getJsonNumber(index).doubleValue();
    }

    private static void check(boolean holds, ResultTable table, String what) {
        if (!holds) {
            table.note("**check failed**: " + what);
        }
    }
}
