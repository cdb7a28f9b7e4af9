package sensorhub.database.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import org.junit.jupiter.api.Test;

class ConflictKindTest {

    @Test
    void namesMySqlsDeadlockAndGalerasCertificationFailureDeadlock() {
        assertEquals(ConflictKind.DEADLOCK, ConflictKind.of(new SQLException("Deadlock found", "40001", 1213)));
        assertEquals(ConflictKind.DEADLOCK, ConflictKind.of(new EJBException(new PersistenceException(
                new SQLTransactionRollbackException("WSREP detected deadlock/conflict", "40001", 1213)))));
    }

    @Test
    void namesH2sDeadlockByItsSerializationFailureState() {
        assertEquals(ConflictKind.DEADLOCK, ConflictKind.of(new SQLException("Deadlock detected", "40001", 40001)));
    }

    @Test
    void namesLockWaitsOfMySqlAndH2EvenWhenTheirStateSaysSerializationFailure() {
        assertEquals(ConflictKind.LOCK_WAIT, ConflictKind.of(new SQLException("Lock wait timeout", "40001", 1205)));
        assertEquals(ConflictKind.LOCK_WAIT, ConflictKind.of(new SQLException("Lock wait timeout", "HY000", 1205)));
        assertEquals(ConflictKind.LOCK_WAIT, ConflictKind.of(new SQLException("Timeout trying to lock", "HYT00", 50200)));
    }

    @Test
    void namesAConcurrentWriteBehindTheContainersWrapper() {
        assertEquals(ConflictKind.CONCURRENT_WRITE,
                ConflictKind.of(new EJBException(new ConcurrentWriteException("meanwhile"))));
    }

    @Test
    void callsAnyOtherTransientFailureOther() {
        SQLTransactionRollbackException rollback = new SQLTransactionRollbackException("rolled back", "40002", 0);
        assertEquals(true, TransientFailures.isTransient(rollback));
        assertEquals(ConflictKind.OTHER, ConflictKind.of(rollback));
        assertEquals(ConflictKind.OTHER, ConflictKind.of(new IllegalStateException("not a conflict")));
    }
}
