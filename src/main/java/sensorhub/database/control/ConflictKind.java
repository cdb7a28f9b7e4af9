package sensorhub.database.control;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.util.Optional;

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
    private static final String TRANSACTION_ROLLBACKS = "40";
    private static final String H2_LOCK_TIMEOUT = "HYT00";

    /** The kind of a transient failure: the first cause that names one, else {@link #OTHER}. */
    public static ConflictKind of(Throwable failure) {
        return transientKind(failure).orElse(OTHER);
    }

    /**
     * The kind, if the failure or a failure behind it is one that trying the transaction again may cure: the first
     * cause that names a kind, else {@link #OTHER} where a cause is a transaction rollback of another kind (SQLSTATE
     * class 40), else empty. {@link TransientFailures#isTransient} asks this.
     */
    static Optional<ConflictKind> transientKind(Throwable failure) {
        boolean rolledBack = false;
        for (Throwable t = failure; t != null; t = TransientFailures.causeOf(t)) {
            if (t instanceof ConcurrentWriteException) {
                return Optional.of(CONCURRENT_WRITE);
            }
            if (t instanceof SQLException sql) {
                Optional<ConflictKind> named = named(sql);
                if (named.isPresent()) {
                    return named;
                }
                rolledBack |= sql instanceof SQLTransactionRollbackException
                        || sql.getSQLState() != null && sql.getSQLState().startsWith(TRANSACTION_ROLLBACKS);
            }
        }
        return rolledBack ? Optional.of(OTHER) : Optional.empty();
    }

    private static Optional<ConflictKind> named(SQLException sql) {
        String state = sql.getSQLState() == null ? "" : sql.getSQLState();
        if (sql.getErrorCode() == MYSQL_DEADLOCK) {
            return Optional.of(DEADLOCK);
        }
        if (sql.getErrorCode() == MYSQL_LOCK_WAIT_TIMEOUT || state.startsWith(H2_LOCK_TIMEOUT)) {
            return Optional.of(LOCK_WAIT);
        }
        return SERIALIZATION_FAILURE.equals(state) ? Optional.of(DEADLOCK) : Optional.empty();
    }
}
