package sensorhub.database.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Brings the schema up to date before the application serves anything, unless {@code sensors.schema.migrate} is
 * false. Several instances on one MySQL or MariaDB may all migrate: Flyway locks its history table. On Galera
 * that lock does not hold (row locks are not replicated, flyway#1975), so one instance migrates and the others
 * start with the switch off: {@link SchemaReadiness} keeps them out of the load balancer until the schema is
 * current (DEPLOYING.md, "Several instances").
 */
@Startup
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "sensors.schema.migrate")
    boolean migrate;

    @PostConstruct
    void migrate() {
        if (migrate) {
            Migrations.configure(dataSource).load().migrate();
        } else {
            LOG.info("sensors.schema.migrate is false: another instance migrates the schema; this one is not ready "
                    + "until the schema is current");
        }
    }
}
