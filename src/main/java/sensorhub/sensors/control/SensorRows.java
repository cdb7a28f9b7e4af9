package sensorhub.sensors.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sensorhub.sensors.entity.SensorKey;

/**
 * The sensors table's statements on the hot paths, as plain JDBC on one connection: a readings batch resolves its
 * sensors' keys, and every read of readings or statistics its sensor's key and unit. EclipseLink prepares a query
 * with a list parameter anew each time, which took a tenth of a JSON batch's server time, and builds a persistence
 * context for each query outside a transaction. JPA ({@link sensorhub.sensors.entity.Sensor}) does the rest.
 */
public final class SensorRows {

    /** Ids looked up per query: a batch of readings may name many sensors, a query's IN list stays short. */
    static final int IDS_PER_QUERY = 500;
    static final String KEYS_BY_ID = "SELECT id, sensor_key FROM sensors WHERE id IN (";
    static final String KEY_BY_ID = "SELECT sensor_key, unit FROM sensors WHERE id = ?";

    private final Connection connection;

    public SensorRows(Connection connection) {
        this.connection = connection;
    }

    /** The key and unit of the sensor with this id, if there is one. */
    public Optional<SensorKey> key(String id) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(KEY_BY_ID)) {
            query.setString(1, id);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(new SensorKey(row.getLong(1), id, row.getString(2)))
                        : Optional.empty();
            }
        }
    }

    /**
     * The key of each of the ids that names a sensor, by id; ids that name none are missing. The IN list is padded
     * to one of a few lengths (the last id repeated), so each connection prepares at most a handful of statements.
     */
    public Map<String, Long> keysOf(List<String> ids) throws SQLException {
        Map<String, Long> keys = new HashMap<>();
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
                        keys.put(rows.getString(1), rows.getLong(2));
                    }
                }
            }
        }
        return keys;
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
