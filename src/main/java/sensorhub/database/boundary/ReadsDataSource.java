package sensorhub.database.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The datasource of the heavy reads (a day's values, ranges, series, CSV exports, latest values): the one that
 * {@code sensors.reads.datasource} names, by default the primary itself. On Galera it is a pool on the cluster's
 * read port whose sessions set {@code wsrep_sync_wait}, so that a read on any node waits until that node has
 * applied every write acknowledged before it (DEPLOYING.md, "Several instances"). Reads from it never join a
 * transaction: a second pool in one transaction would need XA. Which one it is goes to the log at start (its JNDI
 * name, nothing of its URL or credentials), so that a deployment can be checked for a binding that took effect.
 */
@ApplicationScoped
public class ReadsDataSource {

    static final String PRIMARY = "java:comp/DefaultDataSource";

    private static final Logger LOG = Logger.getLogger(ReadsDataSource.class.getName());

    @Resource(lookup = PRIMARY)
    DataSource primary;

    @Inject
    @ConfigProperty(name = "sensors.reads.datasource")
    String name;

    private DataSource reads;

    @PostConstruct
    void lookUp() {
        reads = PRIMARY.equals(name) ? primary : named(name);
        LOG.info(() -> "Heavy reads use the datasource " + name + " (sensors.reads.datasource)");
    }

    private static DataSource named(String name) {
        try {
            return (DataSource) new InitialContext().lookup(name);
        } catch (NamingException | ClassCastException e) {
            throw new IllegalStateException("sensors.reads.datasource names no datasource: " + name, e);
        }
    }

    /** Makes the container create this bean while the application starts, so that a wrong name fails the deployment. */
    void lookUpWhileDeploying(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // being notified is all it takes
    }

    public DataSource get() {
        return reads;
    }
}
