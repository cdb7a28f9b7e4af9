package sensorhub.database.boundary;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import sensorhub.testing.MemoryDatabase;

/**
 * An instance that leaves migrating to another ({@code sensors.schema.migrate=false}) is ready once the schema is
 * current: every migration of its WAR applied, by whichever instance migrates.
 */
class MigrationsTest {

    @Test
    void anEmptyDatabaseIsNotCurrent() {
        JdbcDataSource empty = new JdbcDataSource();
        empty.setURL("jdbc:h2:mem:migrations-empty");
        assertFalse(Migrations.current(empty));
    }

    @Test
    void theSchemaIsCurrentOnceAnotherInstanceAppliesTheLastMigration() throws SQLException {
        try (MemoryDatabase database = new MemoryDatabase("4")) {
            assertFalse(Migrations.current(database.dataSource()));
            database.migrate(null);
            assertTrue(Migrations.current(database.dataSource()));
        }
    }
}
