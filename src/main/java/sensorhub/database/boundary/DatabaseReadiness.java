package sensorhub.database.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import sensorhub.database.control.Sql;

/**
 * Ready while the database answers within two seconds: a load balancer stops sending requests otherwise. It
 * names the database product too, so an operator sees at once whether the server took the intended one.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    private static final int TIMEOUT_SECONDS = 2;

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    /**
     * Makes the container create this bean, and so resolve the data source, while the application starts: WildFly
     * runs health checks on its management thread, where the application's {@code java:comp} names are unknown.
     */
    void resolveWhileDeploying(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // being notified is all it takes
    }

    @Override
    public HealthCheckResponse call() {
        try (Connection connection = Sql.connection(dataSource)) {
            return HealthCheckResponse.named("database").status(connection.isValid(TIMEOUT_SECONDS))
                    .withData("product", connection.getMetaData().getDatabaseProductName()).build();
        } catch (SQLException e) {
            return HealthCheckResponse.named("database").down().build();
        }
    }
}
