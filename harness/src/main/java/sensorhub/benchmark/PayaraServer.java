package sensorhub.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The service under test: the packaged WAR on Payara Micro, in a JVM of its own against the benchmark's database,
 * as the README runs it. Its access log records each request's server-side time ({@code %time-taken%}, whole
 * milliseconds). Closing it stops the server; a shutdown hook does too if the benchmark is interrupted. The
 * reliability suite ({@code sensorhub.reliability}) starts it the same way, through {@link Launch}.
 */
public final class PayaraServer implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofMinutes(4);
    private static final Pattern VERSION = Pattern.compile("Payara Micro \\S+ \\(build \\d+\\)");
    private static final Pattern ACCESS_LINE = Pattern.compile("^\"(\\S+) (\\S+) [^\"]*\" (\\d+) \"?(\\d+)\"?");

    private final Process process;
    private final URI base;
    private final Path accessLogs;
    private final Path log;
    private final Thread stopOnExit;
    private HeapWatch heap;

    private PayaraServer(Process process, URI base, Path accessLogs, Path log) {
        this.process = process;
        this.base = base;
        this.accessLogs = accessLogs;
        this.log = log;
        this.stopOnExit = new Thread(process::destroyForcibly, "stop-payara");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /**
     * How to start the server beside the fixed part (no Hazelcast, the MySQL driver, the access log, the WAR at
     * {@code /}): its folder (made afresh), HTTP port, JVM options, further Payara Micro options such as
     * {@code --postbootcommandfile}, and environment variables.
     */
    public record Launch(Path work, int port, List<String> jvmOptions, List<String> options,
            Map<String, String> environment) {
    }

    /** Starts the server and waits until {@code /health/ready} answers 200 (the database is reachable). */
    static PayaraServer start(Path project, BenchmarkSettings settings, BenchmarkDatabase database, String adminKey)
            throws IOException, InterruptedException {
        String postBoot = settings.postBootCommands().isEmpty()
                ? project.resolve("server-config/payara/mysql.asadmin").toString()
                : settings.postBootCommands();
        PayaraServer server = start(project, new Launch(project.resolve("target/benchmark"), settings.port(),
                Arrays.asList(settings.serverJvmOptions().trim().split("\\s+")),
                List.of("--postbootcommandfile", postBoot),
                Map.of("SENSORS_ADMIN_KEY", adminKey,
                        "SENSORS_DB_URL", database.url(),
                        "SENSORS_DB_USER", database.user(),
                        "SENSORS_DB_PASSWORD", database.password(),
                        "SENSORS_RETENTION_SWEEP_EVERY", settings.sweepEvery())));
        try {
            server.heap = HeapWatch.of(jdkBin(), server.process.pid());
            return server;
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** Starts the server as {@code launch} says and waits until {@code /health/ready} answers 200. */
    public static PayaraServer start(Path project, Launch launch) throws IOException, InterruptedException {
        PayaraServer server = launch(project, launch);
        try {
            server.awaitReady();
            return server;
        } catch (IOException | InterruptedException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** Starts the server as {@code launch} says, without waiting for it. */
    public static PayaraServer launch(Path project, Launch launch) throws IOException {
        Path accessLogs = launch.work().resolve("access");
        deleteRecursively(launch.work());
        Files.createDirectories(accessLogs);
        Path log = launch.work().resolve("server.log");

        List<String> command = new ArrayList<>();
        command.add(jdkBin().resolve("java").toString());
        command.addAll(launch.jvmOptions());
        command.addAll(List.of("-jar", project.resolve("target/server/payara-micro.jar").toString(),
                "--nohazelcast", "--port", Integer.toString(launch.port()),
                "--addlibs", project.resolve("target/server/mysql-connector-j.jar").toString(),
                "--prebootcommandfile", project.resolve("server-config/payara/hardening.asadmin").toString(),
                "--systemproperties", project.resolve("server-config/payara/system.properties").toString()));
        command.addAll(launch.options());
        command.addAll(List.of(
                "--accesslog", accessLogs.toString(),
                "--accesslogformat", "%request% %status% %time-taken%",
                "--accessloginterval", "0",
                "--deploy", project.resolve("target/sensorhub.war").toString(),
                "--contextroot", "/"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(launch.environment());

        return new PayaraServer(builder.start(), URI.create("http://127.0.0.1:" + launch.port() + "/"), accessLogs,
                log);
    }

    static Path jdkBin() {
        return Path.of(System.getProperty("java.home"), "bin");
    }

    /** Waits until {@code /health/ready} answers 200: deployed, and the database and schema are there. */
    public void awaitReady() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(base.resolve("/health/ready")).timeout(Duration.ofSeconds(10))
                .build();
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro ended while starting; see " + log);
            }
            try {
                if (http.send(ready, BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // the port opens some seconds after the JVM starts
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Payara Micro was not ready within " + STARTUP + "; see " + log);
    }

    public long pid() {
        return process.pid();
    }

    /** Where the server's console output goes. */
    public Path log() {
        return log;
    }

    public URI base() {
        return base;
    }

    /** The server's name and version as its log states them, e.g. "Payara Micro 6.2025.10 (build 42)". */
    public String version() throws IOException {
        try (Stream<String> lines = Files.lines(log)) {
            return lines.map(VERSION::matcher).filter(Matcher::find).map(Matcher::group).findFirst()
                    .orElse("Payara Micro");
        }
    }

    HeapWatch heap() {
        return heap;
    }

    /**
     * The server-side milliseconds of each {@code GET} of exactly {@code pathAndQuery}, in the order they completed
     * (for requests sent one after another, the order they were sent).
     */
    List<Integer> serverMillis(String pathAndQuery) throws IOException {
        List<Integer> millis = new ArrayList<>();
        try (Stream<Path> files = Files.list(accessLogs)) {
            for (Path file : files.sorted().toList()) {
                for (String line : Files.readAllLines(file)) {
                    Matcher entry = ACCESS_LINE.matcher(line);
                    if (entry.find() && entry.group(1).equals("GET") && entry.group(2).equals(pathAndQuery)) {
                        millis.add(Integer.parseInt(entry.group(4)));
                    }
                }
            }
        }
        return millis;
    }

    /** Ends the server at once (SIGKILL), as a crash would: no shutdown, nothing flushed. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    /** Stops the server (SIGTERM, so that Payara cleans up; killed after 30 s), and the heap watch with it. */
    @Override
    public void close() {
        if (heap != null) {
            heap.close();
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting and the hook is running or has run
        }
    }

    public static void deleteRecursively(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> paths = Files.walk(directory)) {
                for (Path path : paths.sorted((a, b) -> b.compareTo(a)).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
