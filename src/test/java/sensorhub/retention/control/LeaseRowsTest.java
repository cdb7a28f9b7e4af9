package sensorhub.retention.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sensorhub.testing.MemoryDatabase;

/** The sweep's lease on the real schema: one holder at a time, taken over once it expires unrenewed. */
class LeaseRowsTest {

    private MemoryDatabase database;
    private Connection connection;
    private LeaseRows leases;

    @BeforeEach
    void createDatabase() throws SQLException {
        database = new MemoryDatabase();
        connection = database.dataSource().getConnection();
        leases = new LeaseRows(connection);
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        connection.close();
        database.close();
    }

    @Test
    void letsOneHolderAtATimeTakeItUntilItExpiresUnrenewed() throws SQLException {
        assertTrue(leases.take("sweep", "a", 0, 60));
        assertFalse(leases.take("sweep", "b", 30, 90), "held by a");
        assertTrue(leases.take("sweep", "a", 50, 110), "renewed by its holder");
        assertFalse(leases.take("sweep", "b", 100, 160), "renewed until 110");
        assertTrue(leases.take("sweep", "b", 111, 171), "expired unrenewed: taken over");
        assertFalse(leases.take("sweep", "a", 120, 180), "a lost it");
        assertTrue(leases.take("other", "a", 120, 180), "leases are by name");
    }

    @Test
    void letsAnotherTakeALeaseItsHolderLetGo() throws SQLException {
        assertTrue(leases.take("sweep", "a", 0, 60));
        leases.release("sweep", "b");
        assertFalse(leases.take("sweep", "b", 10, 70), "only its holder lets it go");

        leases.release("sweep", "a");

        assertTrue(leases.take("sweep", "b", 10, 70));
    }
}
