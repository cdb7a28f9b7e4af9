package sensorhub.database.boundary;

import java.util.logging.Logger;
import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.Session;

/**
 * Stops EclipseLink (Payara, Open Liberty) from retrying a read that failed for a broken connection: by default it
 * waits 5 s and tries again, up to 3 times, so a request sent as the database died hung 10 s and more. This
 * service answers such a request 503 at once and its clients retry; the pool hands out a checked connection
 * the next time.
 *
 * <p>Named by the system property {@code eclipselink.session.customizer} (server-config/payara/system.properties),
 * which EclipseLink reads at deployment where persistence.xml names no customizer. Named in persistence.xml it
 * would fail every deployment on Open Liberty, which hides EclipseLink's API from applications; Hibernate
 * (WildFly) never loads it.
 */
public class NoQueryRetry implements SessionCustomizer {

    private static final Logger LOG = Logger.getLogger(NoQueryRetry.class.getName());

    @Override
    public void customize(Session session) {
        session.getLogin().setQueryRetryAttemptCount(0);
        session.getLogin().setDelayBetweenConnectionAttempts(0);
        LOG.info("EclipseLink will not retry reads on broken connections: they fail at once");
    }
}
