package sensorhub.influx.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import sensorhub.database.control.TransientFailures;

/**
 * The catalog of InfluxDB's API ({@code influx_databases}, {@code influx_series}) as plain JDBC on one connection,
 * each statement committing on its own. A row another writer made meanwhile is taken as made: two instances that
 * see a new series at once both note it.
 */
public final class CatalogRows {

    static final String NEW_DATABASE = "INSERT INTO influx_databases (name) VALUES (?)";
    static final String NEW_SERIES = "INSERT INTO influx_series (sensor_key, db, measurement, field) VALUES (?, ?, ?, ?)";

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

    public void noteSeries(long sensorKey, String database, String measurement, String field) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(NEW_SERIES)) {
            insert.setLong(1, sensorKey);
            insert.setString(2, database);
            insert.setString(3, measurement);
            insert.setString(4, field);
            executeUnlessThere(insert);
        }
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
