package sensorhub.database.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the schema holds every migration of this WAR: an instance that leaves migrating to another
 * ({@code sensors.schema.migrate=false}) gets no requests from a load balancer before that. Once current, the
 * schema stays so for this deployment, and the check costs nothing more.
 */
@Readiness
@ApplicationScoped
public class SchemaReadiness implements HealthCheck {

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    private volatile boolean current;

    /** Resolves the data source while the application starts (see {@link DatabaseReadiness}). */
    void resolveWhileDeploying(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // being notified is all it takes
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("schema").status(current()).build();
    }

    /** Whether the schema holds every migration of this WAR (background work waits for it, as requests do). */
    public boolean current() {
        if (!current) {
            try {
                current = Migrations.current(dataSource);
            } catch (RuntimeException unreachableOrNoHistoryYet) {
                current = false;
            }
        }
        return current;
    }
}
