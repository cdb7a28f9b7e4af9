package sensorhub.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import sensorhub.database.boundary.Migrations;

/**
 * A private in-memory H2 database with the service's schema, for tests of data-access code without a
 * container: each instance is a database of its own, so tests share nothing. It lives while a connection is open.
 */
public final class MemoryDatabase implements AutoCloseable {

    private final JdbcDataSource dataSource = new JdbcDataSource();
    private final Connection keepAlive;
    private long sensors;

    public MemoryDatabase() throws SQLException {
        this(null);
    }

    /** @param target the migration version to stop at (e.g. "4"), or null for all */
    public MemoryDatabase(String target) throws SQLException {
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";LOCK_TIMEOUT=10000");
        keepAlive = dataSource.getConnection();
        migrate(target);
    }

    /** Migrates to {@code target} (null: to the newest), the way the service does at deployment. */
    public void migrate(String target) {
        var flyway = Migrations.configure(dataSource);
        if (target != null) {
            flyway.target(target);
        }
        flyway.load().migrate();
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Registers a sensor and answers its key. */
    public long sensor(String id) throws SQLException {
        long key = ++sensors;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO sensors (sensor_key, id, name, "
                        + "type, unit, active, activation_date, updated_by, updated_at) "
                        + "VALUES (?, ?, ?, 't', 'u', TRUE, 0, 'test', 0)")) {
            insert.setLong(1, key);
            insert.setString(2, id);
            insert.setString(3, id);
            insert.executeUpdate();
        }
        return key;
    }

    @Override
    public void close() throws SQLException {
        keepAlive.close();
    }
}
