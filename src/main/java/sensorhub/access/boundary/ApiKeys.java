package sensorhub.access.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import sensorhub.access.control.ApiKeyNotFoundException;
import sensorhub.access.control.Secrets;
import sensorhub.access.control.UsageThrottle;
import sensorhub.access.entity.ApiKey;
import sensorhub.access.entity.Caller;
import sensorhub.access.entity.Permission;
import sensorhub.database.boundary.Retried;
import sensorhub.database.control.Sql;
import sensorhub.database.control.TransientFailures;
import sensorhub.meters.control.Meters.KeyCheck;
import sensorhub.meters.control.Meters;
import sensorhub.time.control.EpochMicros;

/**
 * The API keys: who a secret belongs to, and keys made, listed and revoked. Every lookup asks the database,
 * so a key revoked through any instance of the service fails on its very next request everywhere. Lookups run
 * outside any transaction; each change in one of its own ({@link ApiKeyWrites}), tried again where the database
 * gave up on it for a concurrent transaction's sake.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ApiKeys {

    /** The name the configured bootstrap key acts under, e.g. in {@code updated_by}; no stored key may take it. */
    public static final String BOOTSTRAP_NAME = "bootstrap-admin";

    /**
     * Plain JDBC, not a JPA query: the lookup runs on every request outside any transaction, where the entity
     * manager would build a persistence context each time (measured: 1.2 ms of a 5 ms answer).
     */
    static final String ACTIVE_BY_HASH = "SELECT id, name, permissions, last_used_at FROM api_keys "
            + "WHERE secret_hash = ? AND revoked_at IS NULL";

    @PersistenceContext
    EntityManager em;

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @EJB
    ApiKeyWrites writes;

    @Inject
    @ConfigProperty(name = "sensors.admin-key")
    Optional<String> bootstrapKey;

    @Inject
    Clock clock;

    /** The key's caller, if it is known; the lookup timed ({@code sensorhub_auth_key_check}). */
    public Optional<Caller> check(String secret) {
        long start = System.nanoTime();
        KeyCheck outcome = KeyCheck.FAILED;
        try {
            Optional<Caller> caller = authenticate(secret);
            outcome = caller.isPresent() ? KeyCheck.KNOWN : KeyCheck.UNKNOWN;
            return caller;
        } finally {
            Meters.keyCheck(outcome, System.nanoTime() - start);
        }
    }

    private Optional<Caller> authenticate(String secret) {
        if (bootstrapKey.filter(key -> !key.isBlank()).filter(key -> Secrets.same(secret, key)).isPresent()) {
            return Optional.of(new Caller(BOOTSTRAP_NAME, EnumSet.of(Permission.ADMIN)));
        }
        Optional<StoredKey> stored = Sql.run(dataSource, connection -> {
            try (PreparedStatement query = connection.prepareStatement(ACTIVE_BY_HASH)) {
                query.setString(1, Secrets.hash(secret));
                try (ResultSet row = query.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    long lastUse = row.getLong(4);
                    Instant lastRecorded = row.wasNull() ? null : EpochMicros.toInstant(lastUse);
                    return Optional.of(new StoredKey(row.getLong(1),
                            new Caller(row.getString(2), Permission.setOf(row.getString(3))), lastRecorded));
                }
            }
        });
        stored.filter(key -> new UsageThrottle(clock).isDue(key.lastUsed()))
                .ifPresent(key -> noteUseIfPossible(key.id()));
        return stored.map(StoredKey::caller);
    }

    /** An active key as its lookup finds it. */
    private record StoredKey(long id, Caller caller, Instant lastUsed) {
    }

    /**
     * Two requests with one key may both note its use and deadlock; the request is authenticated either way,
     * and a minute later another one notes it.
     */
    private void noteUseIfPossible(long id) {
        TransientFailures.unlessTransient(() -> {
            writes.noteUse(id);
            return true;
        }, false);
    }

    /** Stores a new key and returns it with its secret, which is never available again. */
    @Retried
    public NewApiKey create(String name, Set<Permission> permissions) {
        return writes.create(name, permissions);
    }

    public List<ApiKey> active() {
        return em.createNamedQuery(ApiKey.ACTIVE, ApiKey.class).getResultList();
    }

    /** A key that is not revoked. */
    public ApiKey find(long id) {
        ApiKey key = em.find(ApiKey.class, id);
        if (key == null || key.revoked()) {
            throw new ApiKeyNotFoundException(id);
        }
        return key;
    }

    @Retried
    public void revoke(long id) {
        writes.revoke(id);
    }

    /** A key just made, with its secret. */
    public record NewApiKey(ApiKey key, String secret) {
    }
}
