package sensorhub.sensors.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sensorhub.database.control.TransientFailures;
import sensorhub.sensors.entity.Arrival;
import sensorhub.sensors.entity.Door;
import sensorhub.sensors.entity.SensorKey;

/**
 * The sensors table's statements on the hot paths, as plain JDBC on one connection: a readings batch resolves its
 * sensors' keys and notes how they arrived ({@code sensor_arrivals}), and every read of readings or statistics
 * finds its sensor's key and unit. EclipseLink prepares a query
 * with a list parameter anew each time, which took a tenth of a JSON batch's server time, and builds a persistence
 * context for each query outside a transaction. JPA ({@link sensorhub.sensors.entity.Sensor}) does the rest.
 */
public final class SensorRows {

    /** Ids looked up per query: a batch of readings may name many sensors, a query's IN list stays short. */
    public static final int IDS_PER_QUERY = 500;
    static final String KEYS_BY_ID = "SELECT id, sensor_key, unit, retention, swept_before FROM sensors WHERE id IN (";
    static final String KEY_BY_ID = "SELECT id, sensor_key, unit, retention, swept_before FROM sensors WHERE id = ?";
    static final String ALL_KEYS = "SELECT id, sensor_key, unit, retention, swept_before FROM sensors "
            + "WHERE sensor_key > ? ORDER BY sensor_key";
    static final String SWEPT = "UPDATE sensors SET swept_before = ? WHERE sensor_key = ? "
            + "AND (swept_before IS NULL OR swept_before < ?)";
    static final String HEARD = "UPDATE sensor_arrivals SET last_heard = ? WHERE sensor_key = ? AND door = ? "
            + "AND last_heard < ?";
    static final String FIRST_HEARD = "INSERT INTO sensor_arrivals (last_heard, sensor_key, door) VALUES (?, ?, ?)";
    static final String ARRIVALS = "SELECT door, last_heard FROM sensor_arrivals WHERE sensor_key = ? ORDER BY door";

    private final Connection connection;

    public SensorRows(Connection connection) {
        this.connection = connection;
    }

    /** The key, unit and retention of the sensor with this id, if there is one. */
    public Optional<SensorKey> key(String id) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(KEY_BY_ID)) {
            query.setString(1, id);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(sensorKey(row)) : Optional.empty();
            }
        }
    }

    /** At most {@code limit} sensors' keys and retentions, in key order after {@code afterKey}. */
    public List<SensorKey> keysAfter(long afterKey, int limit) throws SQLException {
        List<SensorKey> keys = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(ALL_KEYS)) {
            query.setLong(1, afterKey);
            query.setMaxRows(limit);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    keys.add(sensorKey(rows));
                }
            }
        }
        return keys;
    }

    /** Notes that the sensor's readings before {@code beforeMicros} were removed; never moves back. */
    public void swept(long sensorKey, long beforeMicros) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(SWEPT)) {
            update.setLong(1, beforeMicros);
            update.setLong(2, sensorKey);
            update.setLong(3, beforeMicros);
            update.executeUpdate();
        }
    }

    private static SensorKey sensorKey(ResultSet row) throws SQLException {
        long sweptBefore = row.getLong(5);
        return new SensorKey(row.getLong(2), row.getString(1), row.getString(3), row.getString(4),
                row.wasNull() ? SensorKey.NOTHING_SWEPT : sweptBefore);
    }

    /**
     * The key, unit and retention of each of the ids that names a sensor, by id; ids that name none are missing.
     * The IN list is padded to one of a few lengths (the last id repeated), so each connection prepares at most a
     * handful of statements.
     */
    public Map<String, SensorKey> keysOf(List<String> ids) throws SQLException {
        Map<String, SensorKey> keys = new HashMap<>();
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY));
            int listed = paddedLength(chunk.size());
            try (PreparedStatement query = connection.prepareStatement(KEYS_BY_ID + "?" + ", ?".repeat(listed - 1)
                    + ")")) {
                for (int i = 0; i < listed; i++) {
                    query.setString(i + 1, chunk.get(Math.min(i, chunk.size() - 1)));
                }
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        keys.put(rows.getString(1), sensorKey(rows));
                    }
                }
            }
        }
        return keys;
    }

    /**
     * Notes that readings of the sensors came in through the door at {@code micros}: the row moves forward, or is
     * made. Each statement commits on its own; a row another instance made meanwhile is taken as made.
     */
    public void heard(List<Long> sensorKeys, Door door, long micros) throws SQLException {
        List<Long> unheard = new ArrayList<>();
        try (PreparedStatement update = connection.prepareStatement(HEARD)) {
            for (long key : sensorKeys) {
                update.setLong(1, micros);
                update.setLong(2, key);
                update.setString(3, door.name());
                update.setLong(4, micros);
                if (update.executeUpdate() == 0) {
                    unheard.add(key);
                }
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(FIRST_HEARD)) {
            for (long key : unheard) {
                insert.setLong(1, micros);
                insert.setLong(2, key);
                insert.setString(3, door.name());
                try {
                    insert.executeUpdate();
                } catch (SQLException e) {
                    if (!TransientFailures.isUniqueViolation(e)) {
                        throw e;
                    }
                }
            }
        }
    }

    /** How the sensor's readings came in, by door. */
    public List<Arrival> arrivals(long sensorKey) throws SQLException {
        List<Arrival> arrivals = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(ARRIVALS)) {
            query.setLong(1, sensorKey);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    arrivals.add(new Arrival(Door.valueOf(rows.getString(1)), rows.getLong(2)));
                }
            }
        }
        return arrivals;
    }

    /** The shortest of 1, 4, 16, 64, 256 and {@link #IDS_PER_QUERY} that holds {@code ids}. */
    static int paddedLength(int ids) {
        int length = 1;
        while (length < ids) {
            length *= 4;
        }
        return Math.min(length, IDS_PER_QUERY);
    }
}
