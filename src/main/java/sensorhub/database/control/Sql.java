package sensorhub.database.control;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import javax.sql.DataSource;
import sensorhub.metrics.control.Meters;
import sensorhub.problems.control.RejectedException;

/**
 * The one place where JDBC's checked {@link SQLException} becomes the service's unchecked
 * {@link DatabaseException}, its SQLSTATE class read once: a taken key is a {@link DuplicateKeyException}, a
 * missing referenced row a {@link MissingReferenceException}. Data-access classes run their statements through
 * {@link #run}, on the container's datasource and so inside the caller's transaction; code that keeps a connection
 * itself takes it from {@link #connection}. Both time the wait for the pool ({@code sensorhub_db_connection_wait}).
 */
public final class Sql {

    private static final String INTEGRITY_VIOLATIONS = "23";
    private static final int VALIDATION_SECONDS = 2;

    /** Work on one connection; its statements may throw {@link SQLException} freely. */
    @FunctionalInterface
    public interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    private Sql() {
    }

    public static <T> T run(DataSource dataSource, Work<T> work) {
        try (Connection connection = connection(dataSource)) {
            return onLiveConnection(connection, work);
        } catch (SQLException e) {
            throw translated(e);
        }
    }

    /**
     * The work's result. A driver whose connection dies under a statement may fail with an unchecked exception
     * of its own rather than an {@link SQLException}: Connector/J, its statements closed under it when the pool
     * failed the connection, throws a NullPointerException from {@code setLong} (seen when the Galera writer node
     * was killed mid-transaction). On a connection that is no longer valid, such a failure is the lost
     * connection's, a {@link SQLRecoverableException}: a 503 that a retry cures, not a bug of this service. The
     * service's own verdicts (a rejected batch, a concurrent write) and failures it has classified already pass as
     * they are, the connection unasked.
     */
    private static <T> T onLiveConnection(Connection connection, Work<T> work) throws SQLException {
        try {
            return work.on(connection);
        } catch (RejectedException | ConcurrentWriteException | DatabaseException known) {
            throw known;
        } catch (RuntimeException e) {
            if (isValid(connection)) {
                throw e;
            }
            throw new SQLRecoverableException("The database connection was lost during the statements", e);
        }
    }

    private static boolean isValid(Connection connection) {
        try {
            return connection.isValid(VALIDATION_SECONDS);
        } catch (SQLException | RuntimeException notUsable) {
            return false;
        }
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
