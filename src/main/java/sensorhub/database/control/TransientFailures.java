package sensorhub.database.control;

import jakarta.ejb.EJBException;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import sensorhub.meters.control.Meters;

/**
 * Failures of a transaction that trying it again may cure, because the database gave up on it for another
 * transaction's sake: a deadlock, a serialization failure, a lock wait that timed out, or a write that met the
 * same write of a concurrent request ({@link ConcurrentWriteException}). {@link #retried} runs a transaction up
 * to {@link #ATTEMPTS} times; it must be called from outside the transaction, where each call of a bean's
 * method is a transaction of its own. Each retry is counted by its {@link ConflictKind}.
 */
public final class TransientFailures {

    /** Under 100 clients on every route no conflict outlasted them (README "Reliability": no 5xx). */
    static final int ATTEMPTS = 4;
    private static final int FIRST_PAUSE_MILLIS = 5;

    private static final int MYSQL_DUPLICATE_KEY = 1062;
    private static final String UNIQUE_VIOLATION = "23505";

    private TransientFailures() {
    }

    /** The work's result, tried again after a short random pause while it fails transiently. */
    public static <T> T retried(Supplier<T> work) {
        for (int attempt = 1;; attempt++) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS || !isTransient(e)) {
                    throw e;
                }
                Meters.retried(ConflictKind.of(e));
                pause(attempt);
            }
        }
    }

    public static void retried(Runnable work) {
        retried(() -> {
            work.run();
            return null;
        });
    }

    /**
     * The work's result, or {@code otherwise} where it failed transiently: for steps that are worth doing but
     * that a request can do without (noting a key's use, keeping computed statistics).
     */
    public static <T> T unlessTransient(Supplier<T> work, T otherwise) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            if (isTransient(e)) {
                return otherwise;
            }
            throw e;
        }
    }

    /** Whether the failure, or any failure behind it, is one that trying the transaction again may cure. */
    public static boolean isTransient(Throwable failure) {
        return ConflictKind.transientKind(failure).isPresent();
    }

    /** Whether the failure is a unique key's refusal of a second row with the same key. */
    public static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = causeOf(t)) {
            if (t instanceof SQLException sql
                    && (sql.getErrorCode() == MYSQL_DUPLICATE_KEY || startsWith(sql, UNIQUE_VIOLATION))) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(SQLException sql, String state) {
        return sql.getSQLState() != null && sql.getSQLState().startsWith(state);
    }

    /** The cause, looking inside the EJB container's wrapper, which some fill in only through its own getter. */
    static Throwable causeOf(Throwable t) {
        Throwable cause = t instanceof EJBException ejb && ejb.getCause() == null ? ejb.getCausedByException()
                : t.getCause();
        return cause == t ? null : cause;
    }

    private static void pause(int attempt) {
        long millis = FIRST_PAUSE_MILLIS << (2 * (attempt - 1));
        try {
            Thread.sleep(millis + ThreadLocalRandom.current().nextLong(millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to try a transaction again", e);
        }
    }
}
