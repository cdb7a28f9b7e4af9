package sensorhub.database.boundary;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import sensorhub.database.control.Sql;

/**
 * The schema's versioned migrations as Flyway runs them: the SQL scripts in {@code db/migration}, the Java ones
 * beside them (named here, since Flyway does not scan for classes in a WAR), and the column types that differ by
 * database. {@link SchemaMigration} applies them; {@link SchemaReadiness} asks whether any is pending.
 */
public final class Migrations {

    private Migrations() {
    }

    /** Flyway's configuration for the schema in {@code dataSource}; {@code configure().load()} is ready to run. */
    public static FluentConfiguration configure(DataSource dataSource) {
        return Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .placeholders(placeholders(dataSource))
                .javaMigrations(new V3__Exact_identity_on_MySQL(), new V5__Readings_into_blocks());
    }

    /** Whether every migration of this WAR has been applied. */
    public static boolean current(DataSource dataSource) {
        return configure(dataSource).load().info().pending().length == 0;
    }

    /**
     * Column types that differ by database. MySQL compares text case-insensitively by default, so ids "A1" and
     * "a1" would collide there and not on H2: a binary collation makes ids case-sensitive on both (and V3 makes
     * them exact). A block of readings may exceed MySQL's 64 KiB BLOB; H2's VARBINARY holds a gigabyte.
     */
    private static Map<String, String> placeholders(DataSource dataSource) {
        try (Connection connection = Sql.connection(dataSource)) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase();
            boolean mysql = product.contains("mysql") || product.contains("mariadb");
            return Map.of("exact_text", mysql ? "CHARACTER SET utf8mb4 COLLATE utf8mb4_bin" : "",
                    "block_bytes", mysql ? "MEDIUMBLOB" : "VARBINARY");
        } catch (SQLException e) {
            throw new IllegalStateException("The database cannot be reached to read or migrate the schema", e);
        }
    }
}
