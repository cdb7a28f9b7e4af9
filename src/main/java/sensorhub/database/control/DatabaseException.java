package sensorhub.database.control;

import jakarta.ejb.ApplicationException;
import java.sql.SQLException;

/**
 * A statement the database refused or could not run, unchecked so that beans need not declare it. The
 * {@link SQLException} stays its cause: {@link TransientFailures} retries by it, and {@link DatabaseFailure}
 * tells the client which kind of 503 it is. An application exception, so the container rolls back without
 * wrapping it or logging it as a system exception with its whole trace at every bean it passes (four traces a
 * request while the database was down); the problem mappers log it, counted (see {@code FailureLog}).
 */
@ApplicationException(rollback = true)
public class DatabaseException extends RuntimeException {

    public DatabaseException(SQLException cause) {
        super(cause.getMessage(), cause);
    }
}
