package sensorhub.benchmark;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.postgresql.PGConnection;
import sensorhub.benchmark.ConcurrentBatches.Body;
import sensorhub.benchmark.ReadingSeries.Slice;

/**
 * PostgreSQL 15 as a peer, in a database of its own that is dropped and made anew: one table
 * {@code readings(sensor_id, ts, value)} keyed by sensor and time (microseconds, as the service keeps them),
 * written by multi-row INSERTs and, from an empty table again, by COPY; exact quartiles by
 * {@code percentile_cont}, as the service computes them; then the 1 Hz sensor for percentiles over ranges.
 */
final class PostgresPeer {

    private static final String CREATE = "CREATE TABLE readings (sensor_id integer NOT NULL, ts bigint NOT NULL, "
            + "value double precision NOT NULL, PRIMARY KEY (sensor_id, ts))";
    private static final String COPY = "COPY readings (sensor_id, ts, value) FROM STDIN";
    private static final String STATISTICS = "count(*), min(value), "
            + "percentile_cont(array[0.25, 0.5, 0.75]) WITHIN GROUP (ORDER BY value), max(value), avg(value)";
    private static final String DAY = "SELECT " + STATISTICS
            + " FROM readings WHERE sensor_id=? AND ts>=? AND ts<?";
    private static final String YEAR = "SELECT ts / 86400000000 AS day, " + STATISTICS
            + " FROM readings WHERE sensor_id=? AND ts>=? AND ts<? GROUP BY 1 ORDER BY 1";
    private static final String RANGE = "SELECT count(*), min(value), max(value), avg(value), percentile_cont(array["
            + RangePercentiles.fractions() + "]) WITHIN GROUP (ORDER BY value) FROM readings "
            + "WHERE sensor_id=? AND ts>=? AND ts<?";
    private static final long DAY_MICROS = 86_400_000_000L;

    private final BenchmarkSettings settings;
    private final Map<String, Integer> sensorNumbers = new HashMap<>();

    private PostgresPeer(BenchmarkSettings settings) {
        this.settings = settings;
    }

    /** Runs the workload on a fresh database; the rows for multi-row INSERT and for COPY. */
    static List<PeerResult> measure(BenchmarkSettings settings, Workload workload, ResultTable table)
            throws Exception {
        return new PostgresPeer(settings).run(workload, table);
    }

    private List<PeerResult> run(Workload workload, ResultTable table) throws Exception {
        recreateDatabase();
        try (Connection connection = connect()) {
            try (Statement sql = connection.createStatement()) {
                sql.execute(CREATE);
            }
            table.note("PostgreSQL: " + version(connection) + ", the shared server's settings (fsync and "
                    + "synchronous_commit on, shared_buffers " + setting(connection, "shared_buffers")
                    + "); one transaction per batch on each path; each path's timed rounds start from an empty "
                    + String.format(Locale.ROOT, "table (TRUNCATE) after %,d warm-up readings on the same path.",
                    workload.warmup().count()));

            insert(connection, List.of(ReadingSeries.interleaved(List.of(workload.warmup()), settings.batchSize())));
            truncate(connection);
            Timed inserted = insert(connection, rounds(workload.ingest()));
            checkCount(connection, workload.ingestReadings(), "multi-row INSERT", table);
            truncate(connection);

            copy(connection, List.of(bodies(List.of(workload.warmup()))));
            truncate(connection);
            Timed copied = copy(connection, Body.ofRounds(workload.ingest(), settings.batchSize(),
                    settings.ingestRounds(), this::copyText));
            checkCount(connection, workload.ingestReadings(), "COPY", table);
            StorageSize noisy = new StorageSize(relationBytes(connection), workload.ingestReadings());

            copy(connection, List.of(bodies(List.of(workload.day(), workload.year()))));
            vacuum(connection);
            PeerQueries.Figures queries;
            try (PreparedStatement day = connection.prepareStatement(DAY);
                    PreparedStatement year = connection.prepareStatement(YEAR)) {
                queries = PeerQueries.measure(settings, d -> day(day, workload.day(), d),
                        () -> year(year, workload.year()));
            }

            truncate(connection);
            copy(connection, List.of(bodies(workload.regular())));
            StorageSize regular = new StorageSize(relationBytes(connection), workload.regularReadings());
            return List.of(
                    inserted.result("PostgreSQL 15, multi-row INSERT; percentile_cont (exact)", queries, noisy,
                            regular),
                    copied.result("PostgreSQL 15, COPY", null, null, null));
        }
    }

    /**
     * Issue 21's percentiles over ranges, in the database {@link #measure} left: the 1 Hz sensor's readings copied
     * into the emptied table (in the service's batches, rendered as they are sent: a year would not fit rendered),
     * then its ranges asked as the service's were.
     */
    static RangePercentiles.Figures percentiles(BenchmarkSettings settings, ResultTable table) throws Exception {
        return new PostgresPeer(settings).percentiles(table);
    }

    private RangePercentiles.Figures percentiles(ResultTable table) throws Exception {
        ReadingSeries series = Workload.series(settings);
        try (Connection connection = connect()) {
            truncate(connection);
            Timed copied = send(connection, List.of(ReadingSeries.interleaved(List.of(series),
                    ReadingsBenchmark.SERIES_BATCH)), writer -> {
                        ConcurrentBatches.Client<Body> copier = copier(writer);
                        return slice -> copier.write(new Body(copyText(slice), slice.size()));
                    });
            checkCount(connection, series.count(), "COPY of the 1 Hz sensor", table);
            long vacuumed = System.nanoTime();
            vacuum(connection);
            table.note(String.format(Locale.ROOT, "PostgreSQL's 1 Hz sensor: %,d readings by COPY in %.1f s, then "
                            + "VACUUM ANALYZE in %.1f s; percentile_cont with work_mem %s, "
                            + "max_parallel_workers_per_gather %s.", copied.sent().written(),
                    copied.sent().each().get(0).nanos() / 1e9, (System.nanoTime() - vacuumed) / 1e9,
                    setting(connection, "work_mem"), setting(connection, "max_parallel_workers_per_gather")));
            try (PreparedStatement range = connection.prepareStatement(RANGE)) {
                return new RangePercentiles.Figures(RangePercentiles.measure(settings, RangePercentiles.spans(settings),
                        span -> range(range, series, span)), null);
            }
        }
    }

    /** An ingest's batches and the CPU that the server and the clients used meanwhile. */
    private record Timed(ConcurrentBatches.Rounds sent, double serverCpu, double clientCpu) {

        PeerResult result(String system, PeerQueries.Figures queries, StorageSize noisy, StorageSize regular) {
            return new PeerResult(system, sent, serverCpu, "backends and server processes", clientCpu, queries,
                    noisy, regular);
        }
    }

    /** One client's writer on its own connection. */
    @FunctionalInterface
    private interface Writer<T> {
        ConcurrentBatches.Client<T> on(Connection connection) throws SQLException;
    }

    /** The series' batches in the benchmark's rounds. */
    private List<List<Slice>> rounds(List<ReadingSeries> series) {
        return ReadingSeries.rounds(series, settings.batchSize(), settings.ingestRounds());
    }

    /** Multi-row INSERTs of each round's batches, one round after the other. */
    private Timed insert(Connection monitor, List<List<Slice>> rounds) throws Exception {
        return send(monitor, rounds, this::inserter);
    }

    /** COPY of each round's bodies, one round after the other. */
    private Timed copy(Connection monitor, List<List<Body>> rounds) throws Exception {
        return send(monitor, rounds, PostgresPeer::copier);
    }

    /**
     * Sends the batches from {@code clients} connections, opened before and closed after the CPU is read: a
     * backend's CPU is read from its process while it lives.
     */
    private <T> Timed send(Connection monitor, List<List<T>> rounds, Writer<T> writer) throws Exception {
        List<Connection> connections = new ArrayList<>();
        try {
            List<ConcurrentBatches.Client<T>> clients = new ArrayList<>();
            for (int c = 0; c < settings.clients(); c++) {
                connections.add(connect());
                clients.add(writer.on(connections.get(c)));
            }
            double server = serverCpuSeconds(monitor);
            double client = ProcessCpu.client();
            ConcurrentBatches.Rounds sent = ConcurrentBatches.sendInRounds(clients, rounds);
            return new Timed(sent, serverCpuSeconds(monitor) - server, ProcessCpu.client() - client);
        } finally {
            closeAll(connections);
        }
    }

    /**
     * CPU seconds of the server's processes that can have worked for the benchmark: every backend that is not a
     * client's (checkpointer, background and WAL writers, autovacuum), the clients' backends of this benchmark's
     * database, and the postmaster, whose children's times hold those of backends and autovacuum workers that
     * ended meanwhile. PostgreSQL's statistics views count no CPU, so this reads {@code /proc}; the server is
     * shared, so other databases' clients are left out, unless theirs ended during the ingest.
     */
    private double serverCpuSeconds(Connection monitor) throws SQLException {
        Set<Long> pids = new HashSet<>();
        try (Statement sql = monitor.createStatement(); ResultSet rows = sql.executeQuery("SELECT pid FROM "
                + "pg_stat_activity WHERE backend_type <> 'client backend' OR datname = current_database()")) {
            while (rows.next()) {
                pids.add(rows.getLong(1));
            }
        }
        pids.stream().findAny().flatMap(ProcessHandle::of).flatMap(ProcessHandle::parent)
                .ifPresent(postmaster -> pids.add(postmaster.pid()));
        return ProcessCpu.seconds(pids);
    }

    /** Multi-row INSERTs: a batch's rows in one statement, prepared once per batch size. */
    private ConcurrentBatches.Client<Slice> inserter(Connection connection) {
        Map<Integer, PreparedStatement> bySize = new HashMap<>();
        return slice -> {
            PreparedStatement insert = bySize.get(slice.size());
            if (insert == null) {
                insert = connection.prepareStatement(multiRowInsert(slice.size()));
                bySize.put(slice.size(), insert);
            }
            int at = 1;
            int sensor = sensorNumber(slice.series());
            for (int i = slice.from(); i < slice.to(); i++) {
                insert.setInt(at++, sensor);
                insert.setLong(at++, slice.series().micros(i));
                insert.setDouble(at++, slice.series().value(i));
            }
            return insert.executeUpdate();
        };
    }

    /** COPY in PostgreSQL's text format, one COPY per batch. */
    private static ConcurrentBatches.Client<Body> copier(Connection connection) throws SQLException {
        var copyApi = connection.unwrap(PGConnection.class).getCopyAPI();
        return body -> copyApi.copyIn(COPY, new ByteArrayInputStream(body.bytes()));
    }

    private List<Body> bodies(List<ReadingSeries> series) {
        return Body.of(series, settings.batchSize(), this::copyText);
    }

    private byte[] copyText(Slice slice) {
        StringBuilder text = new StringBuilder(slice.size() * 32);
        int sensor = sensorNumber(slice.series());
        for (int i = slice.from(); i < slice.to(); i++) {
            text.append(sensor).append('\t').append(slice.series().micros(i)).append('\t')
                    .append(slice.series().value(i)).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private synchronized int sensorNumber(ReadingSeries series) {
        return sensorNumbers.computeIfAbsent(series.sensorId(), id -> sensorNumbers.size() + 1);
    }

    private DayStatistics day(PreparedStatement query, ReadingSeries sensor, LocalDate day) throws SQLException {
        query.setInt(1, sensorNumber(sensor));
        query.setLong(2, Workload.micros(day));
        query.setLong(3, Workload.micros(day.plusDays(1)));
        try (ResultSet row = query.executeQuery()) {
            row.next();
            Double[] quartiles = quartiles(row.getArray(3));
            return new DayStatistics(row.getLong(1), row.getDouble(2), quartiles[0], quartiles[1], quartiles[2],
                    row.getDouble(4), row.getDouble(5));
        }
    }

    private int year(PreparedStatement query, ReadingSeries sensor) throws SQLException {
        query.setInt(1, sensorNumber(sensor));
        query.setLong(2, Workload.micros(Workload.RANGE_START));
        query.setLong(3, Workload.micros(Workload.lastRangeDay(settings)) + DAY_MICROS);
        int days = 0;
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                rows.getLong(2);
                rows.getDouble(3);
                quartiles(rows.getArray(4));
                rows.getDouble(5);
                rows.getDouble(6);
                days++;
            }
        }
        return days;
    }

    private RangePercentiles.Answer range(PreparedStatement query, ReadingSeries sensor, RangePercentiles.Span span)
            throws SQLException {
        query.setInt(1, sensorNumber(sensor));
        query.setLong(2, span.from().getEpochSecond() * Workload.SECOND_MICROS);
        query.setLong(3, span.to().getEpochSecond() * Workload.SECOND_MICROS);
        try (ResultSet row = query.executeQuery()) {
            row.next();
            return new RangePercentiles.Answer(row.getLong(1), row.getDouble(2), row.getDouble(3), row.getDouble(4),
                    List.of(quartiles(row.getArray(5))));
        }
    }

    private static Double[] quartiles(Array array) throws SQLException {
        return (Double[]) array.getArray();
    }

    /** Table and index bytes after VACUUM ANALYZE, as a table that has been written and left alone holds them. */
    private static long relationBytes(Connection connection) throws SQLException {
        vacuum(connection);
        try (Statement sql = connection.createStatement();
                ResultSet row = sql.executeQuery("SELECT pg_total_relation_size('readings')")) {
            row.next();
            return row.getLong(1);
        }
    }

    private static void vacuum(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            sql.execute("VACUUM ANALYZE readings");
        }
    }

    private static void truncate(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            sql.execute("TRUNCATE readings");
        }
    }

    private static void checkCount(Connection connection, long expected, String path, ResultTable table)
            throws SQLException {
        try (Statement sql = connection.createStatement();
                ResultSet row = sql.executeQuery("SELECT count(*) FROM readings")) {
            row.next();
            if (row.getLong(1) != expected) {
                table.note("**check failed**: PostgreSQL holds " + row.getLong(1) + " readings after " + path
                        + ", expected " + expected);
            }
        }
    }

    private static String multiRowInsert(int rows) {
        StringBuilder sql = new StringBuilder("INSERT INTO readings (sensor_id, ts, value) VALUES ");
        for (int i = 0; i < rows; i++) {
            sql.append(i == 0 ? "(?,?,?)" : ",(?,?,?)");
        }
        return sql.toString();
    }

    private void recreateDatabase() throws SQLException {
        String name = settings.postgresDatabase();
        try (Connection connection = DriverManager.getConnection(url("postgres"), settings.postgresUser(), "");
                Statement sql = connection.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            sql.execute("CREATE DATABASE " + name);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url(settings.postgresDatabase()), settings.postgresUser(), "");
    }

    private String url(String database) {
        return "jdbc:postgresql://" + settings.postgresHost() + ":" + settings.postgresPort() + "/" + database;
    }

    private static String version(Connection connection) throws SQLException {
        return "PostgreSQL " + setting(connection, "server_version");
    }

    private static String setting(Connection connection, String name) throws SQLException {
        try (Statement sql = connection.createStatement(); ResultSet row = sql.executeQuery("SHOW " + name)) {
            row.next();
            return row.getString(1);
        }
    }

    private static void closeAll(List<Connection> connections) throws SQLException {
        SQLException failure = null;
        for (Connection connection : connections) {
            try {
                connection.close();
            } catch (SQLException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
