package sensorhub.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Direct access to the database the server under test uses, for checks the API cannot make (a failed batch
 * wrote nothing; a patch left the other columns alone). MySQL or MariaDB when {@code SENSORS_DB_URL} names
 * one, otherwise the H2 file in {@code SENSORS_H2_FILE}, opened in AUTO_SERVER mode beside the server.
 */
public final class Database {

    private Database() {
    }

    public static Connection connect() throws SQLException {
        String url = System.getenv("SENSORS_DB_URL");
        if (url != null && !url.isBlank()) {
            return DriverManager.getConnection(url, System.getenv("SENSORS_DB_USER"),
                    System.getenv("SENSORS_DB_PASSWORD"));
        }
        return DriverManager.getConnection("jdbc:h2:" + System.getenv("SENSORS_H2_FILE") + ";AUTO_SERVER=TRUE",
                "", "");
    }

    /** The single number a query answers, such as a count. */
    public static long number(String sql, Object... parameters) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The columns of the first row a query answers, as text. */
    public static List<String> row(String sql, Object... parameters) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                if (!result.next()) {
                    return List.of();
                }
                List<String> columns = new ArrayList<>();
                for (int c = 1; c <= result.getMetaData().getColumnCount(); c++) {
                    columns.add(result.getString(c));
                }
                return columns;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
