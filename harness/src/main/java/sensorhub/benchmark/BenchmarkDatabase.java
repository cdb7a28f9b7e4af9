package sensorhub.benchmark;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sensorhub.blocks.control.BlockCodec;

/**
 * The benchmark's own MariaDB database and user, made afresh for every run, and plain JDBC on it: the baseline
 * the service is held against, writing and reading the same table the service does.
 */
final class BenchmarkDatabase {

    /** The baseline's own table: a row per reading, clustered by sensor and time, as the service kept them before. */
    static final String RAW_TABLE = "CREATE TABLE IF NOT EXISTS raw_readings (sensor_key BIGINT NOT NULL, "
            + "creation_date BIGINT NOT NULL, measured_value DOUBLE NOT NULL, PRIMARY KEY (sensor_key, creation_date))";
    static final String INSERT = "INSERT INTO raw_readings (sensor_key, creation_date, measured_value) VALUES (?,?,?)";
    /** What the service fetches for a day: the blocks that hold its readings. */
    static final String DAY_BLOCKS = "SELECT readings FROM reading_blocks WHERE sensor_key=? AND block_start>=? "
            + "AND block_start<? AND reading_count > 0 ORDER BY block_start";
    /** The options under test: multi-row INSERTs for batches, the binary protocol for fetching. */
    static final String BATCH_OPTIONS = "?rewriteBatchedStatements=true";
    static final String FETCH_OPTIONS = "?useServerPrepStmts=true";

    private final BenchmarkSettings settings;
    private final String user;
    private final String password;

    private BenchmarkDatabase(BenchmarkSettings settings, String user, String password) {
        this.settings = settings;
        this.user = user;
        this.password = password;
    }

    /** Drops and creates the database, and a user of the same name with a new random password (Payara needs one). */
    static BenchmarkDatabase recreate(BenchmarkSettings settings) throws SQLException {
        String name = settings.database();
        String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
        String root = "jdbc:mysql://" + settings.mariadbHost() + ":" + settings.mariadbPort() + "/";
        try (Connection connection = DriverManager.getConnection(root, settings.rootUser(), settings.rootPassword());
                Statement sql = connection.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + name);
            sql.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4");
            for (String host : List.of("localhost", "127.0.0.1")) {
                String account = "'" + name + "'@'" + host + "'";
                sql.execute("CREATE USER IF NOT EXISTS " + account);
                sql.execute("ALTER USER " + account + " IDENTIFIED BY '" + password + "'");
                sql.execute("GRANT ALL ON " + name + ".* TO " + account);
                // InnoDB's page counts of the readings tables, for the bytes stored (readingTablesBytes)
                sql.execute("GRANT SELECT ON mysql.innodb_index_stats TO " + account);
            }
        }
        return new BenchmarkDatabase(settings, name, password);
    }

    String url() {
        return settings.jdbcUrl("");
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    String version() throws SQLException {
        try (Connection connection = connect(""); Statement sql = connection.createStatement();
                ResultSet row = sql.executeQuery("SELECT VERSION()")) {
            row.next();
            return row.getString(1);
        }
    }

    /** The internal keys of sensors registered through the API, by id. */
    Map<String, Long> sensorKeys(Collection<String> ids) throws SQLException {
        String sql = "SELECT id, sensor_key FROM sensors WHERE id IN (" + placeholders(ids.size()) + ")";
        Map<String, Long> keys = new LinkedHashMap<>();
        try (Connection connection = connect(""); PreparedStatement query = connection.prepareStatement(sql)) {
            int i = 1;
            for (String id : ids) {
                query.setString(i++, id);
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    keys.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        if (keys.size() != ids.size()) {
            throw new IllegalStateException("Sensors missing from the database: expected " + ids + ", found " + keys);
        }
        return keys;
    }

    /** Writes the slices from one writer, one JDBC batch and one transaction per slice; the nanoseconds it took. */
    long insert(List<ReadingSeries.Slice> slices, Map<String, Long> sensorKeys) throws SQLException {
        try (Connection connection = connect(BATCH_OPTIONS)) {
            try (Statement create = connection.createStatement()) {
                create.execute(RAW_TABLE);
            }
            return insert(connection, slices, sensorKeys);
        }
    }

    private static long insert(Connection connection, List<ReadingSeries.Slice> slices, Map<String, Long> sensorKeys)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            connection.setAutoCommit(false);
            long start = System.nanoTime();
            for (ReadingSeries.Slice slice : slices) {
                long key = sensorKeys.get(slice.series().sensorId());
                for (int i = slice.from(); i < slice.to(); i++) {
                    insert.setLong(1, key);
                    insert.setLong(2, slice.series().micros(i));
                    insert.setDouble(3, slice.series().value(i));
                    insert.addBatch();
                }
                insert.executeBatch();
                connection.commit();
            }
            return System.nanoTime() - start;
        }
    }

    /**
     * Fetches a sensor's values in {@code [fromMicros, toMicros)} {@code runs} times over the binary protocol, with
     * the statement prepared once (as the service's statement cache does); the milliseconds of each run.
     */
    List<Double> timeDayFetch(long sensorKey, long fromMicros, long toMicros, int runs, int expectedCount)
            throws SQLException {
        try (Connection connection = connect(FETCH_OPTIONS);
                PreparedStatement query = connection.prepareStatement(DAY_BLOCKS)) {
            query.setLong(1, sensorKey);
            // A block starts at most an hour before its first reading: the day's first block starts in its hour.
            query.setLong(2, Math.floorDiv(fromMicros, 3_600_000_000L) * 3_600_000_000L);
            query.setLong(3, toMicros);
            Double[] millis = new Double[runs];
            for (int run = 0; run < runs; run++) {
                long start = System.nanoTime();
                int n = 0;
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        n += BlockCodec.count(rows.getBytes(1));
                    }
                }
                millis[run] = (System.nanoTime() - start) / 1e6;
                if (n != expectedCount) {
                    throw new IllegalStateException("The day has " + n + " readings, expected " + expectedCount);
                }
            }
            return List.of(millis);
        }
    }

    /** How many readings the service stored for the sensors, counted by the database from its blocks. */
    long countReadings(Collection<Long> sensorKeys) throws SQLException {
        return count("SELECT COALESCE(SUM(reading_count), 0) FROM reading_blocks WHERE sensor_key IN (", sensorKeys);
    }

    /** How many rows the plain-JDBC baseline wrote for the sensors. */
    long countRawReadings(Collection<Long> sensorKeys) throws SQLException {
        return count("SELECT COUNT(*) FROM raw_readings WHERE sensor_key IN (", sensorKeys);
    }

    private long count(String select, Collection<Long> sensorKeys) throws SQLException {
        String sql = select + placeholders(sensorKeys.size()) + ")";
        try (Connection connection = connect(""); PreparedStatement query = connection.prepareStatement(sql)) {
            int i = 1;
            for (long key : sensorKeys) {
                query.setLong(i++, key);
            }
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /**
     * The bytes of the leaf pages of every index of the service's readings tables ({@code sensor_values}, and
     * every table whose name starts with {@code reading_}, so that the figure holds across a change of layout),
     * from InnoDB's persistent statistics after {@code ANALYZE TABLE} has brought them up to date: the pages that
     * hold the rows. {@code information_schema}'s DATA_LENGTH and INDEX_LENGTH count pages allocated, which a
     * large index takes in whole extents of 1 MiB and reserves ahead, so its growth over an ingest of 1,000,000
     * readings of a byte each was 1 MiB in one run and 3 MiB in another. Inner pages are left out: fewer than
     * one in a hundred.
     */
    Map<String, Long> readingTablesBytes() throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection connection = connect(""); PreparedStatement query = connection.prepareStatement(
                "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA=? "
                        + "AND (TABLE_NAME='sensor_values' OR TABLE_NAME LIKE 'reading\\_%')")) {
            query.setString(1, settings.database());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            Map<String, Long> bytes = new LinkedHashMap<>();
            try (Statement sql = connection.createStatement()) {
                for (String table : tables) {
                    try (ResultSet ignored = sql.executeQuery("ANALYZE TABLE `" + table + "`")) {
                        // ANALYZE answers with a status row per table; the figures land in information_schema
                    }
                }
            }
            try (PreparedStatement size = connection.prepareStatement("SELECT COALESCE(SUM(stat_value), 0) "
                    + "* @@innodb_page_size FROM mysql.innodb_index_stats WHERE database_name = ? AND table_name = ? "
                    + "AND stat_name = 'n_leaf_pages'")) {
                for (String table : tables) {
                    size.setString(1, settings.database());
                    size.setString(2, table);
                    try (ResultSet row = size.executeQuery()) {
                        row.next();
                        bytes.put(table, row.getLong(1));
                    }
                }
            }
            return bytes;
        }
    }

    private static String placeholders(int count) {
        return String.join(",", Collections.nCopies(count, "?"));
    }

    private Connection connect(String options) throws SQLException {
        return DriverManager.getConnection(settings.jdbcUrl(options), user, password);
    }
}
