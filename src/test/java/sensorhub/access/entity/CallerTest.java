package sensorhub.access.entity;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CallerTest {

    @ParameterizedTest
    @EnumSource(Permission.class)
    void adminMayDoEverything(Permission needed) {
        assertTrue(new Caller("ops", Set.of(Permission.ADMIN)).may(needed));
    }

    @ParameterizedTest
    @EnumSource(value = Permission.class, names = {"WRITE", "DELETE", "ADMIN"})
    void readerMayOnlyRead(Permission needed) {
        Caller reader = new Caller("dashboard", Set.of(Permission.READ));

        assertTrue(reader.may(Permission.READ));
        assertFalse(reader.may(needed));
    }

    @Test
    void writerMayNotReadUnlessGranted() {
        Caller writer = new Caller("ingest", Set.of(Permission.WRITE));

        assertTrue(writer.may(Permission.WRITE));
        assertFalse(writer.may(Permission.READ));
    }

    @ParameterizedTest
    @EnumSource(Permission.class)
    void keyWithoutPermissionsMayDoNothing(Permission needed) {
        assertFalse(new Caller("empty", Set.of()).may(needed));
    }
}
