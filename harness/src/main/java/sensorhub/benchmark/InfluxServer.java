package sensorhub.benchmark;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * An influxd of the benchmark's own: Debian's InfluxDB 1.6, installed by
 * {@code server-config/benchmark/install-influxdb.sh} when missing, run with a config written here (loopback only,
 * data, meta and WAL under {@code target/benchmark/influxdb}, no usage reporting, no internal monitoring
 * database, no request log). Closing it stops it; a shutdown hook does too if the benchmark is interrupted.
 */
public final class InfluxServer implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofMinutes(1);
    /** Longer than compact-full-write-cold-duration below: a quiet spell this long means compaction is done. */
    private static final Duration QUIET = Duration.ofSeconds(8);

    private final Path home;
    private final Path config;
    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Thread stopOnExit = new Thread(this::kill, "stop-influxd");
    private volatile Process process;

    private InfluxServer(Path home, Path config, URI base) {
        this.home = home;
        this.config = config;
        this.base = base;
    }

    static InfluxServer start(Path project, BenchmarkSettings settings) throws IOException, InterruptedException {
        return start(project, project.resolve("target/benchmark/influxdb"), settings.influxPort(),
                settings.influxRpcPort());
    }

    /** Installs influxd where missing and starts it with its files under {@code home} (made afresh). */
    public static InfluxServer start(Path project, Path home, int httpPort, int rpcPort)
            throws IOException, InterruptedException {
        refuseIfTaken(httpPort);
        refuseIfTaken(rpcPort);
        PayaraServer.deleteRecursively(home);
        Files.createDirectories(home);
        install(project, home.resolve("install.log"));
        Path config = home.resolve("influxdb.conf");
        Files.writeString(config, config(home, httpPort, rpcPort));
        InfluxServer server = new InfluxServer(home, config, URI.create("http://127.0.0.1:" + httpPort + "/"));
        Runtime.getRuntime().addShutdownHook(server.stopOnExit);
        try {
            server.launch();
            return server;
        } catch (IOException | InterruptedException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /**
     * InfluxDB 1.6 writes its in-memory cache (and so its WAL) into TSM files only when the cache outgrows 25 MB
     * or a shard has had no writes for cache-snapshot-write-cold-duration (10 minutes by default), and not on
     * shutdown: a restart alone leaves the WAL as it was. The short cold durations here make it write the TSM
     * files, and fully compact them, within seconds of the last write.
     */
    private static String config(Path home, int httpPort, int rpcPort) {
        return """
                reporting-enabled = false
                bind-address = "127.0.0.1:%d"
                [meta]
                  dir = "%s"
                  logging-enabled = false
                [data]
                  dir = "%s"
                  wal-dir = "%s"
                  query-log-enabled = false
                  cache-snapshot-write-cold-duration = "2s"
                  compact-full-write-cold-duration = "5s"
                [monitor]
                  store-enabled = false
                [http]
                  bind-address = "127.0.0.1:%d"
                  log-enabled = false
                [ifql]
                  enabled = false
                [continuous_queries]
                  enabled = false
                """.formatted(rpcPort, home.resolve("meta"), home.resolve("data"), home.resolve("wal"), httpPort);
    }

    private static void install(Path project, Path log) throws IOException, InterruptedException {
        Process install = new ProcessBuilder("sh",
                project.resolve("server-config/benchmark/install-influxdb.sh").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!install.waitFor(15, TimeUnit.MINUTES) || install.exitValue() != 0) {
            install.destroyForcibly();
            throw new IllegalStateException("Installing InfluxDB failed; see " + log);
        }
    }

    private void launch() throws IOException, InterruptedException {
        process = new ProcessBuilder("influxd", "-config", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("influxd.log").toFile()))
                .start();
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("influxd ended while starting; see " + home.resolve("influxd.log"));
            }
            try {
                if (ping().statusCode() == 204) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // the port opens a moment after the process starts
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("influxd did not answer /ping within " + STARTUP);
    }

    private HttpResponse<Void> ping() throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve("/ping")).timeout(Duration.ofSeconds(5)).build(),
                BodyHandlers.discarding());
    }

    public URI base() {
        return base;
    }

    long pid() {
        return process.pid();
    }

    /** "InfluxDB 1.6.7~rc0", from /ping's X-Influxdb-Version header. */
    String version() throws IOException, InterruptedException {
        return "InfluxDB " + ping().headers().firstValue("X-Influxdb-Version").orElse("1.x");
    }

    /** Stops influxd (SIGTERM, a clean shutdown) and starts it again on the same files. */
    void restart() throws IOException, InterruptedException {
        stop();
        launch();
    }

    /**
     * Waits until the databases' WAL files are gone (their cache written into TSM files) and their files have not
     * changed for {@link #QUIET}, at most {@code timeout}; whether they settled.
     */
    boolean awaitSettled(Collection<String> databases, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> last = List.of();
        long quietSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            List<String> now = listing(databases);
            if (!now.equals(last)) {
                last = now;
                quietSince = System.nanoTime();
            } else if (walBytes(databases) == 0 && System.nanoTime() - quietSince >= QUIET.toNanos()) {
                return true;
            }
            Thread.sleep(500);
        }
        return false;
    }

    /** Where influxd keeps a database's TSM files, index and series file (its WAL is elsewhere). */
    Path dataOf(String database) {
        return home.resolve("data").resolve(database);
    }

    Path walOf(String database) {
        return home.resolve("wal").resolve(database);
    }

    private long walBytes(Collection<String> databases) throws IOException {
        long bytes = 0;
        for (String database : databases) {
            bytes += StorageSize.fileLengths(walOf(database));
        }
        return bytes;
    }

    private List<String> listing(Collection<String> databases) throws IOException {
        List<String> files = new ArrayList<>();
        for (String database : databases) {
            for (Path root : List.of(dataOf(database), walOf(database))) {
                if (Files.exists(root)) {
                    try (Stream<Path> paths = Files.walk(root)) {
                        paths.filter(Files::isRegularFile).sorted()
                                .forEach(file -> files.add(file + " " + file.toFile().length()));
                    }
                }
            }
        }
        return files;
    }

    private void stop() throws InterruptedException {
        Process running = process;
        if (running == null) {
            return;
        }
        running.destroy();
        if (!running.waitFor(30, TimeUnit.SECONDS)) {
            running.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private void kill() {
        Process running = process;
        if (running != null) {
            running.destroyForcibly();
        }
    }

    @Override
    public void close() {
        try {
            stop();
        } catch (InterruptedException e) {
            kill();
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting and the hook is running or has run
        }
    }

    /** Refuses a port already taken on loopback: a server left from an earlier run would answer in ours' place. */
    static void refuseIfTaken(int port) throws IOException {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            probe.setReuseAddress(true);
        } catch (IOException taken) {
            throw new IllegalStateException("Port " + port + " on 127.0.0.1 is taken; is a server of an earlier run "
                    + "still running?", taken);
        }
    }
}
