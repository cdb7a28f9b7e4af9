package sensorhub.database.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.SQLRecoverableException;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class SqlTest {

    private final JdbcDataSource database = new JdbcDataSource();

    SqlTest() {
        database.setURL("jdbc:h2:mem:sql-test");
    }

    @Test
    void takesADriversUncheckedFailureOnALostConnectionForTheConnectionsFailure() {
        NullPointerException driverFailure = new NullPointerException("statement closed under the caller");
        DatabaseException failure = assertThrows(DatabaseException.class, () -> Sql.run(database, connection -> {
            connection.close();
            throw driverFailure;
        }));
        assertInstanceOf(SQLRecoverableException.class, failure.getCause());
        assertSame(driverFailure, failure.getCause().getCause());
        assertEquals(DatabaseFailure.UNREACHABLE, DatabaseFailure.of(failure));
    }

    @Test
    void leavesAnUncheckedFailureOnAWorkingConnectionAsItIs() {
        IllegalStateException bug = new IllegalStateException("a bug of the caller's");
        assertSame(bug, assertThrows(IllegalStateException.class, () -> Sql.run(database, connection -> {
            connection.createStatement().execute("SELECT 1");
            throw bug;
        })));
    }

    @Test
    void leavesTheServicesOwnVerdictsAsTheyAreWhateverTheConnection() {
        ConcurrentWriteException verdict = new ConcurrentWriteException("meanwhile");
        assertSame(verdict, assertThrows(ConcurrentWriteException.class, () -> Sql.run(database, connection -> {
            connection.close();
            throw verdict;
        })));
    }
}
