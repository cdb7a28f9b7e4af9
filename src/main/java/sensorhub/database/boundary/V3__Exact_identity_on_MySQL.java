package sensorhub.database.boundary;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Makes ids, locations, types and key names exact on MySQL and MariaDB: compared byte for byte, trailing spaces
 * included. {@code utf8mb4_bin}, which V1 chose for ids, is a PAD SPACE collation there, so {@code "a1 "} found
 * {@code "a1"}, and locations and types compared ignoring case. H2 compares exactly already. A Java migration,
 * named as Flyway requires, because the NO PAD binary collation has another name on each database.
 */
public class V3__Exact_identity_on_MySQL extends BaseJavaMigration {

    static final String MARIADB = "utf8mb4_nopad_bin";
    static final String MYSQL = "utf8mb4_0900_bin";

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase();
        if (!product.contains("mysql") && !product.contains("mariadb")) {
            return;
        }
        String exact = "CHARACTER SET utf8mb4 COLLATE " + exactCollation(connection);
        try (Statement alter = connection.createStatement()) {
            alter.execute("ALTER TABLE sensors MODIFY id VARCHAR(90) " + exact + " NOT NULL, "
                    + "MODIFY type VARCHAR(90) " + exact + " NOT NULL, MODIFY location VARCHAR(200) " + exact);
            alter.execute("ALTER TABLE api_keys MODIFY name VARCHAR(100) " + exact + " NOT NULL");
        }
    }

    private static String exactCollation(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT COLLATION_NAME FROM information_schema.COLLATIONS WHERE COLLATION_NAME IN (?, ?)")) {
            query.setString(1, MARIADB);
            query.setString(2, MYSQL);
            try (ResultSet found = query.executeQuery()) {
                if (found.next()) {
                    return found.getString(1);
                }
            }
        }
        throw new SQLException("This database has no NO PAD binary collation (" + MARIADB + " or " + MYSQL
                + "): MariaDB 10.2 or MySQL 8.0 is needed.");
    }
}
