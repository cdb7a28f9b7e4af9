package sensorhub.benchmark;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * VictoriaMetrics 1.79 (Debian's) as a peer: the workload written as InfluxDB line protocol to its {@code /write}
 * ({@code precision=u}), as its users' agents write it, and made searchable at once ({@code /internal/force_flush});
 * the statistics asked in MetricsQL, each over the lookbehind window {@code (t-1d, t]} that ends at a day's last
 * millisecond, so that it holds exactly that UTC day's readings. {@code quantiles_over_time} interpolates linearly,
 * as numpy and the service do. The regular data go to a second VictoriaMetrics with a data folder of its own, so
 * that the bytes they take are told apart from the rest.
 */
final class VictoriaPeer {

    static final String METRIC = InfluxPeer.MEASUREMENT + "_value";
    private static final String SYSTEM = "VictoriaMetrics 1.79";
    private static final Duration STARTUP = Duration.ofMinutes(1);
    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    /** How long a data folder's size must stay the same for a forced merge to count as done. */
    private static final Duration QUIET = Duration.ofSeconds(3);

    private final BenchmarkSettings settings;
    private final Path home;
    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private Path data;
    private Process process;

    private VictoriaPeer(BenchmarkSettings settings, Path home) {
        this.settings = settings;
        this.home = home;
        this.base = URI.create("http://127.0.0.1:" + settings.victoriaPort() + "/");
    }

    /** Installs VictoriaMetrics, runs the workload on it, stops it; its row of the peers table. */
    static PeerResult measure(Path project, BenchmarkSettings settings, Workload workload, ResultTable table,
            GrafanaPanel grafana) throws Exception {
        Path home = project.resolve("target/benchmark/victoria-metrics");
        PayaraServer.deleteRecursively(home);
        Files.createDirectories(home);
        Path script = project.resolve("server-config/benchmark/install-victoria-metrics.sh");
        Process install = new ProcessBuilder("sh", script.toString()).redirectErrorStream(true)
                .redirectOutput(home.resolve("install.log").toFile()).start();
        if (install.waitFor() != 0) {
            throw new IllegalStateException("installing VictoriaMetrics failed; see " + home.resolve("install.log"));
        }
        VictoriaPeer peer = new VictoriaPeer(settings, home);
        try {
            return peer.run(workload, table, grafana);
        } finally {
            peer.stop();
        }
    }

    /** Starts a VictoriaMetrics on the data folder {@code folder} under its home. */
    private void start(String folder) throws IOException, InterruptedException {
        data = home.resolve(folder);
        Path log = home.resolve(folder + ".log");
        process = new ProcessBuilder("victoria-metrics", "-storageDataPath=" + data,
                "-httpListenAddr=127.0.0.1:" + settings.victoriaPort(), "-retentionPeriod=100y", "-loggerLevel=ERROR")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("VictoriaMetrics ended while starting; see " + log);
            }
            try {
                if (get("/health").statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // the port opens a moment after the process starts
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("VictoriaMetrics did not answer /health within " + STARTUP);
    }

    private void stop() {
        if (process != null) {
            process.destroy();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private PeerResult run(Workload workload, ResultTable table, GrafanaPanel grafana) throws Exception {
        start("data");
        table.note("VictoriaMetrics 1.79 (Debian), single node, -retentionPeriod=100y, its own data folder "
                + "(target/benchmark/victoria-metrics/data); line protocol on /write, made searchable by "
                + "/internal/force_flush after each ingest. Bytes: du of the data folder once /internal/force_merge "
                + "has merged its parts (its size unchanged for " + QUIET.toSeconds() + " s): noisy, its growth over "
                + "the timed ingest; regular, a second VictoriaMetrics on a data folder of its own "
                + "(data-regular), its growth from empty over the regular data. Statistics: one MetricsQL query "
                + "(count_over_time, min_over_time, max_over_time, avg_over_time, quantiles_over_time(\"stat\", 0.25, "
                + "0.5, 0.75, ...) over [1d], joined by union) with nocache=1, so that it computes them at every "
                + "query; the day by /api/v1/query at the day's last millisecond, whose window (t-1d, t] is that "
                + "UTC day; the year by /api/v1/query_range from the first day's last millisecond, step 1d.");
        ConcurrentBatches.send(writer(), ConcurrentBatches.Body.of(List.of(workload.warmup()), settings.batchSize(),
                VictoriaPeer::lineProtocol));
        flush();
        long before = merged();
        List<List<ConcurrentBatches.Body>> rounds = ConcurrentBatches.Body.ofRounds(workload.ingest(),
                settings.batchSize(), settings.ingestRounds(), VictoriaPeer::lineProtocol);
        double cpu = ProcessCpu.seconds(process.pid());
        double client = ProcessCpu.client();
        ConcurrentBatches.Rounds ingest = ConcurrentBatches.sendInRounds(writer(), rounds);
        long flushStart = System.nanoTime();
        flush();
        double flushMillis = (System.nanoTime() - flushStart) / 1e6;
        cpu = ProcessCpu.seconds(process.pid()) - cpu;
        client = ProcessCpu.client() - client;
        long stored = count(workload.ingest());
        if (stored != workload.ingestReadings()) {
            table.note("**check failed**: VictoriaMetrics holds " + stored + " readings of the ingest, of "
                    + workload.ingestReadings());
        }
        StorageSize noisy = new StorageSize(merged() - before, workload.ingestReadings());

        ConcurrentBatches.send(writer(), ConcurrentBatches.Body.of(List.of(workload.day(), workload.year()),
                settings.batchSize(), VictoriaPeer::lineProtocol));
        ConcurrentBatches.send(writer(), grafana.day());
        flush();
        PeerQueries.Figures queries = PeerQueries.measure(settings, this::day, this::year);
        grafana.time(List.of(
                new GrafanaPanel.Panel(SYSTEM + ", MetricsQL on /api/v1/query_range as Grafana sends it (its "
                        + "rollup result cache answers repeats)", GrafanaPanel.Format.PROMETHEUS,
                        () -> get(grafana.prometheusPath(true)).body()),
                new GrafanaPanel.Panel(SYSTEM + ", the same with nocache=1 (computed at every query)",
                        GrafanaPanel.Format.PROMETHEUS, () -> get(grafana.prometheusPath(false)).body())));

        StorageSize regular = regular(workload.regular(), table);
        table.note(String.format(Locale.ROOT, "VictoriaMetrics: the flush after the ingest took %.0f ms (not in its "
                + "rate).", flushMillis));
        return new PeerResult(SYSTEM + " (Debian), HTTP line protocol; quartiles linear", ingest, cpu,
                "victoria-metrics", client, queries, noisy, regular);
    }

    /** The bytes the regular data take in a VictoriaMetrics of their own, over those it took empty. */
    private StorageSize regular(List<ReadingSeries> series, ResultTable table) throws Exception {
        stop();
        start("data-regular");
        long empty = merged();
        ConcurrentBatches.send(writer(), ConcurrentBatches.Body.of(series, settings.batchSize(),
                VictoriaPeer::lineProtocol));
        flush();
        long expected = series.stream().mapToLong(ReadingSeries::count).sum();
        long stored = count(series);
        if (stored != expected) {
            table.note("**check failed**: VictoriaMetrics holds " + stored + " regular readings, of " + expected);
        }
        return new StorageSize(merged() - empty, expected);
    }

    private static byte[] lineProtocol(ReadingSeries.Slice slice) {
        return slice.lineProtocol(InfluxPeer.MEASUREMENT);
    }

    private List<ConcurrentBatches.Client<ConcurrentBatches.Body>> writer() {
        return ConcurrentBatches.posting(http, base.resolve("/write?precision=u"), "VictoriaMetrics",
                settings.clients());
    }

    private void flush() throws IOException, InterruptedException {
        HttpResponse<String> answer = get("/internal/force_flush");
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("VictoriaMetrics did not flush: " + answer.statusCode());
        }
    }

    /**
     * The data folder's bytes on disk once its parts are merged: {@code /internal/force_merge} merges in the
     * background, so its size is read until it stays the same for {@link #QUIET} (at most a minute).
     */
    private long merged() throws IOException, InterruptedException {
        get("/internal/force_merge?partition_prefix=");
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        long bytes = StorageSize.onDisk(data);
        long quietSince = System.nanoTime();
        while (System.nanoTime() - quietSince < QUIET.toNanos() && System.nanoTime() < deadline) {
            Thread.sleep(500);
            long now = StorageSize.onDisk(data);
            if (now != bytes) {
                bytes = now;
                quietSince = System.nanoTime();
            }
        }
        return bytes;
    }

    /** The series' readings it holds, counted over all time. */
    private long count(List<ReadingSeries> series) throws IOException, InterruptedException {
        String sensors = series.stream().map(ReadingSeries::sensorId).collect(Collectors.joining("|"));
        JsonArray result = result("/api/v1/query?query=" + encode("sum(count_over_time(" + METRIC + "{sensor_id=~\""
                + sensors + "\"}[3650d]))"));
        return result.isEmpty() ? 0 : Long.parseLong(result.getJsonObject(0).getJsonArray("value").getString(1));
    }

    private DayStatistics day(LocalDate day) throws Exception {
        Map<String, Double> stats = new HashMap<>();
        for (JsonValue series : result("/api/v1/query?nocache=1&time=" + lastMillisecond(day) + "&query="
                + encode(statistics(Workload.day(settings).sensorId())))) {
            JsonObject one = series.asJsonObject();
            stats.put(one.getJsonObject("metric").getString("stat"),
                    Double.parseDouble(one.getJsonArray("value").getString(1)));
        }
        return new DayStatistics(stats.getOrDefault("count", 0d).longValue(), stat(stats, "min"), stat(stats, "0.25"),
                stat(stats, "0.5"), stat(stats, "0.75"), stat(stats, "max"), stat(stats, "mean"));
    }

    /** The days of the range answered with exactly a day's readings counted. */
    private int year() throws Exception {
        JsonArray result = result("/api/v1/query_range?nocache=1&start=" + lastMillisecond(Workload.RANGE_START)
                + "&end=" + lastMillisecond(Workload.lastRangeDay(settings)) + "&step=86400&query="
                + encode(statistics(Workload.year(settings).sensorId())));
        for (JsonValue series : result) {
            if (series.asJsonObject().getJsonObject("metric").getString("stat").equals("count")) {
                return (int) series.asJsonObject().getJsonArray("values").stream()
                        .filter(point -> Long.parseLong(point.asJsonArray().getString(1))
                                == settings.rangeReadingsPerDay())
                        .count();
            }
        }
        return 0;
    }

    /** A day's statistics of one sensor in one query, each series labelled by {@code stat}. */
    private static String statistics(String sensor) {
        return String.format(Locale.ROOT, "union(label_set(count_over_time(%1$s), \"stat\", \"count\"), "
                + "label_set(min_over_time(%1$s), \"stat\", \"min\"), label_set(max_over_time(%1$s), \"stat\", "
                + "\"max\"), label_set(avg_over_time(%1$s), \"stat\", \"mean\"), quantiles_over_time(\"stat\", "
                + "0.25, 0.5, 0.75, %1$s))", METRIC + "{sensor_id=\"" + sensor + "\"}[1d]");
    }

    /** The day's last millisecond in seconds, as MetricsQL's {@code time} takes it: VictoriaMetrics keeps ms. */
    private static String lastMillisecond(LocalDate day) {
        long millis = Workload.micros(day.plusDays(1)) / 1000 - 1;
        return String.format(Locale.ROOT, "%d.%03d", millis / 1000, millis % 1000);
    }

    private static double stat(Map<String, Double> stats, String name) {
        return stats.getOrDefault(name, Double.NaN);
    }

    /** The {@code data.result} of a query's answer, which must be a success. */
    private JsonArray result(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> answer = get(pathAndQuery);
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("VictoriaMetrics answered " + answer.statusCode() + ": " + answer.body());
        }
        return Json.createReader(new StringReader(answer.body())).readObject().getJsonObject("data")
                .getJsonArray("result");
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).GET().build(),
                BodyHandlers.ofString());
    }
}
