package sensorhub.database.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import sensorhub.database.control.Sql;

/**
 * Brings the schema up to date before the application serves anything, from the versioned scripts in
 * {@code db/migration}. Instances that start together are safe: Flyway locks its history table.
 */
@Startup
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SchemaMigration {

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .placeholders(placeholders())
                .javaMigrations(JavaMigrations.all())
                .load()
                .migrate();
    }

    /**
     * Column types that differ by database. MySQL compares text case-insensitively by default, so ids "A1" and
     * "a1" would collide there and not on H2: a binary collation makes ids case-sensitive on both (and V3 makes
     * them exact). A block of readings may exceed MySQL's 64 KiB BLOB; H2's VARBINARY holds a gigabyte.
     */
    private Map<String, String> placeholders() {
        try (Connection connection = Sql.connection(dataSource)) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase();
            boolean mysql = product.contains("mysql") || product.contains("mariadb");
            return Map.of("exact_text", mysql ? "CHARACTER SET utf8mb4 COLLATE utf8mb4_bin" : "",
                    "block_bytes", mysql ? "MEDIUMBLOB" : "VARBINARY");
        } catch (SQLException e) {
            throw new IllegalStateException("The database cannot be reached to migrate the schema", e);
        }
    }
}
