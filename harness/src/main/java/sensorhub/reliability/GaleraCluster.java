package sensorhub.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The three Galera nodes and the HAProxy in front of them, as {@code server-config/cluster/cluster.sh} runs them
 * on loopback, with their data under {@code target/cluster}. Node 1 is the writer behind HAProxy's write port.
 * Closing it stops all that the script started.
 */
final class GaleraCluster implements AutoCloseable {

    static final int WRITE_PORT = 13300;
    static final int READ_PORT = 13301;
    static final int HTTP_PORT = 18080;
    static final String DATABASE = "sensorhub";
    static final String USER = "sensorhub";
    static final String PASSWORD = "cluster-secret";
    /** A line of HAProxy's log that says a server went up or down: time, proxy/server, state, reason. */
    private static final Pattern SERVER_CHANGE =
            Pattern.compile("^(\\S+) Server (\\S+) is (UP|DOWN)(?:, reason: ([^,]+))?");

    private final Path script;
    private final Path work;

    private GaleraCluster(Path project) {
        this.script = project.resolve("server-config/cluster/cluster.sh");
        this.work = project.resolve("target/cluster");
    }

    /** Starts the three nodes, creates the service's database and user, and starts HAProxy. */
    static GaleraCluster up(Path project) throws IOException, InterruptedException {
        GaleraCluster cluster = new GaleraCluster(project);
        try {
            cluster.run(600, "up");
            return cluster;
        } catch (IOException | RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    static int nodePort(int node) {
        return 13305 + node;
    }

    Path work() {
        return work;
    }

    /**
     * HAProxy's server state changes from its log ({@code Server db_write/node1 is DOWN, reason: ...}) between the
     * two instants, each with its time after {@code from}: which node took the writes when, and why.
     */
    List<String> serverChanges(Instant from, Instant to) throws IOException {
        Path log = work.resolve("haproxy.log");
        List<String> changes = new ArrayList<>();
        if (!Files.exists(log)) {
            return changes;
        }
        for (String line : Files.readAllLines(log)) {
            Matcher change = SERVER_CHANGE.matcher(line);
            if (!change.find()) {
                continue;
            }
            Instant at = OffsetDateTime.parse(change.group(1)).toInstant();
            if (!at.isBefore(from) && !at.isAfter(to)) {
                changes.add(String.format(Locale.ROOT, "%s %s at +%.1f s%s", change.group(2), change.group(3),
                        Duration.between(from, at).toMillis() / 1000.0,
                        change.group(4) == null ? "" : " (" + change.group(4) + ")"));
            }
        }
        return changes;
    }

    void killNode(int node) throws IOException, InterruptedException {
        run(30, "kill-node", Integer.toString(node));
    }

    /** Starts the node again and waits until it has rejoined and is synced. */
    void startNode(int node) throws IOException, InterruptedException {
        run(180, "start-node", Integer.toString(node));
    }

    void awaitSynced() throws IOException, InterruptedException {
        run(180, "wait-synced");
    }

    /** A JDBC URL of the service's database on a node or HAProxy port; each read waits for the writes before it. */
    static String url(int port) {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + DATABASE + "?sessionVariables=wsrep_sync_wait=1";
    }

    /** A connection to one node itself, as the service's user. */
    Connection connect(int node) throws SQLException {
        return DriverManager.getConnection(url(nodePort(node)) + "&connectTimeout=2000&socketTimeout=120000", USER,
                PASSWORD);
    }

    private void run(int timeoutSeconds, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", script.toString()));
        command.addAll(List.of(arguments));
        Files.createDirectories(work);
        Path log = work.resolve("cluster-commands.log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("CLUSTER_WORK", work.toString());
        builder.environment().put("CLUSTER_DB_PASSWORD", PASSWORD);
        Process process = builder.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("cluster.sh " + String.join(" ", arguments) + " took over "
                    + timeoutSeconds + " s; see " + log);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("cluster.sh " + String.join(" ", arguments) + " failed; see " + log);
        }
    }

    @Override
    public void close() {
        try {
            run(120, "down");
        } catch (IOException | RuntimeException e) {
            System.err.println("Stopping the cluster failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
