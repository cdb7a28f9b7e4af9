package sensorhub.database.control;

import jakarta.transaction.SystemException;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * What kind of database failure lies behind an exception, for an answer that tells the client the truth: each
 * of these is a 503 that a later retry may cure, but "the database is down", "no connection came free" and "the
 * database set this transaction aside" call for different waits and different alarms.
 */
public enum DatabaseFailure {

    /** The database does not answer: connections are refused, broken or time out. */
    UNREACHABLE,
    /** No pooled connection came free within the pool's wait, while the database itself answers. */
    POOL_EXHAUSTED,
    /** A deadlock, serialization failure or concurrent write outlasted the service's own retries. */
    CONFLICT,
    /**
     * The database failed the request some other way, as a dying one does: a statement closed under it, a
     * commit the transaction manager could not complete. Not a bug of this service's SQL (see {@link #OTHER}).
     */
    FAILED,
    /**
     * Not a database failure this service expects: a bug, to be answered 500. SQL it got wrong (SQLSTATE class
     * 42), data it failed to check (22), a constraint it failed to translate (23).
     */
    OTHER;

    private static final String CONNECTION_EXCEPTIONS = "08";
    private static final Set<String> BUGS = Set.of("22", "23", "42");
    /** The JDBC drivers this service runs with (DEPLOYING.md): MySQL Connector/J, MariaDB Connector/J, H2. */
    private static final List<String> DRIVER_PACKAGES = List.of("com.mysql.cj.", "org.mariadb.jdbc.", "org.h2.");
    /** The connection pools of the servers this service runs on, where they are not behind a Connectors API. */
    private static final List<String> POOL_PACKAGES = List.of("com.sun.enterprise.resource.pool.");

    public static DatabaseFailure of(Throwable failure) {
        if (TransientFailures.isTransient(failure)) {
            return CONFLICT;
        }
        boolean pool = false;
        boolean database = false;
        boolean bug = false;
        for (Throwable t = failure; t != null; t = TransientFailures.causeOf(t)) {
            database |= t instanceof SQLException || t instanceof SystemException || isConnectorFailure(t)
                    || isDriversOwn(t) || isPoolsOwn(t);
            if (database && isNetwork(t)) {
                return UNREACHABLE;
            }
            pool |= t instanceof SQLTransientConnectionException || isConnectorFailure(t);
            bug |= t instanceof SQLException sql && sql.getSQLState() != null
                    && BUGS.contains(sql.getSQLState().substring(0, Math.min(2, sql.getSQLState().length())));
        }
        return pool ? POOL_EXHAUSTED : database && !bug ? FAILED : OTHER;
    }

    /** Behind a database failure: an I/O failure there is the connection's, not the request body's. */
    private static boolean isNetwork(Throwable t) {
        return t instanceof SQLNonTransientConnectionException || t instanceof SQLRecoverableException
                || t instanceof IOException
                || t instanceof SQLException sql && sql.getSQLState() != null
                        && sql.getSQLState().startsWith(CONNECTION_EXCEPTIONS);
    }

    /**
     * An unchecked exception thrown inside the JDBC driver itself. A driver whose connection the pool closes under a
     * statement (as it does to every connection once one fails, when the database dies) does not always answer
     * with an {@link SQLException}: Connector/J reading a result or binding a parameter then throws a
     * NullPointerException, seen in the cluster check when the Galera writer node was killed mid-transaction.
     * The database failed the request; the service did not.
     */
    private static boolean isDriversOwn(Throwable failure) {
        StackTraceElement[] frames = failure.getStackTrace();
        return failure instanceof RuntimeException && frames.length > 0
                && DRIVER_PACKAGES.stream().anyMatch(frames[0].getClassName()::startsWith);
    }

    /**
     * An unchecked exception thrown inside the server's connection pool while it handles a broken connection. Payara
     * 6.2025.10's pool, failing all its connections once the database dies, may reschedule its resizer on a timer
     * already cancelled: an IllegalStateException ("Task already scheduled or cancelled") from
     * {@code ConnectionPool.scheduleResizerTask}, thrown from a connection's {@code close()}. Seen 4 times in one
     * reliability check's database kill. The database failed the request; the service did not.
     */
    private static boolean isPoolsOwn(Throwable failure) {
        return failure instanceof RuntimeException && Arrays.stream(failure.getStackTrace())
                .anyMatch(frame -> POOL_PACKAGES.stream().anyMatch(frame.getClassName()::startsWith));
    }

    /**
     * A connection pool's {@code jakarta.resource.ResourceException}, recognised by name: the Connectors API is
     * not part of the Web Profile, and on a server without it (Open Liberty with the features this service
     * needs) naming the class in code would fail with a NoClassDefFoundError.
     */
    private static boolean isConnectorFailure(Throwable failure) {
        for (Class<?> type = failure.getClass(); type != null; type = type.getSuperclass()) {
            if (type.getName().equals("jakarta.resource.ResourceException")) {
                return true;
            }
        }
        return false;
    }
}
