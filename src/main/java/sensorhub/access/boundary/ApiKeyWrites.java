package sensorhub.access.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import sensorhub.access.control.ApiKeyNameTakenException;
import sensorhub.access.control.ApiKeyNotFoundException;
import sensorhub.access.control.Secrets;
import sensorhub.access.entity.ApiKey;
import sensorhub.access.entity.Permission;
import sensorhub.database.control.TransientFailures;

/** Changes of the API keys, each in a transaction. Only the door ({@link ApiKeys}) calls it. */
@Stateless
public class ApiKeyWrites {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** Stores a new key and returns it with its secret, which is never available again. */
    public ApiKeys.NewApiKey create(String name, Set<Permission> permissions) {
        boolean taken = em.createNamedQuery(ApiKey.COUNT_BY_NAME, Long.class)
                .setParameter("name", name).getSingleResult() > 0;
        if (taken || ApiKeys.BOOTSTRAP_NAME.equals(name)) {
            throw new ApiKeyNameTakenException("An API key named '" + name + "' exists or existed.");
        }
        String secret = Secrets.newSecret();
        // The microseconds the table keeps, so that this answer shows what every later read of the key shows.
        Instant created = clock.instant().truncatedTo(ChronoUnit.MICROS);
        ApiKey key = new ApiKey(name, Secrets.hash(secret), permissions, created);
        em.persist(key);
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (TransientFailures.isUniqueViolation(e)) {
                throw new ApiKeyNameTakenException("An API key named '" + name + "' was made meanwhile.");
            }
            throw e;
        }
        return new ApiKeys.NewApiKey(key, secret);
    }

    public void revoke(long id) {
        ApiKey key = em.find(ApiKey.class, id);
        if (key == null || key.revoked()) {
            throw new ApiKeyNotFoundException(id);
        }
        key.revoke(clock.instant());
    }

    /** Records a use of the key, in a transaction of its own: checking a key is otherwise read-only. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void noteUse(long id) {
        em.createNamedQuery(ApiKey.NOTE_USE).setParameter("id", id).setParameter("now", clock.instant())
                .executeUpdate();
    }
}
