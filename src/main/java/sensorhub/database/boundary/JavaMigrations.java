package sensorhub.database.boundary;

import org.flywaydb.core.api.migration.JavaMigration;

/**
 * The migrations written in Java, beside the SQL scripts: named here, since Flyway does not scan for classes
 * in a WAR. Not on {@link SchemaMigration} itself: an EJB must not have static methods (WildFly warns).
 */
public final class JavaMigrations {

    private JavaMigrations() {
    }

    public static JavaMigration[] all() {
        return new JavaMigration[] {new V3__Exact_identity_on_MySQL(), new V5__Readings_into_blocks()};
    }
}
