package sensorhub.influx.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import sensorhub.database.control.TransientFailures;

/**
 * The catalog of InfluxDB's API ({@code influx_databases}, {@code influx_series}) as plain JDBC on one connection,
 * each statement committing on its own. A row another writer made meanwhile is taken as made: two instances that
 * see a new series at once both note it.
 */
public final class CatalogRows {

    static final String NEW_DATABASE = "INSERT INTO influx_databases (name) VALUES (?)";
    static final String NEW_SERIES = "INSERT INTO influx_series (sensor_key, db, measurement, field, field_type) "
            + "VALUES (?, ?, ?, ?, ?)";
    static final String DATABASES = "SELECT name FROM influx_databases ORDER BY name";
    static final String SERIES = "SELECT sensor_key, measurement, field, field_type FROM influx_series WHERE db = ? "
            + "ORDER BY measurement, field, sensor_key";

    /** The type of a field as it was first written: {@code 12i} makes an integer field, {@code 12.5} a float. */
    public static final String INTEGER = "integer";
    public static final String FLOAT = "float";

    /** A series of a database: the sensor it is, its measurement, field and field type. */
    public record SeriesRow(long sensorKey, String measurement, String field, String fieldType) {
    }

    private final Connection connection;

    public CatalogRows(Connection connection) {
        this.connection = connection;
    }

    public void noteDatabase(String name) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(NEW_DATABASE)) {
            insert.setString(1, name);
            executeUnlessThere(insert);
        }
    }

    public void noteSeries(long sensorKey, String database, String measurement, String field, String fieldType)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(NEW_SERIES)) {
            insert.setLong(1, sensorKey);
            insert.setString(2, database);
            insert.setString(3, measurement);
            insert.setString(4, field);
            insert.setString(5, fieldType);
            executeUnlessThere(insert);
        }
    }

    public List<String> databases() throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(DATABASES); ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    /** Every series of the database, by measurement and field. */
    public List<SeriesRow> series(String database) throws SQLException {
        List<SeriesRow> series = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(SERIES)) {
            query.setString(1, database);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    series.add(new SeriesRow(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4)));
                }
            }
        }
        return series;
    }

    private static void executeUnlessThere(PreparedStatement insert) throws SQLException {
        try {
            insert.executeUpdate();
        } catch (SQLException e) {
            if (!TransientFailures.isUniqueViolation(e)) {
                throw e;
            }
        }
    }
}
