package sensorhub.database.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.ejb.EJBException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import sensorhub.meters.control.Meters;

class TransientFailuresTest {

    private static final SQLException DEADLOCK = new SQLException("Deadlock found", "40001", 1213);

    @Test
    void triesAgainWhileTheFailureIsTransient() {
        AtomicInteger calls = new AtomicInteger();
        String result = TransientFailures.retried(() -> {
            if (calls.incrementAndGet() < 3) {
                throw new EJBException(new IllegalStateException(DEADLOCK));
            }
            return "stored";
        });
        assertEquals("stored", result);
        assertEquals(3, calls.get());
    }

    @Test
    void countsEachRetryByTheKindOfItsFailure() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Meters.add(registry, ConflictKind.values(), new Enum<?>[0]);
        try {
            AtomicInteger calls = new AtomicInteger();
            TransientFailures.retried(() -> {
                if (calls.incrementAndGet() < 3) {
                    throw new EJBException(new IllegalStateException(DEADLOCK));
                }
                return "stored";
            });

            assertEquals(2.0, registry.get("sensorhub.db.conflicts.retried").tag("kind", "deadlock").counter().count());
            assertEquals(0.0, registry.get("sensorhub.db.conflicts.retried").tag("kind", "lock_wait").counter().count());
        } finally {
            Meters.remove(registry);
        }
    }

    @Test
    void givesUpAfterItsAttempts() {
        AtomicInteger calls = new AtomicInteger();
        assertThrows(ConcurrentWriteException.class, () -> TransientFailures.retried(() -> {
            calls.incrementAndGet();
            throw new ConcurrentWriteException("meanwhile");
        }));
        assertEquals(TransientFailures.ATTEMPTS, calls.get());
    }

    @Test
    void doesNotTryAgainWhatNoRetryCures() {
        AtomicInteger calls = new AtomicInteger();
        IllegalArgumentException bug = new IllegalArgumentException("a bug");
        assertSame(bug, assertThrows(IllegalArgumentException.class, () -> TransientFailures.retried(() -> {
            calls.incrementAndGet();
            throw bug;
        })));
        assertEquals(1, calls.get());
    }

    @Test
    void recognisesTheDatabasesWordsForConflictsAndDuplicates() {
        assertTrue(TransientFailures.isTransient(new SQLException("Lock wait timeout exceeded", "HY000", 1205)));
        assertTrue(TransientFailures.isTransient(new SQLException("Timeout trying to lock table", "HYT00", 50200)));
        assertTrue(TransientFailures.isTransient(new SQLException("Deadlock detected", "40001", 40001)));
        assertFalse(TransientFailures.isTransient(new SQLException("Duplicate entry", "23000", 1062)));
        assertTrue(TransientFailures.isUniqueViolation(new SQLIntegrityConstraintViolationException(
                "Duplicate entry 'a' for key 'uq_sensors_id'", "23000", 1062)));
        assertTrue(TransientFailures.isUniqueViolation(new SQLException("Unique index violation", "23505", 23505)));
        assertFalse(TransientFailures.isUniqueViolation(new SQLException("Cannot add a child row", "23000", 1452)));
    }
}
