package sensorhub.benchmark;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * VictoriaMetrics 1.79 (Debian's) as an ingest peer: the workload written as InfluxDB line protocol to its
 * {@code /write} ({@code precision=u}), as its users' agents write it, and made searchable at once
 * ({@code /internal/force_flush}) before its readings are counted back. Its ingest and the bytes its data folder
 * grew by are measured; its statistics are not (MetricsQL's quantiles are not the service's), so the peers table
 * says so in those cells.
 */
final class VictoriaPeer {

    static final String METRIC = InfluxPeer.MEASUREMENT + "_value";
    private static final Duration STARTUP = Duration.ofMinutes(1);
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final BenchmarkSettings settings;
    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final Path data;
    private Process process;

    private VictoriaPeer(BenchmarkSettings settings, Path data) {
        this.settings = settings;
        this.data = data;
        this.base = URI.create("http://127.0.0.1:" + settings.victoriaPort() + "/");
    }

    /** Installs and starts VictoriaMetrics, runs the ingest on it, stops it; its row of the peers table. */
    static PeerResult measure(Path project, BenchmarkSettings settings, Workload workload, ResultTable table)
            throws Exception {
        Path home = project.resolve("target/benchmark/victoria-metrics");
        PayaraServer.deleteRecursively(home);
        Files.createDirectories(home);
        Path script = project.resolve("server-config/benchmark/install-victoria-metrics.sh");
        Process install = new ProcessBuilder("sh", script.toString()).redirectErrorStream(true)
                .redirectOutput(home.resolve("install.log").toFile()).start();
        if (install.waitFor() != 0) {
            throw new IllegalStateException("installing VictoriaMetrics failed; see " + home.resolve("install.log"));
        }
        VictoriaPeer peer = new VictoriaPeer(settings, home.resolve("data"));
        try {
            peer.start(home.resolve("victoria-metrics.log"));
            return peer.run(workload, table);
        } finally {
            peer.stop();
        }
    }

    private void start(Path log) throws IOException, InterruptedException {
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

    private PeerResult run(Workload workload, ResultTable table) throws Exception {
        table.note("VictoriaMetrics 1.79 (Debian), single node, -retentionPeriod=100y, its own data folder "
                + "(target/benchmark/victoria-metrics/data); line protocol on /write, made searchable by "
                + "/internal/force_flush after each ingest; bytes: du of the data folder after /internal/force_merge.");
        ConcurrentBatches.send(writer(), ConcurrentBatches.Body.of(List.of(workload.warmup()), settings.batchSize(),
                VictoriaPeer::lineProtocol));
        flush();
        long before = StorageSize.onDisk(data);
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
        long stored = count(workload);
        if (stored != workload.ingestReadings()) {
            table.note("**check failed**: VictoriaMetrics holds " + stored + " readings of the ingest, of "
                    + workload.ingestReadings());
        }
        get("/internal/force_merge?partition_prefix=");
        Thread.sleep(Duration.ofSeconds(5).toMillis());
        StorageSize noisy = new StorageSize(StorageSize.onDisk(data) - before, workload.ingestReadings());
        table.note(String.format(Locale.ROOT, "VictoriaMetrics: the flush after the ingest took %.0f ms (not in its "
                + "rate); its statistics are not measured here.", flushMillis));
        return new PeerResult("VictoriaMetrics 1.79 (Debian), HTTP line protocol; statistics not measured", ingest,
                cpu, "victoria-metrics", client, null, noisy, null);
    }

    private static byte[] lineProtocol(ReadingSeries.Slice slice) {
        return slice.lineProtocol(InfluxPeer.MEASUREMENT);
    }

    private List<ConcurrentBatches.Client<ConcurrentBatches.Body>> writer() {
        URI uri = base.resolve("/write?precision=u");
        ConcurrentBatches.Client<ConcurrentBatches.Body> client = body -> {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                    .POST(BodyPublishers.ofByteArray(body.bytes())).build(), BodyHandlers.ofString());
            if (answer.statusCode() != 204) {
                throw new IllegalStateException("VictoriaMetrics refused a batch: " + answer.statusCode() + " "
                        + answer.body());
            }
            return body.readings();
        };
        return ConcurrentBatches.shared(client, settings.clients());
    }

    private void flush() throws IOException, InterruptedException {
        HttpResponse<String> answer = get("/internal/force_flush");
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("VictoriaMetrics did not flush: " + answer.statusCode());
        }
    }

    /** The ingest sensors' readings it holds, counted over all time. */
    private long count(Workload workload) throws IOException, InterruptedException {
        String sensors = workload.ingest().stream().map(ReadingSeries::sensorId).collect(Collectors.joining("|"));
        String query = "sum(count_over_time(" + METRIC + "{sensor_id=~\"" + sensors + "\"}[3650d]))";
        HttpResponse<String> answer = get("/api/v1/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        JsonArray result = Json.createReader(new StringReader(answer.body())).readObject().getJsonObject("data")
                .getJsonArray("result");
        return result.isEmpty() ? 0 : Long.parseLong(result.getJsonObject(0).getJsonArray("value").getString(1));
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).GET().build(),
                BodyHandlers.ofString());
    }
}
