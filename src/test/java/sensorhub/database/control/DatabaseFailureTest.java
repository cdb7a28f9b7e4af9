package sensorhub.database.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ejb.EJBException;
import jakarta.transaction.SystemException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseFailureTest {

    private static RuntimeException wrapped(Throwable cause) {
        return new EJBException(new IllegalStateException("Storing readings failed", cause));
    }

    @Test
    void tellsAnUnreachableDatabaseFromAnExhaustedPool() {
        assertEquals(DatabaseFailure.UNREACHABLE,
                DatabaseFailure.of(wrapped(new SQLException("Communications link failure", "08S01"))));
        assertEquals(DatabaseFailure.UNREACHABLE, DatabaseFailure.of(wrapped(
                new SQLException("cannot allocate", new ConnectException("Connection refused")))));
        assertEquals(DatabaseFailure.POOL_EXHAUSTED, DatabaseFailure.of(wrapped(
                new SQLTransientConnectionException("In-use connections equal max-pool-size"))));
    }

    @Test
    void takesDeadlocksThatOutlastedTheRetriesForConflicts() {
        assertEquals(DatabaseFailure.CONFLICT, DatabaseFailure.of(wrapped(
                new SQLException("Deadlock found when trying to get lock", "40001", 1213))));
        assertEquals(DatabaseFailure.CONFLICT, DatabaseFailure.of(new ConcurrentWriteException("meanwhile")));
    }

    @Test
    void takesOtherFailuresOfADyingDatabaseForFailures() {
        assertEquals(DatabaseFailure.FAILED, DatabaseFailure.of(wrapped(
                new SQLException("No operations allowed after statement closed.", "S1009"))));
        assertEquals(DatabaseFailure.FAILED, DatabaseFailure.of(new EJBException(new SystemException())));
    }

    @Test
    void takesAnUncheckedFailureInsideTheDriverForTheDatabasesFailure() {
        assertEquals(DatabaseFailure.FAILED, DatabaseFailure.of(wrapped(thrownAt(
                "com.mysql.cj.jdbc.result.ResultSetImpl", "Cannot invoke getPropertySet() because this.session is null"))));
        assertEquals(DatabaseFailure.OTHER, DatabaseFailure.of(wrapped(thrownAt(
                "sensorhub.readings.control.BlockIngest", "a bug of the service's own"))));
    }

    @Test
    void takesAnUncheckedFailureOfThePoolClosingABrokenConnectionForTheDatabasesFailure() {
        IllegalStateException timer = new IllegalStateException("Task already scheduled or cancelled");
        timer.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("java.util.Timer", "sched", "Timer.java", 413),
                new StackTraceElement("com.sun.enterprise.resource.pool.ConnectionPool", "scheduleResizerTask",
                        "ConnectionPool.java", 271),
                new StackTraceElement("sensorhub.database.control.Sql", "run", "Sql.java", 31)});

        assertEquals(DatabaseFailure.FAILED, DatabaseFailure.of(wrapped(timer)));
    }

    private static NullPointerException thrownAt(String className, String message) {
        NullPointerException failure = new NullPointerException(message);
        failure.setStackTrace(new StackTraceElement[] {
                new StackTraceElement(className, "getString", className + ".java", 908)});
        return failure;
    }

    @Test
    void leavesBugsAndFailuresElsewhereToA500() {
        assertEquals(DatabaseFailure.OTHER, DatabaseFailure.of(wrapped(
                new SQLException("You have an error in your SQL syntax", "42000", 1064))));
        assertEquals(DatabaseFailure.OTHER, DatabaseFailure.of(new IllegalStateException("no database here")));
        assertEquals(DatabaseFailure.OTHER, DatabaseFailure.of(new UncheckedIOException(
                new java.io.EOFException("the client hung up"))));
    }
}
