package sensorhub.reliability;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A MariaDB server of the suite's own: a fresh data directory under {@code target/reliability/mariadb}, listening on
 * 127.0.0.1 only, with a database and a user with a password for the service. It is the only server the suite
 * kills ({@link #kill()}, SIGKILL) and restarts on the same data; the shared MariaDB on 3306 is never touched.
 * Closing it stops it; a shutdown hook does too if the run is interrupted.
 */
final class PrivateMariaDb implements AutoCloseable {

    static final String DATABASE = "sensorhub_rel";
    static final String USER = "sensorhub_rel";
    private static final long STARTUP_MILLIS = 60_000;

    private final Path home;
    private final int port;
    private final List<String> command;
    private final String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
    private final Thread stopOnExit = new Thread(this::killQuietly, "stop-private-mariadb");
    private volatile Process process;
    private int starts;

    private PrivateMariaDb(Path home, int port, List<String> command) {
        this.home = home;
        this.port = port;
        this.command = command;
    }

    /** Installs a new data directory, starts the server, and makes the service's database and user. */
    static PrivateMariaDb start(Path project, int port) throws IOException, InterruptedException, SQLException {
        refuseIfTaken(port);
        Path home = project.resolve("target/reliability/mariadb");
        deleteRecursively(home);
        Path data = home.resolve("data");
        Files.createDirectories(home);
        Path socket = home.resolve("mysqld.sock");
        if (socket.toAbsolutePath().toString().length() > 100) {
            socket = Files.createTempDirectory("sensorhub-rel-db").resolve("mysqld.sock");
        }
        List<String> asUser = isRoot() ? List.of("--user=root") : List.of();

        List<String> install = new ArrayList<>(List.of(binary("mariadb-install-db", "/usr/bin/mariadb-install-db"),
                "--no-defaults", "--datadir=" + data, "--auth-root-authentication-method=normal", "--skip-test-db"));
        install.addAll(asUser);
        run(install, home.resolve("install.log"));

        List<String> command = new ArrayList<>(List.of(binary("mariadbd", "/usr/sbin/mariadbd"),
                "--no-defaults", "--datadir=" + data, "--port=" + port, "--bind-address=127.0.0.1",
                "--socket=" + socket, "--pid-file=" + home.resolve("mariadbd.pid"),
                "--log-error=" + home.resolve("error.log"), "--max-connections=300"));
        command.addAll(asUser);
        PrivateMariaDb server = new PrivateMariaDb(home, port, command);
        Runtime.getRuntime().addShutdownHook(server.stopOnExit);
        try {
            server.launch();
            server.awaitAccepting(STARTUP_MILLIS);
            server.createDatabaseAndUser();
            return server;
        } catch (IOException | InterruptedException | SQLException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** JDBC URL of the service's database, as {@code SENSORS_DB_URL} takes it. */
    String url() {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + DATABASE;
    }

    String user() {
        return USER;
    }

    String password() {
        return password;
    }

    int port() {
        return port;
    }

    Path home() {
        return home;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url() + "?connectTimeout=2000&socketTimeout=60000", USER, password);
    }

    String version() throws SQLException {
        try (Connection connection = connect(); Statement sql = connection.createStatement();
                ResultSet row = sql.executeQuery("SELECT VERSION()")) {
            row.next();
            return row.getString(1);
        }
    }

    /** SIGKILL: the server gets no chance to flush or close anything, as in a crash. */
    void kill() throws InterruptedException {
        Process running = process;
        running.destroyForcibly();
        if (!running.waitFor(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("The private MariaDB did not end after SIGKILL");
        }
    }

    /** Starts the server again on the same data directory and port (after {@link #kill()}). */
    void restart() throws IOException {
        launch();
    }

    /**
     * Waits until a new connection succeeds and answers {@code SELECT 1}, polling every 20 ms; the
     * {@link System#nanoTime()} of that success.
     */
    long awaitAccepting(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        String root = "jdbc:mysql://127.0.0.1:" + port + "/?connectTimeout=500&socketTimeout=2000";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The private MariaDB ended while starting; see "
                        + home.resolve("error.log"));
            }
            try (Connection connection = DriverManager.getConnection(root, "root", "");
                    Statement sql = connection.createStatement()) {
                sql.execute("SELECT 1");
                return System.nanoTime();
            } catch (SQLException notYet) {
                Thread.sleep(20);
            }
        }
        throw new IllegalStateException("The private MariaDB did not accept connections within " + timeoutMillis
                + " ms; see " + home.resolve("error.log"));
    }

    /** Stops the server (SIGTERM, so that it shuts down cleanly; killed after 30 s). */
    @Override
    public void close() {
        Process running = process;
        if (running != null && running.isAlive()) {
            running.destroy();
            try {
                if (!running.waitFor(30, TimeUnit.SECONDS)) {
                    running.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                running.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting and the hook is running or has run
        }
    }

    private void launch() throws IOException {
        starts++;
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(home.resolve("console-" + starts + ".log").toFile()).start();
    }

    private void killQuietly() {
        Process running = process;
        if (running != null) {
            running.destroyForcibly();
        }
    }

    private void createDatabaseAndUser() throws SQLException {
        String root = "jdbc:mysql://127.0.0.1:" + port + "/";
        try (Connection connection = DriverManager.getConnection(root, "root", "");
                Statement sql = connection.createStatement()) {
            sql.execute("CREATE DATABASE " + DATABASE + " CHARACTER SET utf8mb4");
            for (String host : List.of("localhost", "127.0.0.1")) {
                String account = "'" + USER + "'@'" + host + "'";
                sql.execute("CREATE USER " + account + " IDENTIFIED BY '" + password + "'");
                sql.execute("GRANT ALL ON " + DATABASE + ".* TO " + account);
            }
        }
    }

    /** A port in use may be another run's server or someone else's: never take it over, never kill it. */
    private static void refuseIfTaken(int port) throws IOException {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            probe.setReuseAddress(true);
        } catch (IOException taken) {
            throw new IllegalStateException("Port " + port + " on 127.0.0.1 is in use; a private MariaDB left by an "
                    + "earlier run would have its pid in target/reliability/mariadb/mariadbd.pid", taken);
        }
    }

    /** {@code command -v name}, else the usual Debian place. */
    private static String binary(String name, String fallback) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        if (Files.isExecutable(Path.of(fallback))) {
            return fallback;
        }
        throw new IllegalStateException(name + " is neither on the PATH nor at " + fallback
                + "; install the MariaDB server package");
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void run(List<String> command, Path log) throws IOException, InterruptedException {
        Process install = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!install.waitFor(2, TimeUnit.MINUTES) || install.exitValue() != 0) {
            install.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed; see " + log);
        }
    }

    static void deleteRecursively(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> paths = Files.walk(directory)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
