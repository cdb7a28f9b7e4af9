package sensorhub.database.control;

import java.sql.SQLException;

/**
 * What kind of transient failure {@link TransientFailures} tried a transaction again for, as operators tell them
 * apart: deadlocks (and Galera's certification failures, which MySQL's error 1213 reports too) point at the
 * order writers lock rows in, lock waits at long transactions, concurrent writes at clients sending the same
 * readings at once.
 */
public enum ConflictKind {
    /** MySQL/MariaDB error 1213, or SQLSTATE 40001 (a serialization failure: H2's deadlock). */
    DEADLOCK,
    /** A lock not granted in time: MySQL/MariaDB error 1205, H2's HYT00. */
    LOCK_WAIT,
    /** The same write made first by a concurrent request ({@link ConcurrentWriteException}). */
    CONCURRENT_WRITE,
    /** Any other failure {@link TransientFailures#isTransient} takes for transient. */
    OTHER;

    private static final int MYSQL_DEADLOCK = 1213;
    private static final int MYSQL_LOCK_WAIT_TIMEOUT = 1205;
    private static final String SERIALIZATION_FAILURE = "40001";
    private static final String H2_LOCK_TIMEOUT = "HYT00";

    /** The kind of a transient failure: the first cause that names one, else {@link #OTHER}. */
    public static ConflictKind of(Throwable failure) {
        for (Throwable t = failure; t != null; t = TransientFailures.causeOf(t)) {
            if (t instanceof ConcurrentWriteException) {
                return CONCURRENT_WRITE;
            }
            if (t instanceof SQLException sql) {
                if (sql.getErrorCode() == MYSQL_DEADLOCK) {
                    return DEADLOCK;
                }
                if (sql.getErrorCode() == MYSQL_LOCK_WAIT_TIMEOUT || H2_LOCK_TIMEOUT.equals(sql.getSQLState())) {
                    return LOCK_WAIT;
                }
                if (SERIALIZATION_FAILURE.equals(sql.getSQLState())) {
                    return DEADLOCK;
                }
            }
        }
        return OTHER;
    }
}
