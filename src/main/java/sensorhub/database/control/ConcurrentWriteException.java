package sensorhub.database.control;

import jakarta.ejb.ApplicationException;

/**
 * A write that a concurrent transaction made first (the same reading, inserted by two requests at once): the
 * transaction rolls back, and trying it again sees the other's row. {@link TransientFailures} retries it.
 */
@ApplicationException(rollback = true)
public class ConcurrentWriteException extends RuntimeException {

    public ConcurrentWriteException(String message) {
        super(message);
    }
}
