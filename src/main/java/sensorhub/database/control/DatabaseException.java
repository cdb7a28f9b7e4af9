package sensorhub.database.control;

import java.sql.SQLException;

/**
 * A statement the database refused or could not run, unchecked so that beans need not declare it. The
 * {@link SQLException} stays its cause: {@link TransientFailures} retries by it, and {@link DatabaseFailure}
 * tells the client which kind of 503 it is.
 */
public class DatabaseException extends RuntimeException {

    public DatabaseException(SQLException cause) {
        super(cause.getMessage(), cause);
    }
}
