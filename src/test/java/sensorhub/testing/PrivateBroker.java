package sensorhub.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A Mosquitto broker of the tests' own (Debian's {@code mosquitto}), on a private port with a data directory of its
 * own, never the machine's broker on 1883. Persistent, with the settings the README tells an operator to make: every
 * change saved at once, queues and the in-flight window large enough for an outage.
 */
public final class PrivateBroker implements AutoCloseable {

    static final String BINARY = "/usr/sbin/mosquitto";
    private static final Duration STARTUP = Duration.ofSeconds(20);

    private final int port;
    private final Path directory;
    private Process process;

    public PrivateBroker(int port, Path directory) {
        this.port = port;
        this.directory = directory;
    }

    /** Why no broker can be started here, if none can. */
    public static Optional<String> unavailable() {
        return Files.isExecutable(Path.of(BINARY)) ? Optional.empty()
                : Optional.of("no Mosquitto at " + BINARY + ": apt-get install -y mosquitto mosquitto-clients "
                        + "(.ci/run installs them)");
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Starts it, keeping whatever its data directory holds from an earlier start. */
    public PrivateBroker start() {
        if (listening()) {
            // another broker there (one an interrupted run left) would be taken for this one, with its sessions
            throw new IllegalStateException("Port " + port + " is taken: stop what listens there first");
        }
        try {
            Files.createDirectories(directory.resolve("data"));
            Path config = directory.resolve("mosquitto.conf");
            Files.writeString(config, String.join("\n",
                    "listener " + port + " 127.0.0.1",
                    "allow_anonymous true",
                    "persistence true",
                    "persistence_location " + directory.resolve("data") + "/",
                    "autosave_on_changes true",
                    "autosave_interval 1",
                    "max_queued_messages 1000000",
                    "max_queued_bytes 0",
                    "max_inflight_messages 1000",
                    "message_size_limit 0",
                    "user root", ""));
            process = new ProcessBuilder(BINARY, "-c", config.toString())
                    .redirectErrorStream(true).redirectOutput(directory.resolve("mosquitto.log").toFile()).start();
            Process started = process;
            Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
            awaitListening();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean listening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException nothing) {
            return false;
        }
    }

    private void awaitListening() {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Mosquitto exited; see " + directory.resolve("mosquitto.log"));
                }
                sleep(100);
            }
        }
        throw new IllegalStateException("Mosquitto did not listen on " + port + " within " + STARTUP);
    }

    /** Stops it the way an operator's restart does, saving its store. */
    public void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process.destroyForcibly();
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
