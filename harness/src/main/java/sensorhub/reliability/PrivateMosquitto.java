package sensorhub.reliability;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import sensorhub.benchmark.PayaraServer;

/**
 * A Mosquitto of the check's own (Debian's {@code mosquitto}), on a private port with a data directory of its own,
 * configured as docs/mqtt.md tells an operator to: persistence saved every 10 s and on a clean stop, queues large
 * enough for a database outage, an in-flight window of 1,000. It can be stopped (SIGTERM: Mosquitto saves its store) and killed,
 * and started again on the same store.
 */
public final class PrivateMosquitto implements AutoCloseable {

    private static final String BINARY = "/usr/sbin/mosquitto";
    private static final long STARTUP_MILLIS = 20_000;

    private final Path home;
    private final int port;
    private Process process;
    private int starts;

    private PrivateMosquitto(Path home, int port) {
        this.home = home;
        this.port = port;
    }

    /** A fresh store in {@code home}, the broker started on {@code port} of the loopback address. */
    public static PrivateMosquitto start(Path home, int port) throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of(BINARY))) {
            throw new IllegalStateException("No Mosquitto at " + BINARY + ": apt-get install -y mosquitto");
        }
        PayaraServer.deleteRecursively(home);
        Files.createDirectories(home.resolve("data"));
        Files.writeString(home.resolve("mosquitto.conf"), String.join("\n",
                "listener " + port + " 127.0.0.1",
                "allow_anonymous true",
                "persistence true",
                "persistence_location " + home.resolve("data") + "/",
                "autosave_interval 10",
                "max_queued_messages 1000000",
                "max_queued_bytes 0",
                "max_inflight_messages 1000",
                // started as root, Mosquitto drops to user mosquitto, which may not write this folder: every save
                // then fails ("Permission denied") and a restart loses what the broker had acknowledged
                "user " + System.getProperty("user.name"),
                "log_dest stdout",
                "log_type error",
                "log_type warning",
                "log_type notice",
                ""));
        PrivateMosquitto broker = new PrivateMosquitto(home, port);
        broker.launch();
        return broker;
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    /** Stops it as an operator's restart does (SIGTERM: it saves its store and ends). */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Starts it again on the same store. */
    void restart() throws IOException, InterruptedException {
        launch();
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }

    private void launch() throws IOException, InterruptedException {
        Path log = home.resolve("mosquitto-" + starts++ + ".log");
        process = new ProcessBuilder(List.of(BINARY, "-c", home.resolve("mosquitto.conf").toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Process started = process;
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
        long deadline = System.currentTimeMillis() + STARTUP_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Mosquitto exited; see " + log);
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("Mosquitto did not listen on " + port + "; see " + log);
    }
}
