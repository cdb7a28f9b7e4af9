package sensorhub.database.control;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import sensorhub.meters.control.Meters;

/**
 * The one place where JDBC's checked {@link SQLException} becomes the service's unchecked
 * {@link DatabaseException}, its SQLSTATE class read once: a taken key is a {@link DuplicateKeyException}, a
 * missing referenced row a {@link MissingReferenceException}. Data-access classes run their statements through
 * {@link #run}, on the container's datasource and so inside the caller's transaction; code that keeps a connection
 * itself takes it from {@link #connection}. Both time the wait for the pool ({@code sensorhub_db_connection_wait}).
 */
public final class Sql {

    private static final String INTEGRITY_VIOLATIONS = "23";

    /** Work on one connection; its statements may throw {@link SQLException} freely. */
    @FunctionalInterface
    public interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    private Sql() {
    }

    public static <T> T run(DataSource dataSource, Work<T> work) {
        try (Connection connection = connection(dataSource)) {
            return work.on(connection);
        } catch (SQLException e) {
            throw translated(e);
        }
    }

    /**
     * Work whose statements must all see the database as it was at the first: run in a transaction of repeatable
     * reads of its own (InnoDB's and Galera's consistent snapshot), rolled back at the end, as it only reads. For
     * work outside any container transaction; the connection goes back to the pool as it came.
     */
    public static <T> T runInSnapshot(DataSource dataSource, Work<T> work) {
        return run(dataSource, connection -> {
            boolean autoCommit = connection.getAutoCommit();
            int isolation = connection.getTransactionIsolation();
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setAutoCommit(false);
            try {
                return work.on(connection);
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
                connection.setTransactionIsolation(isolation);
            }
        });
    }

    /** A connection from the pool, the time it took measured. */
    public static Connection connection(DataSource dataSource) throws SQLException {
        long start = System.nanoTime();
        try {
            return dataSource.getConnection();
        } finally {
            Meters.connectionWait(System.nanoTime() - start);
        }
    }

    public static DatabaseException translated(SQLException failure) {
        if (TransientFailures.isUniqueViolation(failure)) {
            return new DuplicateKeyException(failure);
        }
        if (failure.getSQLState() != null && failure.getSQLState().startsWith(INTEGRITY_VIOLATIONS)) {
            return new MissingReferenceException(failure);
        }
        return new DatabaseException(failure);
    }
}
