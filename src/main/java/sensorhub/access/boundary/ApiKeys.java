package sensorhub.access.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.core.Response.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import sensorhub.access.control.Secrets;
import sensorhub.access.entity.ApiKey;
import sensorhub.access.entity.Caller;
import sensorhub.access.entity.Permission;
import sensorhub.problems.boundary.ProblemException;

/**
 * The API keys: who a secret belongs to, and keys made, listed and revoked. Every lookup asks the database,
 * so a key revoked through any instance of the service fails on its very next request everywhere.
 */
@Stateless
public class ApiKeys {

    /** The name the configured bootstrap key acts under, e.g. in {@code updated_by}; no stored key may take it. */
    public static final String BOOTSTRAP_NAME = "bootstrap-admin";

    /** How stale {@code last_used_at} may get: a write per request would cost more than the answer. */
    private static final Duration LAST_USE_RESOLUTION = Duration.ofMinutes(1);

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext self;

    @Inject
    @ConfigProperty(name = "sensors.admin-key")
    Optional<String> bootstrapKey;

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<Caller> authenticate(String secret) {
        if (bootstrapKey.filter(key -> !key.isBlank()).filter(key -> Secrets.same(secret, key)).isPresent()) {
            return Optional.of(new Caller(BOOTSTRAP_NAME, EnumSet.of(Permission.ADMIN)));
        }
        Optional<ApiKey> key = em.createNamedQuery(ApiKey.ACTIVE_BY_HASH, ApiKey.class)
                .setParameter("hash", Secrets.hash(secret))
                .getResultStream().findFirst();
        key.filter(ApiKeys::lastUseIsStale).ifPresent(k -> self.getBusinessObject(ApiKeys.class).noteUse(k.id()));
        return key.map(ApiKey::caller);
    }

    private static boolean lastUseIsStale(ApiKey key) {
        return key.lastUsedAt() == null || key.lastUsedAt().plus(LAST_USE_RESOLUTION).isBefore(Instant.now());
    }

    /** Records a use of the key, in a transaction of its own: checking a key is otherwise read-only. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void noteUse(long id) {
        em.createNamedQuery(ApiKey.NOTE_USE).setParameter("id", id).setParameter("now", Instant.now())
                .executeUpdate();
    }

    /** Stores a new key and returns it with its secret, which is never available again. */
    public NewApiKey create(String name, Set<Permission> permissions) {
        boolean taken = em.createNamedQuery(ApiKey.COUNT_BY_NAME, Long.class)
                .setParameter("name", name).getSingleResult() > 0;
        if (taken || BOOTSTRAP_NAME.equals(name)) {
            throw new ProblemException(Status.CONFLICT, "An API key named '" + name + "' exists or existed.");
        }
        String secret = Secrets.newSecret();
        ApiKey key = new ApiKey(name, Secrets.hash(secret), permissions, Instant.now());
        em.persist(key);
        em.flush();
        return new NewApiKey(key, secret);
    }

    public List<ApiKey> active() {
        return em.createNamedQuery(ApiKey.ACTIVE, ApiKey.class).getResultList();
    }

    public void revoke(long id) {
        ApiKey key = em.find(ApiKey.class, id);
        if (key == null || key.revoked()) {
            throw new ProblemException(Status.NOT_FOUND, "No active API key has the id " + id + ".");
        }
        key.revoke(Instant.now());
    }

    /** A key just made, with its secret. */
    public record NewApiKey(ApiKey key, String secret) {
    }
}
